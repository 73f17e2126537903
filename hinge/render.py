"""Markdown and search entries rendered from the content model, never from rendered HTML.

Each `render_*` function takes model objects and returns Markdown that MkDocs
then renders like any other text, so its links are checked by the strict build.
hinge/hooks/content.py swaps each placeholder (content.PLACEHOLDERS) for its rendering.
"""

from __future__ import annotations

import posixpath
import re
from html import escape
from itertools import groupby

from hinge.content import Content, Cue, Dose, Page

SAFETY_PAGE = "safety.md"
# The id of each exercise page's dose block: the plan page links each exercise to it.
DOSE_ANCHOR = "starting-dose"


def link(from_src: str, to_src: str, anchor: str = "") -> str:
    """A Markdown link target from one page's source to another's (and an #anchor)."""
    here = posixpath.dirname(from_src) or "."
    target = posixpath.relpath(to_src, here)
    return f"{target}#{anchor}" if anchor else target


def cue_row_ids(cues: tuple[Cue, ...]) -> list[str]:
    """The cue finder's row ids: a cue taught on several pages keeps its anchor on
    its first row; later rows add the page's name, so every row id is unique."""
    ids, seen = [], set()
    for cue in cues:
        row_id = cue.anchor
        if row_id in seen:
            row_id += "-" + posixpath.splitext(posixpath.basename(cue.page_src))[0]
        seen.add(row_id)
        ids.append(row_id)
    return ids


def render_cue_finder(content: Content, page_src: str) -> str:
    """One table row per cue: its words, what it fixes, and a link to where it is taught."""
    rows = ["| Cue | What it fixes | Where it is taught |", "| --- | --- | --- |"]
    for cue, row_id in zip(content.cues, cue_row_ids(content.cues)):
        rows.append(f"| <span id=\"{row_id}\">“{cue.words}”</span> | {cue.fixes} "
                    f"| [{cue.page_title}]({link(page_src, cue.page_src, cue.anchor)}) |")
    # Search indexes the rows one by one (search_entries), so the table stays out of the page entry.
    return "\n".join(['<div markdown data-search-exclude>', "", *rows, "", "</div>"])


def render_cue_sheet(content: Content, page_src: str) -> str:
    """The cues grouped by menu section, one short table each, sized to print on one page."""
    blocks = []
    for section, cues in groupby(content.cues, key=lambda cue: cue.section):
        cues = list(cues)
        # The section's folder (hinge, deadlift, bridge) is its stable #anchor.
        blocks.append(f"## {section} {{#{posixpath.dirname(cues[0].page_src)}}}\n")
        blocks.append("| Cue | Taught in | What it fixes |\n| --- | --- | --- |")
        for cue in cues:
            blocks.append(f"| **“{cue.words}”** | [{cue.page_title}]({link(page_src, cue.page_src, cue.anchor)}) "
                          f"| {cue.fixes} |")
        blocks.append("")
    return "\n".join(blocks)


def render_action(page: Page) -> str:
    """The one thing to do, first on the page, for a client between sets. Left out of
    search: it sums up the cue the page teaches, and would pull that page up for
    the words of every other cue that shares them."""
    return f'<p class="hg-action" data-search-exclude markdown><strong>Do this:</strong> {page.action}</p>'


def render_also_called(page: Page) -> str:
    """The other names people know the page's subject by: shown, so a reader who
    searched for one of them sees why the page came up, and indexed with the page."""
    return f'<p class="hg-also-called" markdown>Also called: {", ".join(page.also_called)}.</p>'


def sets_of_reps(sets: int, reps: int) -> str:
    """'2 sets of 8' (hinge/plan.py writes the same words for a coach's numbers)."""
    return f"{sets} {'set' if sets == 1 else 'sets'} of {reps}"


def duration(seconds: int) -> str:
    """Time in words a reader takes in between sets: '90 seconds', '2 minutes'."""
    if seconds % 60 or seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = seconds // 60
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def dose_rest(dose: Dose) -> list[str]:
    """The dose after its sets and reps: the pause, the rest and how often."""
    parts = []
    if dose.hold:
        parts.append(f"pause {duration(dose.hold)} at the top")
    parts.append(f"rest {duration(dose.rest)} between sets" if dose.sets > 1 else f"rest {duration(dose.rest)}")
    parts.append("once a week" if dose.per_week == 1 else f"{dose.per_week} times a week")
    return parts


def dose_summary(dose: Dose) -> str:
    """'2 sets of 8, pause 2 seconds at the top, rest 1 minute between sets, 2 times a week'."""
    return ", ".join([sets_of_reps(dose.sets, dose.reps), *dose_rest(dose)])


