"""Bad input fails loudly: a broken page stops the build and names the file.

Each case builds a temporary copy of the project with one mistake in it.
"""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, build_site

PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "hinge", "includes", "social-cards"]
# Throwaway builds skip the link preview cards: drawing them all again in
# every copy would slow the suite and proves nothing about bad input.
QUICK_BUILD = {"HINGE_SOCIAL_CARDS": "false"}
# The build's Node tools (hinge/optimize.py) are linked, not copied: 50 MB.
LINKED_PARTS = ["node_modules"]


def copy_project(destination):
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    for part in LINKED_PARTS:
        (destination / part).symlink_to(ROOT / part, target_is_directory=True)


def append(text):
    return lambda markdown: markdown + "\n" + text + "\n"


def replace_line(prefix, new):
    def edit(markdown):
        lines = markdown.splitlines()
        index = next(i for i, line in enumerate(lines) if line.startswith(prefix))
        lines[index] = new
        return "\n".join(lines) + "\n"
    return edit


CASES = {
    "broken link": ("hinge/set-it-up.md", append("See [the missing page](no-such-page.md)."), ["no-such-page.md"]),
    "missing image": ("why-glutes.md", append("![A figure](no-such-figure.svg)"), ["no-such-figure.svg"]),
    "missing anchor": (
        "hinge/grab-the-implement.md",
        append("See [the cue](pull-the-hips-back.md#no-such-heading)."),
        ["no-such-heading"],
    ),
    "missing description": ("about.md", replace_line("description:", ""), ["description"]),
    "wrong kind": ("deadlift/trap-bar.md", replace_line("kind:", "kind: exercise"), ["kind"]),
    "broken YAML": ("glossary.md", replace_line("title:", "title: Glossary: words"), ["YAML"]),
    "unknown figure": (
        "hinge/set-it-up.md",
        append("<!-- figure: step-2-pull-the-hip-back -->"),
        ["step-2-pull-the-hip-back", "step-2-pull-the-hips-back"],
    ),
    "raw script": ("hinge/set-it-up.md", append("<script>alert(1)</script>"), ["<script>", "hinge.js"]),
    "dose in words": ("bridge/supine-hip-bridge.md", replace_line("  sets:", "  sets: two"),
                      ["field 'dose.sets'", "'two'", "whole number"]),
    "mistyped figure line": ("bridge/supine-hip-bridge.md", append("<!-- figure supine-hip-bridge-top -->"), ["figure"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_broken_page_fails_the_build_naming_the_file(case, tmp_path):
    page, edit, expected_words = CASES[case]
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    source = project / "docs" / page
    source.write_text(edit(source.read_text(encoding="utf-8")), encoding="utf-8")

    result = build_site(project, tmp_path / "site", env=QUICK_BUILD)
    output = result.stdout + result.stderr

    assert result.returncode != 0, f"{case}: the build should fail but passed"
    assert page in output, f"{case}: the error must name {page}:\n{output}"
    for word in expected_words:
        assert word in output, f"{case}: the error must mention {word!r}:\n{output}"


def test_the_unchanged_copy_builds(tmp_path):
    # Proves the failures above come from the injected mistakes, not the copy.
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    result = build_site(project, tmp_path / "site", env=QUICK_BUILD)
    assert result.returncode == 0, result.stdout + result.stderr


# The glossary tooltips file is appended to every page: its mistakes must name it, not a page.
TOOLTIP_CASES = {
    "tooltip given twice": ("*[lats]: Something else.\n".encode("utf-8"), "defines the tooltip *[lats] a second time"),
    "tooltip file not UTF-8": ("*[caf\u00e9]: x\n".encode("latin-1"), "is not UTF-8 text: byte 0xe9"),
}


@pytest.mark.parametrize("case", sorted(TOOLTIP_CASES))
def test_a_broken_tooltips_file_fails_the_build_naming_it(case, tmp_path):
    added, expected = TOOLTIP_CASES[case]
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    tooltips = project / "includes" / "glossary-terms.md"
    tooltips.write_bytes(tooltips.read_bytes() + added)

    result = build_site(project, tmp_path / "site", env=QUICK_BUILD)
    output = result.stdout + result.stderr

    assert result.returncode != 0, f"{case}: the build should fail but passed"
    assert f"includes/glossary-terms.md: line" in output or "includes/glossary-terms.md: is not UTF-8" in output, output
    assert expected in output, f"{case}: the error must say {expected!r}:\n{output}"
    assert "docs/index.md" not in output, f"{case}: the error blames a page for the tooltips file:\n{output}"
