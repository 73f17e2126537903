"""The content model: every page's front matter and cue blocks, read once into typed objects.

Problem: the cue finder, the cue sheet, the search entries, the copy-link
buttons, the preview cards and the exercise blocks (action line, dose, faults)
all need the same facts about each page. Read in several places, they drift
apart, and a mistake shows up as a quietly wrong page.
Reason: each page's source is read here once, checked once, and turned into
frozen objects that everything else renders from. A mistake stops the build
with one message per problem that names the file, the field and the fix.
When: hinge/hooks/content.py loads the model once per build, from the nav.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from hinge.figures import PLACEHOLDER as FIGURE_LINE

# Section headings (h2) each exercise kind shows, by their stable {#id}, in this
# order. The id is the anchor a coach may link to: it never changes when the
# heading's words do.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "step": ("cue", "what-to-do", "dose", "why-this-wording", "fault-and-fix"),
    "variation": ("who-it-suits", "set-up", "the-six-steps", "faults", "dose", "progress-to"),
    "progression": ("set-up", "cues", "where-do-you-feel-it", "when-to-move-on", "what-to-watch", "down-and-up"),
}
EXERCISE_KINDS = frozenset(TEMPLATES)
# A "tool" page does a job in the browser (the plan builder, the plan page); it
# stays out of the menu.
KINDS = EXERCISE_KINDS | {"home", "overview", "guide", "reference", "tool"}

# Longest description that still fits a search result or a link preview.
MAX_DESCRIPTION = 160
# Longest action line: read in ten seconds between sets.
MAX_ACTION = 120
ANCHOR = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Search words: the words people type for what a page teaches; the ones a
# query matched show on the page's search result. A short list of real words,
# each once, so it can never become keyword stuffing.
MAX_SEARCH_WORDS = 16
SEARCH_WORD = re.compile(r"^[a-z0-9][a-z0-9' -]{0,38}[a-z0-9]$")
# Glue words search drops (mkdocs.yml, search separator): they may repeat.
GLUE_WORDS = frozenset("a an and are at for i in is it me my of on or the to you your with".split())
# An exercise's id in a plan link (hinge/plan.py): short, lower case, and never
# changed once published, since coaches' links carry it. "v" and "note" are the
# link's own fields.
PLAN_ID = re.compile(r"^[a-z][a-z0-9]{1,3}$")
PLAN_RESERVED = frozenset({"v", "note"})

# Front matter that leaves a page out of search (Material reads it): `search: {exclude: true}`.
SEARCH_EXCLUDED = {"exclude": True}

# Fields a page may set, by kind; Material reads `search`, `hide` and `tags` itself.
COMMON_FIELDS = {"title", "description", "kind", "search", "hide", "tags", "also_called", "search_words"}
EXERCISE_FIELDS = {"equipment", "cues", "step", "action", "dose", "faults", "easier", "harder", "plan_id"}
GLOSSARY_FIELDS = {"retired"}

FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:-{3}|\.{3})[ \t]*\n", re.DOTALL)
SECTION_HEADING = re.compile(r"^##[ \t]+.*?\{[ \t]*#([a-z0-9-]+)[ \t]*\}[ \t]*$", re.MULTILINE)
# A cue block as pymdownx.blocks writes it:  /// cue | “Words”  /  attrs: {id: anchor}  ...  ///
CUE_BLOCK = re.compile(
    r"^/// cue \|[ \t]*(?P<title>.*?)[ \t]*\n[ \t]+attrs:[ \t]*\{id:[ \t]*(?P<anchor>[^}\s]+)[ \t]*\}[ \t]*\n"
    r"(?P<body>.*?)^///[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
ANY_CUE_BLOCK = re.compile(r"^///[ \t]*cue\b.*$", re.MULTILINE)
# Blocks the build renders from the model, each asked for by a line of its own.
PLACEHOLDERS = {
    "cue-finder": "<!-- cue-finder:table -->",
    "cue-sheet": "<!-- cue-sheet:tables -->",
    "dose": "<!-- dose -->",
    "faults": "<!-- faults -->",
    "plan-builder": "<!-- plan:builder -->",
    "plan": "<!-- plan:page -->",
    "plan-ids": "<!-- plan:ids -->",
}
# Anything that looks like one of them, so a typo fails the build instead of vanishing.
LOOKS_LIKE_A_PLACEHOLDER = re.compile(r"^[ \t]*<!--\s*(?:cue|dose|fault|plan)[^\n]*$", re.MULTILINE | re.IGNORECASE)
# Raw HTML a page may not carry: it would run code, send the reader or their data
# elsewhere, or change how the page loads. Each with what to use instead.
FORBIDDEN_HTML = (
    (re.compile(r"<script\b", re.IGNORECASE), "a <script> tag",
     "put page behaviour in overrides/assets/javascripts/hinge.js, found by a data- attribute"),
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE), "an inline event handler (on…=)",
     "put page behaviour in overrides/assets/javascripts/hinge.js, found by a data- attribute"),
    (re.compile(r"<iframe\b", re.IGNORECASE), "an <iframe>", "link to the other page instead of embedding it"),
    (re.compile(r"<(?:object|embed)\b", re.IGNORECASE), "an <object> or <embed>", "link to the file instead"),
    (re.compile(r"<meta\b", re.IGNORECASE), "a <meta> tag",
     "give page metadata in the front matter (title, description); site-wide tags go in overrides/"),
    (re.compile(r"<form\b", re.IGNORECASE), "a <form>", "the guide takes no input; link to where the reader can act"),
    (re.compile(r"<base\b", re.IGNORECASE), "a <base> tag", "write links relative to the page; MkDocs checks them"),
)
# A defined term:  **hip hinge** { #hip-hinge }  then  :   its meaning.
DEFINITION = re.compile(
    r"^\*\*(?P<term>[^*\n]+)\*\*[ \t]*\{[ \t]*#(?P<anchor>[a-z0-9-]+)[ \t]*\}[ \t]*\n:[ \t]+(?P<meaning>.+)$",
    re.MULTILINE,
)


# ---------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """A short phrase a client says to themselves, taught in one block on one page."""

    words: str  # the cue itself, e.g. "Pull the hips back"
    fixes: str  # the problem it fixes, one sentence
    anchor: str  # id of its cue block, the permanent #anchor of the cue
    teaching: str  # the cue block's text (Markdown)
    page_src: str  # source path below docs/, e.g. "hinge/pull-the-hips-back.md"
    page_title: str
    section: str  # the menu section the page sits in, e.g. "The hip hinge"

    @property
    def target(self) -> str:
        """How front matter points at this cue: docs path and #anchor."""
        return f"{self.page_src}#{self.anchor}"


