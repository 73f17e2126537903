"""The content model refuses bad pages, naming the file, the field and the fix (hinge/content.py).

No MkDocs here: each case writes one page with one mistake and loads it the
way the build does, so a new check is a new row in the table below.
"""

from __future__ import annotations

import pytest

from hinge.content import ContentError, Source, load_content, load_tooltips

GOOD_STEP = """\
---
title: "Step 2: Pull the hips back"
description: Move your hips back by pulling them.
kind: step
plan_id: h2
step: 2
equipment: [kettlebell]
action: Pull your hips back until you feel the backs of your thighs.
dose:
  sets: 2
  reps: 8
  rest: 60
  per_week: 2
  move_on: Move on when every rep looks the same.
  go_back: Go back a step if your back rounds.
faults:
  - looks: Your bum sticks out.
    feels: Your low back works.
    fix: Pull, don't push.
    cue: hinge/pull-the-hips-back.md#cue-pull-the-hips-back
cues:
  - cue: Pull the hips back
    fixes: Your butt sticks out.
    anchor: cue-pull-the-hips-back
---

# Step 2: Pull the hips back

## The cue {#cue}

/// cue | “Pull the hips back”
    attrs: {id: cue-pull-the-hips-back}

Think of a rope tied to your belt.
///

## What to do {#what-to-do}

Do it.

## Reps and rest {#dose}

<!-- dose -->

## Why this wording works {#why-this-wording}

Because.

## The usual fault and its fix {#fault-and-fix}

<!-- faults -->
"""


def load(tmp_path, text: str, src: str = "hinge/pull-the-hips-back.md"):
    path = tmp_path / src
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return load_content([Source(src, path, src.removesuffix(".md") + "/", "The hip hinge")])


def test_a_good_page_loads_into_typed_objects(tmp_path):
    content = load(tmp_path, GOOD_STEP)
    page = content.page("hinge/pull-the-hips-back.md")
    assert page.step == 2 and page.dose.sets == 2 and page.dose.per_week == 2
    assert [cue.words for cue in content.cues] == ["Pull the hips back"]
    assert content.cues[0].teaching == "Think of a rope tied to your belt."
    assert page.faults[0].cue == content.cues[0].target
    assert page.placeholders == {"dose", "faults"}


def edit(old: str, new: str):
    def apply(text: str) -> str:
        assert old in text, f"the good page has no {old!r} to change"
        return text.replace(old, new, 1)
    return apply