def render_dose(page: Page) -> str:
    """The starting dose, how to pick the load, when to move on or go back, and the safety link."""
    dose = page.dose
    lines = [
        '/// note | Your starting dose',
        f"    attrs: {{id: {DOSE_ANCHOR}}}",
        "",
        f"**{dose_summary(dose)}.**",
        "",
    ]
    if dose.load:
        lines.append(f"- **Weight:** {dose.load}")
    lines += [
        f"- **Next:** {dose.move_on}",
        f"- **Back off:** {dose.go_back}",
        "",
        "Our advice, not the article's: a starting point to adjust with your coach. "
        f"Follow the [pain rule]({link(page.src, SAFETY_PAGE, 'pain-rule')}): stop at once if pain is sharp, "
        "shooting, 5 or more out of 10, or getting worse.",
        # The pain rule is searched where it is taught (Pain and safety), so a search
        # for "sharp pain" finds that page, not the thirteen doses that repeat it.
        "{ data-search-exclude }",
        "///",
    ]
    return "\n".join(lines)


def render_faults(page: Page, content: Content) -> str:
    """Each fault: what it looks like, what it feels like, and the fix with the cue that helps."""
    cues = {cue.target: cue for cue in content.cues}
    items = []
    for fault in page.faults:
        fix = fault.fix
        if fault.cue:
            cue = cues[fault.cue]
            fix += f" Cue: [“{cue.words}”]({link(page.src, cue.page_src, cue.anchor)})."
        items.append(
            f"- **It looks like:** {fault.looks}\n\n"
            f"    **It feels like:** {fault.feels}\n\n"
            f"    **The fix:** {fix}\n"
        )
    blocks = ['<div class="hg-faults" markdown>', "", "\n".join(items), ""]
    if page.easier or page.harder:
        if page.easier:
            blocks.append(f"**Too hard?** {page.easier}\n")
        if page.harder:
            blocks.append(f"**Too easy?** {page.harder}\n")
    blocks.append("</div>")
    return "\n".join(blocks)


# ---------------------------------------------------------------------------
# Search entries
# ---------------------------------------------------------------------------

MARKDOWN_SYNTAX = re.compile(r"\*\*|__|\*|`")
MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def plain_text(markdown: str) -> list[str]:
    """Markdown paragraphs as plain text, for a search entry."""
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", markdown)]
    return [MARKDOWN_SYNTAX.sub("", MARKDOWN_LINK.sub(r"\1", part)) for part in paragraphs if part]


def search_entry(url: str, anchor: str, title: str, texts: list[str], boost: float | None) -> dict:
    """One search result that lands on an #anchor below a heading, in the form Material's index uses."""
    entry = {
        "location": f"{url}#{anchor}",
        "title": escape(title, quote=False),
        "text": "".join(f"<p>{escape(text, quote=False)}</p>" for text in texts if text),
    }
    if boost is not None:
        entry["boost"] = boost
    return entry


def page_names(page: Page) -> list[str]:
    """What people call the thing a page teaches: its title without "Step N:", and its
    also-called names. The search worker puts a page first when a query holds one
    of them, word for word ("glute bridge on the floor" -> the supine hip bridge)."""
    title = re.sub(r"^Step \d+: ", "", page.title)
    return [title, *page.also_called]


def add_search_words_and_names(entries: list[dict], page: Page) -> None:
    """The page's search words join its own result (not its sections') as Material's
    tags: searched like its words, and the matched ones shown on the result, so a
    reader who typed "hyperextend" sees why Step 6 came up. Its names (page_names)
    ride along for the site's search worker; Material's index leaves them out."""
    if not page.in_search:
        return
    # Search has just indexed this page: its own result is near the end of the whole site's list.
    for entry in reversed(entries):
        if entry["location"] == page.url:
            if page.search_words:
                entry["tags"] = list(page.search_words)
            entry["names"] = page_names(page)
            return
    raise ValueError(f"{page.src} has no search result of its own to carry its search words")


def search_entries(page: Page, content: Content) -> list[dict]:
    """Material's search splits a page only at its headings, so a cue block, a cue
    finder row or a glossary term would rank as part of a larger section. Each
    gets an entry of its own, titled with its words and landing on its anchor."""
    entries = [
        search_entry(page.url, cue.anchor, f"“{cue.words}”", [cue.fixes, *plain_text(cue.teaching)], page.search_boost)
        for cue in page.cues
    ]
    if "cue-finder" in page.placeholders:
        entries += [
            search_entry(page.url, row_id, f"“{cue.words}”", [cue.fixes, cue.page_title], page.search_boost)
            for cue, row_id in zip(content.cues, cue_row_ids(content.cues))
        ]
    entries += [
        search_entry(page.url, term.anchor, term.term, [term.meaning], page.search_boost)
        for term in page.definitions
    ]
    return entries