@dataclass(frozen=True)
class Dose:
    """A conservative starting dose, to adjust with a coach."""

    sets: int
    reps: int
    rest: int  # seconds between sets
    per_week: int
    move_on: str
    go_back: str
    hold: int | None = None  # seconds to pause at the top
    load: str | None = None  # how to choose the weight, where there is one


@dataclass(frozen=True)
class Fault:
    looks: str  # what it looks like
    feels: str  # what it feels like
    fix: str
    cue: str | None = None  # docs path#anchor of the cue that fixes it


@dataclass(frozen=True)
class Definition:
    """A term defined on a page (the glossary), with its own #anchor."""

    term: str
    anchor: str
    meaning: str


@dataclass(frozen=True)
class Page:
    src: str  # source path below docs/
    url: str  # URL path below the site root ('' is the home page)
    section: str  # menu section title, '' at the top level
    title: str
    description: str
    kind: str
    search_boost: float | None = None
    in_search: bool = True  # False for a page with 'search: {exclude: true}'
    step: int | None = None
    equipment: tuple[str, ...] = ()
    cues: tuple[Cue, ...] = ()
    action: str | None = None
    dose: Dose | None = None
    faults: tuple[Fault, ...] = ()
    easier: str | None = None
    harder: str | None = None
    definitions: tuple[Definition, ...] = ()
    retired: tuple[tuple[str, str], ...] = ()  # (retired phrase, the glossary term to use)
    placeholders: frozenset[str] = frozenset()  # PLACEHOLDERS names the page's Markdown holds
    also_called: tuple[str, ...] = ()  # other names people use for what the page teaches, shown and searchable
    # Everyday, symptom and anatomy words for what the page teaches, shown on its search result.
    search_words: tuple[str, ...] = ()
    plan_id: str | None = None  # the exercise's id in a plan link, e.g. "ks"
    figures: tuple[str, ...] = ()  # names of the figures the page places, in order (hinge/figures/)