# case: (edit, field named in the message or None, words the message must hold)
CASES = {
    "missing description": (edit("description: Move your hips back by pulling them.\n", ""),
                            "description", ["missing", "add one sentence"]),
    "description without a full stop": (edit("by pulling them.", "by pulling them"),
                                        "description", ["full sentence", "end it with"]),
    "unknown kind": (edit("kind: step", "kind: exercise"), "kind", ["'exercise'", "use one of"]),
    "misspelt field": (edit("action:", "acton:"), "acton", ["not a field", "check the spelling"]),
    "key given twice": (edit("kind: step\n", "kind: step\ntitle: Again\n"), None, ["given twice", "give each field once"]),
    "broken YAML": (edit('title: "Step 2: Pull the hips back"', "title: Step 2: Pull"), None, ["not valid YAML", "quotes"]),
    "step out of range": (edit("step: 2", "step: 9"), "step", ["9", "from 1 to 6"]),
    "cue with no block": (edit("attrs: {id: cue-pull-the-hips-back}", "attrs: {id: cue-other}"),
                          "cues[1].anchor", ["0 cue blocks", "exactly one block"]),
    "block not declared": (edit("<!-- faults -->", "<!-- faults -->\n\n/// cue | “Extra”\n    attrs: {id: cue-extra}\n\nMore.\n///"),
                           "cues", ["#cue-extra", "add it under 'cues'"]),
    "two cue blocks, one anchor": (edit("Do it.\n", "Do it.\n\n/// cue | “Pull the hips back”\n    attrs: {id: cue-pull-the-hips-back}\n\nAgain.\n///\n"),
                                   "cues[1].anchor", ["#cue-pull-the-hips-back has 2 cue blocks", "exactly one block"]),
    "two cues, one anchor": (edit("    anchor: cue-pull-the-hips-back\n---",
                                  "    anchor: cue-pull-the-hips-back\n  - cue: Hips back\n    fixes: Bending.\n"
                                  "    anchor: cue-pull-the-hips-back\n---"),
                             "cues[2].anchor", ["#cue-pull-the-hips-back is listed twice", "its own anchor"]),
    "cue words differ": (edit("/// cue | “Pull the hips back”", "/// cue | “Push the hips back”"),
                         "cues[1].cue", ["Push the hips back", "same words"]),
    "cue anchor is a section id": (edit("## What to do {#what-to-do}", "## What to do {#cue-pull-the-hips-back}"),
                                   "cues[1].anchor", ["section's id", "anchor of its own"]),
    "missing template section": (edit("## Why this wording works {#why-this-wording}", "## Why {#why}"),
                                 None, ["why-this-wording", "keep each id"]),
    "dose as words": (edit("sets: 2", "sets: two"), "dose.sets", ["'two'", "whole number"]),
    "dose missing a field": (edit("  go_back: Go back a step if your back rounds.\n", ""),
                             "dose.go_back", ["missing", "go back a step"]),
    "fault points at no cue": (edit("cue: hinge/pull-the-hips-back.md#cue-pull-the-hips-back\ncues",
                                    "cue: hinge/pull-the-hips-back.md#cue-nothing\ncues"),
                               "faults[1].cue", ["cue-nothing", "not a cue any page declares"]),
    "placeholder typo": (edit("<!-- dose -->", "<!-- dose-block -->"), None, ["not a placeholder", "<!-- dose -->"]),
    "dose without its placeholder": (edit("<!-- dose -->", ""), "dose", ["no line <!-- dose -->", "put both"]),
    "no action line": (edit("action: Pull your hips back until you feel the backs of your thighs.\n", ""),
                       "action", ["missing", "one thing to do"]),
    "no faults": (edit("faults:", "mistakes:"), "faults", ["None", "list one to three faults"]),
    "script tag": (edit("Do it.", "Do it.\n\n<script>alert(1)</script>"), None, ["line", "<script>", "hinge.js"]),
    "inline event handler": (edit("Do it.", 'Do it. <img src="x.png" onerror="alert(1)">'), None,
                             ["inline event handler", "data- attribute"]),
    "iframe": (edit("Do it.", '<iframe src="https://example.org"></iframe>'), None, ["<iframe>", "link to the other page"]),
    "meta refresh": (edit("Do it.", '<meta http-equiv="refresh" content="0;url=https://example.org">'), None,
                     ["<meta>", "front matter"]),
    "form": (edit("Do it.", '<form action="https://example.org"><input name="q"></form>'), None, ["<form>", "takes no input"]),
    "base": (edit("Do it.", '<base href="https://example.org/">'), None, ["<base>", "relative"]),
    "also_called not a list": (edit("kind: step", "kind: step\nalso_called: hips back"), "also_called",
                               ["'hips back'", "list the other names"]),
    "search_words not a list": (edit("kind: step", "kind: step\nsearch_words: bum out"), "search_words",
                                ["'bum out'", "lower-case words or phrases"]),
    "search word with punctuation": (edit("kind: step", "kind: step\nsearch_words: [\"Bum out!\"]"), "search_words",
                                     ["'Bum out!'", "lower-case letters"]),
    "search word repeats also_called": (
        edit("kind: step", "kind: step\nalso_called: [hips back]\nsearch_words: [hips back, bum out]"),
        "search_words", ["'hips back'", "also_called is already shown"]),
    "search word given twice": (edit("kind: step", "kind: step\nsearch_words: [bum out, bum out]"), "search_words",
                                ["'bum out' twice", "once"]),
    "search word used twice": (edit("kind: step", "kind: step\nsearch_words: [bum out, stick your bum out]"),
                               "search_words", ["'bum', 'out' more than once", "use each word once"]),
    "too many search words": (edit("kind: step", "kind: step\nsearch_words: [" + ", ".join(f"word {n}" for n in range(17)) + "]"),
                              "search_words", ["17 entries", "keep the 16"]),
    "no plan id": (edit("plan_id: h2\n", ""), "plan_id", ["None", "short id for plan links"]),
    "plan id with capitals and a dash": (edit("plan_id: h2", "plan_id: Hip-2"), "plan_id", ["'Hip-2'", "lower-case"]),
    "plan id that is a field of the link": (edit("plan_id: h2", "plan_id: note"), "plan_id", ["'note'", "never change it"]),
    "action too long": (edit("action: Pull your hips back", "action: " + "Pull your hips back " * 8),
                        "action", ["characters", "ten seconds"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_page_is_refused_naming_file_field_and_fix(case, tmp_path):
    change, field, words = CASES[case]
    with pytest.raises(ContentError) as raised:
        load(tmp_path, change(GOOD_STEP))
    message = str(raised.value)
    assert "docs/hinge/pull-the-hips-back.md" in message, message
    if field:
        assert f"field '{field}'" in message, message
    assert "Fix:" in message, message
    for word in words:
        assert word in message, f"{case}: expected {word!r} in:\n{message}"


def test_raw_html_is_refused_on_the_line_it_stands(tmp_path):
    page = GOOD_STEP.replace("Do it.", "Do it.\n\n<script>alert(1)</script>")
    line = page.splitlines().index("<script>alert(1)</script>") + 1
    with pytest.raises(ContentError) as raised:
        load(tmp_path, page)
    assert f"line {line} has a <script> tag" in str(raised.value)


def test_a_page_that_is_not_utf8_names_the_byte_and_line(tmp_path):
    latin1 = GOOD_STEP.replace("Do it.", "Do it café.").encode("utf-8").replace("é".encode("utf-8"), b"\xe9")
    with pytest.raises(ContentError) as raised:
        load(tmp_path, latin1)
    message = str(raised.value)
    line = GOOD_STEP.split("Do it.")[0].count("\n") + 1
    assert "docs/hinge/pull-the-hips-back.md" in message and "byte 0xe9" in message and f"line {line}" in message
    assert "save the file as UTF-8" in message


def test_every_problem_is_listed_at_once(tmp_path):
    with pytest.raises(ContentError) as raised:
        load(tmp_path, GOOD_STEP.replace("sets: 2", "sets: 0").replace("step: 2", "step: 0"))
    assert {problem.field for problem in raised.value.problems} == {"dose.sets", "step"}


def test_a_tooltip_given_twice_is_refused_naming_the_line(tmp_path):
    path = tmp_path / "glossary-terms.md"
    path.write_text("*[lats]: Back muscles.\n*[core]: Your middle.\n*[lats]: Something else.\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_tooltips(path, "includes/glossary-terms.md")
    assert "includes/glossary-terms.md: line 3 defines the tooltip *[lats] a second time" in str(raised.value)
    assert "keep one line per term" in str(raised.value)


def test_a_tooltip_for_a_word_the_glossary_does_not_define_is_refused(tmp_path):
    glossary = load(tmp_path, "---\ntitle: Glossary\ndescription: Words.\nkind: reference\n---\n\n# Glossary\n\n"
                              "**lats** { #lats }\n:   Back muscles.\n", "glossary.md")
    path = tmp_path / "glossary-terms.md"
    path.write_text("*[lats]: Back muscles.\n*[Lats]: Back muscles.\n*[quads]: Front of the thighs.\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_tooltips(path, "includes/glossary-terms.md", glossary=glossary)
    assert str(raised.value) == (
        "  - includes/glossary-terms.md: line 3 gives a tooltip for *[quads], a term the glossary page does not "
        "define. Fix: define it in the glossary, or take out the line.")


def test_a_tooltips_file_that_is_not_utf8_names_itself(tmp_path):
    path = tmp_path / "glossary-terms.md"
    path.write_bytes("*[lats]: Back muscles.\n*[café]: x\n".encode("utf-8").replace("é".encode("utf-8"), b"\xe9"))
    with pytest.raises(ContentError) as raised:
        load_tooltips(path, "includes/glossary-terms.md")
    assert "includes/glossary-terms.md: is not UTF-8 text: byte 0xe9 on line 2" in str(raised.value)


def test_a_term_defined_twice_in_the_glossary_is_refused(tmp_path):
    glossary = """---
title: Glossary
description: Words.
kind: reference
---

# Glossary

**lats** { #lats }
:   Back muscles.

**Lats** { #lats-again }
:   Something else.
"""
    with pytest.raises(ContentError) as raised:
        load(tmp_path, glossary, "glossary.md")
    assert "docs/glossary.md: defines 'Lats' (#lats-again) a second time" in str(raised.value)


def test_a_retired_word_is_refused_naming_the_line_and_the_term_to_use(tmp_path):
    glossary = tmp_path / "glossary.md"
    glossary.write_text("---\ntitle: Glossary\ndescription: Words.\nkind: reference\nretired:\n  flat back: neutral spine\n---\n\n# Glossary\n",
                        encoding="utf-8")
    step = tmp_path / "step.md"
    page = GOOD_STEP.replace("Do it.", "Keep a flat back.")
    step.write_text(page, encoding="utf-8")
    line = page.splitlines().index("Keep a flat back.") + 1
    with pytest.raises(ContentError) as raised:
        load_content([Source("glossary.md", glossary, "glossary/"), Source("hinge/step.md", step, "hinge/step/")])
    assert (f"docs/hinge/step.md: line {line} says 'flat back', a word the guide no longer uses. "
            "Fix: write 'neutral spine'") in str(raised.value)


def test_two_exercises_with_one_plan_id_are_refused_naming_both(tmp_path):
    pages = []
    for src in ("hinge/pull-the-hips-back.md", "hinge/pull-again.md"):
        path = tmp_path / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(GOOD_STEP.replace("hinge/pull-the-hips-back.md#", src + "#"), encoding="utf-8")
        pages.append(Source(src, path, src.removesuffix(".md") + "/", "The hip hinge"))
    with pytest.raises(ContentError) as raised:
        load_content(pages)
    message = str(raised.value)
    assert "docs/hinge/pull-again.md, field 'plan_id'" in message, message
    assert "also the plan id of docs/hinge/pull-the-hips-back.md" in message and "Fix:" in message, message
