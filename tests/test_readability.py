"""Readability: every page reads at age 9 to 11, as public health sites do.

Flesch–Kincaid grade of each page's body text at most 7, median at most 6.
"""

from __future__ import annotations

import statistics

from tools.readability import body_units, grade

MAX_GRADE = 7.0
MAX_MEDIAN_GRADE = 6.0


def page_grades(content_pages) -> dict[str, float]:
    return {url: grade(body_units(page.soup)) for url, page in content_pages.items()}


def test_every_page_is_easy_to_read(content_pages):
    too_hard = {f"/{url}": round(g, 1) for url, g in page_grades(content_pages).items() if g > MAX_GRADE}
    assert not too_hard, f"grade above {MAX_GRADE}; use shorter sentences and everyday words: {too_hard}"


def test_the_median_page_is_easier_still(content_pages):
    median = statistics.median(page_grades(content_pages).values())
    assert median <= MAX_MEDIAN_GRADE, f"median grade {median:.1f} is above {MAX_MEDIAN_GRADE}"


def test_grade_tells_easy_from_hard_text():
    easy = ["Pull your hips back. Keep your back flat."]
    hard = ["Comprehensive musculoskeletal rehabilitation necessitates individualized biomechanical evaluation."]
    assert grade(easy) < 3 < MAX_GRADE < grade(hard)