@dataclass(frozen=True)
class Content:
    """Every page of the site in menu order."""

    pages: tuple[Page, ...]

    @cached_property
    def _by_src(self) -> dict[str, Page]:
        return {page.src: page for page in self.pages}

    def page(self, src: str) -> Page | None:
        """The page whose source is `src`: each hook asks once per page, so a lookup, not a scan."""
        return self._by_src.get(src)

    @cached_property
    def cues(self) -> tuple[Cue, ...]:
        return tuple(cue for page in self.pages for cue in page.cues)


# ---------------------------------------------------------------------------
# Reading and checking
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One mistake in one file: where, what is wrong, and how to fix it."""

    file: str  # path from the project root, e.g. "docs/hinge/set-it-up.md"
    field: str | None  # the front-matter field, or None for the file as a whole
    what: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}, field '{self.field}'" if self.field else self.file
        return f"{where}: {self.what}. Fix: {self.fix}."


class ContentError(ValueError):
    """The content has mistakes; the message lists each one."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(f"  - {problem}" for problem in problems))


@dataclass(frozen=True)
class Source:
    """A page as the nav lists it: where its file is, its URL and menu section."""

    src: str
    path: Path
    url: str
    section: str = ""


def load_content(sources: Iterable[Source], docs_name: str = "docs") -> Content:
    """Read and check every page; raise ContentError listing every problem found."""
    readers = [_PageReader(source, f"{docs_name}/{source.src}") for source in sources]
    pages = [page for page in (reader.read() for reader in readers) if page is not None]
    # One term per idea: the glossary names the words the guide no longer uses.
    retired = {old: new for page in pages for old, new in page.retired}
    for reader in readers:
        reader.check_retired_words(retired)
    problems = [problem for reader in readers for problem in reader.problems]
    content = Content(tuple(pages))
    if not problems:
        problems += _cross_page_problems(content, docs_name)
    if problems:
        raise ContentError(problems)
    return content


TOOLTIP = re.compile(r"^\*\[(?P<term>[^\]]+)\]:[ \t]*(?P<meaning>.*)$")


def load_tooltips(path: Path, shown_as: str, glossary: Content | None = None) -> dict[str, str]:
    """The glossary tooltips file (`*[term]: meaning` lines, appended to every page by
    pymdownx.snippets): term -> meaning. A term given twice would silently replace
    the first tooltip on every page; a line that is not UTF-8 would be blamed on
    whichever page the file was appended to first; a term the glossary page does
    not define would explain a word the guide never defines. Each raises
    ContentError here. A tooltip may be the glossary term capitalised or plural."""
    text = read_text(path, shown_as)
    defined = {definition.term.lower() for page in (glossary.pages if glossary else ()) for definition in page.definitions}
    tooltips: dict[str, str] = {}
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = TOOLTIP.match(line)
        if not match:
            continue
        term = match["term"]
        if term in tooltips:
            problems.append(Problem(shown_as, None, f"line {number} defines the tooltip *[{term}] a second time",
                                    "keep one line per term: the second silently replaces the first on every page"))
        elif not match["meaning"].strip():
            problems.append(Problem(shown_as, None, f"line {number} gives *[{term}] no meaning", "say what it means"))
        elif glossary and not {term.lower(), term.lower().removesuffix("s"), term.lower().removesuffix("es")} & defined:
            problems.append(Problem(shown_as, None, f"line {number} gives a tooltip for *[{term}], a term the glossary "
                                    "page does not define", "define it in the glossary, or take out the line"))
        tooltips[term] = match["meaning"].strip()
    if problems:
        raise ContentError(problems)
    return tooltips


