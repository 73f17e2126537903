"""What every page must declare in its front matter, and each page kind's template.

The build (scripts/front_matter.py) refuses a page that breaks these rules, and
the tests (tests/test_content.py) check the rendered pages follow their kind's
template. Keeping both here means a new page kind is added in one place.
"""

from __future__ import annotations

import re

import yaml

# Section headings (h2) each page kind shows, in this order. The id in braces is
# the stable anchor a coach may link to; it never changes when wording does.
TEMPLATES: dict[str, list[tuple[str, str]]] = {
    "step": [
        ("cue", "The cue"),
        ("what-to-do", "What to do"),
        ("why-this-wording", "Why this wording works"),
        ("fault-and-fix", "The usual fault and its fix"),
    ],
    "variation": [
        ("who-it-suits", "Who it suits"),
        ("set-up", "Set-up"),
        ("the-six-steps", "The six steps on this lift"),
        ("progress-to", "What to progress to"),
    ],
    "progression": [
        ("set-up", "Set-up"),
        ("cues", "Cues"),
        ("where-do-you-feel-it", "Where do you feel it?"),
        ("when-to-move-on", "When to move on"),
        ("what-to-watch", "What to watch"),
        ("down-and-up", "Getting down and back up"),
    ],
}

EXERCISE_KINDS = frozenset(TEMPLATES)
KINDS = EXERCISE_KINDS | {"home", "overview", "guide", "reference"}

# Longest description that still fits a search result or a link preview.
MAX_DESCRIPTION = 160
ANCHOR = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:-{3}|\.{3})[ \t]*\n", re.DOTALL)


def read_front_matter(source: str) -> dict:
    """A page's front matter as a dict; ValueError says what is wrong with it."""
    match = FRONT_MATTER.match(source)
    if not match:
        raise ValueError("the page has no front matter block: start it with a '---' line")
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        raise ValueError(f"the front matter is not valid YAML ({error}); put text that has ': ' in quotes") from None
    if not isinstance(data, dict):
        raise ValueError("the front matter must be 'field: value' lines")
    return data


def yaml_problem(source: str) -> str | None:
    """Say why a page's front matter block is not valid YAML, or None when it is fine.

    MkDocs silently drops front matter it cannot parse, which would leave the
    page with no title or kind; this finds the real cause.
    """
    try:
        read_front_matter(source)
    except ValueError as error:
        return str(error)
    return None


def problems(meta: dict) -> list[str]:
    """Return what is wrong with one page's front matter, as sentences that say what to fix."""
    found: list[str] = []

    def need_text(field: str, value: object) -> bool:
        if not isinstance(value, str) or not value.strip():
            found.append(f"'{field}' is missing or empty: add it as text")
            return False
        return True

    title = meta.get("title")
    need_text("title", title)

    description = meta.get("description")
    if need_text("description", description):
        text = description.strip()
        if len(text) > MAX_DESCRIPTION:
            found.append(f"'description' has {len(text)} characters: keep it to {MAX_DESCRIPTION} or fewer")
        if not text.endswith((".", "?", "!")):
            found.append("'description' must be one full sentence ending in '.', '?' or '!'")

    kind = meta.get("kind")
    if kind not in KINDS:
        found.append(f"'kind' is {kind!r}: use one of {', '.join(sorted(KINDS))}")
        return found

    if kind in EXERCISE_KINDS:
        found += _exercise_problems(meta, kind)
    return found


def _exercise_problems(meta: dict, kind: str) -> list[str]:
    found: list[str] = []

    equipment = meta.get("equipment")
    if not isinstance(equipment, list) or not all(isinstance(e, str) and e for e in equipment):
        found.append("'equipment' must be a list of names (use [] for none)")

    cues = meta.get("cues")
    if not isinstance(cues, list) or not cues:
        found.append("'cues' must be a list with at least one cue")
        cues = []
    for number, cue in enumerate(cues, start=1):
        if not isinstance(cue, dict):
            found.append(f"cue {number} must have 'cue', 'fixes' and 'anchor'")
            continue
        for field in ("cue", "fixes", "anchor"):
            if not isinstance(cue.get(field), str) or not cue[field].strip():
                found.append(f"cue {number} is missing '{field}'")
        anchor = cue.get("anchor", "")
        if isinstance(anchor, str) and anchor and not ANCHOR.match(anchor):
            found.append(f"cue {number} anchor {anchor!r} must be lower-case words joined by '-'")

    if kind == "step":
        step = meta.get("step")
        if not isinstance(step, int) or isinstance(step, bool) or not 1 <= step <= 6:
            found.append(f"'step' is {step!r}: use a whole number from 1 to 6")
        if len(cues) != 1:
            found.append(f"a step page teaches exactly one cue, this one lists {len(cues)}")
    return found