def read_text(path: Path, shown_as: str) -> str:
    """A source file as text; a file that is not UTF-8 raises ContentError naming the byte."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ContentError([Problem(
            shown_as, None,
            f"is not UTF-8 text: byte 0x{data[error.start]:02x} on line {line} cannot be read",
            "save the file as UTF-8 (most editors offer 'Save with encoding')",
        )]) from None


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML that refuses a key given twice: by default the last one silently wins."""

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key '{key}' is given twice (lines {seen[key] + 1} and "
                    f"{key_node.start_mark.line + 1}); the second would silently replace the first", key_node.start_mark)
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep)


def parse_front_matter(source: str) -> dict:
    """A page's front matter as a dict; ValueError says what is wrong with it."""
    match = FRONT_MATTER.match(source)
    if not match:
        raise ValueError("the page has no front matter block: start it with a '---' line")
    try:
        data = yaml.load(match.group(1), Loader=_UniqueKeyLoader)
    except yaml.YAMLError as error:
        raise ValueError(f"the front matter is not valid YAML ({error})") from None
    if not isinstance(data, dict):
        raise ValueError("the front matter must be 'field: value' lines")
    return data


class _PageReader:
    """Reads one page; collects its problems instead of stopping at the first."""

    def __init__(self, source: Source, shown_as: str):
        self.source = source
        self.file = shown_as
        self.problems: list[Problem] = []
        self.body_lines: list[tuple[int, str]] = []  # (line number in the file, text), after the front matter

    def problem(self, field: str | None, what: str, fix: str) -> None:
        self.problems.append(Problem(self.file, field, what, fix))

    def read(self) -> Page | None:
        try:
            text = read_text(self.source.path, self.file)
        except ContentError as error:
            self.problems += error.problems
            return None
        try:
            meta = parse_front_matter(text)
        except ValueError as error:
            self.problem(None, str(error), "put text that has ': ' in quotes, and give each field once")
            return None
        body_start = FRONT_MATTER.match(text).end()
        body = text[body_start:]
        first_body_line = text[:body_start].count("\n") + 1
        self.body_lines = list(enumerate(body.splitlines(), start=first_body_line))

        title = self.text(meta, "title", "add a title: the page's heading")
        description = self.text(meta, "description", "add one sentence that says what the page gives the reader")
        if description:
            if len(description) > MAX_DESCRIPTION:
                self.problem("description", f"has {len(description)} characters",
                             f"keep it to {MAX_DESCRIPTION} or fewer, so it fits a search result and a link preview")
            if not description.endswith((".", "?", "!")):
                self.problem("description", "is not a full sentence", "end it with '.', '?' or '!'")
        kind = meta.get("kind")
        if kind not in KINDS:
            self.problem("kind", f"is {kind!r}", f"use one of {', '.join(sorted(KINDS))}")
            return None

        allowed = COMMON_FIELDS | (EXERCISE_FIELDS if kind in EXERCISE_KINDS else set()) | GLOSSARY_FIELDS
        for field in sorted(set(meta) - allowed, key=str):
            self.problem(str(field), f"is not a field a {kind} page uses",
                         f"check the spelling; a {kind} page may set {', '.join(sorted(allowed))}")

        fields = {
            "src": self.source.src, "url": self.source.url, "section": self.source.section,
            "title": title or "", "description": description or "", "kind": kind,
            "search_boost": self.search_boost(meta.get("search")),
            "in_search": meta.get("search") != SEARCH_EXCLUDED,
            "definitions": self.definitions(body),
            "also_called": self.names(meta.get("also_called")),
            "search_words": self.search_words(meta.get("search_words"), meta.get("also_called")),
            "retired": self.retired(meta.get("retired")),
            "figures": tuple(FIGURE_LINE.findall(body)),
        }
        self.check_sections(kind, body)
        self.check_html(text)
        fields["placeholders"] = self.placeholders(body)
        if kind in EXERCISE_KINDS:
            fields.update(self.exercise(meta, kind, body, title or ""))
        elif ANY_CUE_BLOCK.search(body):
            self.problem(None, "has a cue block, but only step, variation and progression pages teach cues",
                         "move the cue to the exercise page that teaches it and link to it")
        return Page(**fields)

    # -- small field readers ------------------------------------------------

    def text(self, meta: dict, field: str, fix: str, *, where: str | None = None) -> str | None:
        value = meta.get(field)
        if not isinstance(value, str) or not value.strip():
            self.problem(where or field, "is missing or empty", fix)
            return None
        return " ".join(value.split())

    def whole_number(self, meta: dict, field: str, low: int, high: int, where: str, fix: str) -> int | None:
        value = meta.get(field)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.problem(where, f"is {value!r}", f"{fix}: a whole number from {low} to {high}")
            return None
        return value

    def search_boost(self, search: object) -> float | None:
        if search is None or search == SEARCH_EXCLUDED:
            return None
        boost = search.get("boost") if isinstance(search, dict) else None
        if isinstance(boost, bool) or not isinstance(boost, (int, float)) or not 0 < boost <= 10:
            self.problem("search", f"is {search!r}", "write it as 'search: {boost: 1.5}' with a number above 0, or 'search: {exclude: true}'")
            return None
        return float(boost)

    def names(self, value: object) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem("also_called", f"is {value!r}", "list the other names people use, like [hex bar deadlift]")
            return ()
        return tuple(" ".join(v.split()) for v in value)

    def search_words(self, value: object, also_called: object) -> tuple[str, ...]:
        """Words readers type for what the page teaches (a symptom, an everyday or an
        anatomy word), each a real word or short phrase: a search result shows the ones matched."""
        if value is None:
            return ()
        fix = "list short lower-case words or phrases people type, like [bum, buttocks, gluteus maximus]"
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            self.problem("search_words", f"is {value!r}", fix)
            return ()
        words = [" ".join(v.split()) for v in value]
        bad = [word for word in words if not SEARCH_WORD.match(word)]
        if bad:
            self.problem("search_words", f"has {', '.join(map(repr, bad))}",
                         "write each as lower-case letters, digits, spaces, hyphens or apostrophes, "
                         "2 to 40 characters, no punctuation at either end")
        if len(words) > MAX_SEARCH_WORDS:
            self.problem("search_words", f"has {len(words)} entries",
                         f"keep the {MAX_SEARCH_WORDS} words readers most often type; words the page's text already has need no entry")
        repeated = sorted({word for word in words if words.count(word) > 1})
        if repeated:
            self.problem("search_words", f"lists {', '.join(map(repr, repeated))} twice", "list each word once")
        # A word given twice only weighs the page more for it, which is keyword stuffing.
        singles = [w for word in set(words) for w in re.split(r"[^a-z0-9]+", word) if w and w not in GLUE_WORDS]
        twice = sorted({w for w in singles if singles.count(w) > 1})
        if twice and not repeated:
            self.problem("search_words", f"uses the word {', '.join(map(repr, twice))} more than once",
                         "use each word once: a second time only weighs the page more for it in search")
        names = {name.lower() for name in also_called if isinstance(name, str)} if isinstance(also_called, list) else set()
        shown = sorted(set(words) & names)
        if shown:
            self.problem("search_words", f"repeats {', '.join(map(repr, shown))} from also_called",
                         "drop it here: also_called is already shown on the page and searched")
        return tuple(words)

    def retired(self, value: object) -> tuple[tuple[str, str], ...]:
        if value is None:
            return ()
        if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            self.problem("retired", "must map each retired phrase to the term to use instead",
                         "write lines like 'natural line: neutral spine'")
            return ()
        return tuple((old.lower(), new) for old, new in value.items())

    def definitions(self, body: str) -> tuple[Definition, ...]:
        found = []
        for match in DEFINITION.finditer(body):
            if any(d.term.lower() == match["term"].strip().lower() or d.anchor == match["anchor"] for d in found):
                self.problem(None, f"defines '{match['term'].strip()}' (#{match['anchor']}) a second time",
                             "keep one definition per term, each with its own {#id}")
                continue
            found.append(Definition(match["term"].strip(), match["anchor"], " ".join(match["meaning"].split())))
        return tuple(found)

    def check_sections(self, kind: str, body: str) -> None:
        ids = SECTION_HEADING.findall(body)
        for anchor in sorted({anchor for anchor in ids if ids.count(anchor) > 1}):
            self.problem(None, f"has two sections with the id #{anchor}", "give each section its own {#id}")
        if kind in TEMPLATES:
            expected = list(TEMPLATES[kind])
            found = [anchor for anchor in ids if anchor in expected]
            if found != expected:
                self.problem(None, f"has the sections {found}, but a {kind} page needs {expected} in this order",
                             "add the missing '## Heading {#id}' lines; keep each id, since coaches link to them")

    def check_retired_words(self, retired: dict[str, str]) -> None:
        patterns = {old: re.compile(rf"\b{re.escape(old)}\b", re.IGNORECASE) for old in retired}
        for number, line in self.body_lines:
            for old, pattern in patterns.items():
                if pattern.search(line):
                    self.problem(None, f"line {number} says '{old}', a word the guide no longer uses",
                                 f"write '{retired[old]}', the glossary's one term for it (its 'retired' list)")

    def check_html(self, text: str) -> None:
        for number, line in enumerate(text.splitlines(), start=1):
            for pattern, what, fix in FORBIDDEN_HTML:
                if pattern.search(line):
                    self.problem(None, f"line {number} has {what}, which a page may not carry", fix)

    def placeholders(self, body: str) -> frozenset[str]:
        known = {line: name for name, line in PLACEHOLDERS.items()}
        found = set()
        for line in LOOKS_LIKE_A_PLACEHOLDER.findall(body):
            name = known.get(line.strip())
            if name is None:
                self.problem(None, f"has the line {line.strip()!r}, which is not a placeholder this build knows",
                             f"use one of {', '.join(PLACEHOLDERS.values())} on a line of its own")
            elif name in found:
                self.problem(None, f"places {line.strip()} twice", "place it once")
            else:
                found.add(name)
        return frozenset(found)

    # -- exercise pages -----------------------------------------------------

    def exercise(self, meta: dict, kind: str, body: str, title: str) -> dict:
        fields: dict = {}
        equipment = meta.get("equipment")
        if not isinstance(equipment, list) or not all(isinstance(e, str) and e for e in equipment):
            self.problem("equipment", f"is {equipment!r}", "list the names of what you need, or [] for nothing")
        else:
            fields["equipment"] = tuple(equipment)
        if kind == "step":
            fields["step"] = self.whole_number(meta, "step", 1, 6, "step", "give the step's place in the hinge")
        fields["cues"] = self.cues(meta.get("cues"), body, title)
        plan_id = meta.get("plan_id")
        if not isinstance(plan_id, str) or not PLAN_ID.match(plan_id) or plan_id in PLAN_RESERVED:
            self.problem("plan_id", f"is {plan_id!r}",
                         "give a short id for plan links: 2 to 4 lower-case letters or digits, starting with a letter, "
                         "like 'ks'; never change it once published")
        else:
            fields["plan_id"] = plan_id
        # Every exercise page opens with the one thing to do, and gives a starting dose and its faults.
        action = self.text(meta, "action", "write the one thing to do as one short sentence, shown first on the page")
        if action and len(action) > MAX_ACTION:
            self.problem("action", f"has {len(action)} characters",
                         f"keep it to {MAX_ACTION} or fewer: one thing, read in ten seconds")
        fields["action"] = action
        fields["dose"] = self.dose(meta.get("dose"))
        fields["faults"] = self.faults(meta.get("faults"))
        for field in ("easier", "harder"):
            if field in meta:
                fields[field] = self.text(meta, field, f"say in one sentence what to do for an {field} version")
        return fields

    def cues(self, declared: object, body: str, title: str) -> tuple[Cue, ...]:
        if not isinstance(declared, list) or not declared:
            self.problem("cues", "must list at least one cue", "add '- cue: …', 'fixes: …' and 'anchor: cue-…'")
            return ()
        blocks: dict[str, list[re.Match]] = {}
        for match in CUE_BLOCK.finditer(body):
            blocks.setdefault(match["anchor"], []).append(match)
        if len(ANY_CUE_BLOCK.findall(body)) != sum(map(len, blocks.values())):
            self.problem(None, "has a cue block this build cannot read",
                         "write it as '/// cue | “Words”', then '    attrs: {id: cue-…}' on the next line, "
                         "the text, and '///' alone on the last line")
        section_ids = set(SECTION_HEADING.findall(body))
        cues, anchors = [], []
        for number, entry in enumerate(declared, start=1):
            where = f"cues[{number}]"
            if not isinstance(entry, dict) or set(entry) - {"cue", "fixes", "anchor"}:
                self.problem(where, f"is {entry!r}", "give exactly 'cue', 'fixes' and 'anchor'")
                continue
            words = self.text(entry, "cue", "write the cue's words", where=f"{where}.cue")
            fixes = self.text(entry, "fixes", "say in one sentence what problem the cue fixes", where=f"{where}.fixes")
            anchor = entry.get("anchor")
            if not isinstance(anchor, str) or not ANCHOR.match(anchor):
                self.problem(f"{where}.anchor", f"is {anchor!r}", "use lower-case words joined by '-', like cue-pull-the-hips-back")
                continue
            if anchor in anchors:
                self.problem(f"{where}.anchor", f"#{anchor} is listed twice", "give each cue its own anchor")
                continue
            if anchor in section_ids:
                self.problem(f"{where}.anchor", f"#{anchor} is also a section's id",
                             "give the cue an anchor of its own, starting 'cue-'")
            anchors.append(anchor)
            found = blocks.get(anchor, [])
            if len(found) != 1:
                self.problem(f"{where}.anchor", f"#{anchor} has {len(found)} cue blocks in the page",
                             f"teach the cue in exactly one block: '/// cue | “{words}”' with 'attrs: {{id: {anchor}}}'")
                continue
            block = found[0]
            shown = block["title"].strip("“”\"' ")
            if words and shown.lower() != words.lower():
                self.problem(f"{where}.cue", f"says {words!r}, but its block #{anchor} says {shown!r}",
                             "use the same words in both")
            if words and fixes:
                cues.append(Cue(words, fixes, anchor, block["body"].strip("\n"), self.source.src, title,
                                self.source.section))
        for anchor in sorted(set(blocks) - set(anchors)):
            self.problem("cues", f"does not list the cue block #{anchor}",
                         f"add it under 'cues' with its cue, what it fixes and 'anchor: {anchor}'")
        return tuple(cues)

    def dose(self, value: object) -> Dose | None:
        needed = ("sets", "reps", "rest", "per_week", "move_on", "go_back")
        if not isinstance(value, dict):
            self.problem("dose", f"is {value!r}", f"give {', '.join(needed)} (and hold, load where they apply)")
            return None
        unknown = sorted(set(value) - set(needed) - {"hold", "load"}, key=str)
        if unknown:
            self.problem("dose", f"has unknown field(s) {', '.join(map(str, unknown))}",
                         f"use {', '.join(needed)}, hold and load")
        numbers = {
            "sets": self.whole_number(value, "sets", 1, 5, "dose.sets", "give the number of sets"),
            "reps": self.whole_number(value, "reps", 1, 20, "dose.reps", "give the reps in each set"),
            "rest": self.whole_number(value, "rest", 15, 300, "dose.rest", "give the rest between sets in seconds"),
            "per_week": self.whole_number(value, "per_week", 1, 7, "dose.per_week", "say how many times a week"),
        }
        if "hold" in value:
            numbers["hold"] = self.whole_number(value, "hold", 1, 30, "dose.hold", "give the pause at the top in seconds")
        words = {
            "move_on": self.text(value, "move_on", "say when to move on", where="dose.move_on"),
            "go_back": self.text(value, "go_back", "say when to go back a step", where="dose.go_back"),
        }
        if "load" in value:
            words["load"] = self.text(value, "load", "say how to choose the weight", where="dose.load")
        if None in numbers.values() or None in words.values():
            return None
        return Dose(**numbers, **words)

    def faults(self, value: object) -> tuple[Fault, ...]:
        if not isinstance(value, list) or not value:
            self.problem("faults", f"is {value!r}", "list one to three faults, each with looks, feels and fix")
            return ()
        found = []
        for number, entry in enumerate(value, start=1):
            where = f"faults[{number}]"
            if not isinstance(entry, dict) or set(entry) - {"looks", "feels", "fix", "cue"}:
                self.problem(where, f"is {entry!r}", "give looks, feels, fix and, if a cue fixes it, cue")
                continue
            looks = self.text(entry, "looks", "say what the fault looks like", where=f"{where}.looks")
            feels = self.text(entry, "feels", "say what the fault feels like", where=f"{where}.feels")
            fix = self.text(entry, "fix", "say how to fix it", where=f"{where}.fix")
            cue = entry.get("cue")
            if cue is not None and (not isinstance(cue, str) or "#" not in cue):
                self.problem(f"{where}.cue", f"is {cue!r}", "point at a cue as 'hinge/pull-the-hips-back.md#cue-pull-the-hips-back'")
                cue = None
            if looks and feels and fix:
                found.append(Fault(looks, feels, fix, cue))
        return tuple(found)


def _cross_page_problems(content: Content, docs_name: str) -> list[Problem]:
    """Checks that need every page: a fault's cue must be one some page teaches."""
    problems = []
    targets = {cue.target for cue in content.cues}
    plan_ids: dict[str, str] = {}
    for page in content.pages:
        if page.plan_id in plan_ids:
            problems.append(Problem(f"{docs_name}/{page.src}", "plan_id",
                                    f"'{page.plan_id}' is also the plan id of {docs_name}/{plan_ids[page.plan_id]}",
                                    "give each exercise its own plan id"))
        elif page.plan_id:
            plan_ids[page.plan_id] = page.src
    for page in content.pages:
        for number, fault in enumerate(page.faults, start=1):
            if fault.cue and fault.cue not in targets:
                problems.append(Problem(f"{docs_name}/{page.src}", f"faults[{number}].cue",
                                        f"{fault.cue} is not a cue any page declares",
                                        "use a page's path and the anchor it lists under 'cues'"))
        for name in ("dose", "faults"):
            has_field, has_placeholder = bool(getattr(page, name)), name in page.placeholders
            if has_field != has_placeholder:
                problems.append(Problem(
                    f"{docs_name}/{page.src}", name if has_field else None,
                    "is given but the page has no line " + PLACEHOLDERS[name] if has_field
                    else f"has the line {PLACEHOLDERS[name]} but its front matter gives no '{name}'",
                    f"put both in the page: the '{name}' field and the line {PLACEHOLDERS[name]} where it shows"))
    return problems
