"""Plans a coach sends in one link (issue 14): the builder's form and the plan page's data.

Problem: after a session a coach sends a short plan (this week's exercises,
their sets and reps, the cues to stress and a note). Tools that do this keep
the plan on a server, behind accounts. Reason: the plan lives in the link
itself, so nothing is stored anywhere and the link works offline; the
exercises it names are read from the content model here, once, so the builder
and the plan page show the same facts as the exercise pages. No server, no
storage: plan-builder.js writes the link and plan.js reads it
(overrides/assets/javascripts/).
When: hinge/hooks/content.py swaps the two placeholders (content.PLACEHOLDERS)
for what `render_builder` and `render_plan_page` return.

The link, version 1 (the coaches page explains it in plain words):

    plan/?v=1&ks=3x8,pull-the-hips-back&sb=3x10&note=Easy%20week

- `v=1`: the format's version. A later format gets a new number; version 1
  links keep opening the same plan (tests/plan_links.txt).
- one field per exercise, in the plan's order: its `plan_id` from the page's
  front matter, then `SETSxREPS`, then the cues to stress, each its anchor
  without the leading `cue-`. Cue anchors are permanent addresses already
  (tests/published_urls.txt), and plan ids never change, so a page that moves
  keeps its links.
- `note`: the coach's note, plain text.

It sits in the query string, not the #fragment: Material's navigation.tracking
rewrites the fragment as the reader scrolls, and the service worker answers
/plan/?… from its cache (it ignores the query), so the page still opens offline.
"""

from __future__ import annotations

import json
import posixpath
from html import escape
from itertools import groupby

from hinge.content import Content, Cue, Page
from hinge.figures import FigureLibrary
from hinge.render import DOSE_ANCHOR, SAFETY_PAGE, dose_rest, link

VERSION = 1
# What a link may ask for: more is a slip of the thumb or a garbled link,
# shown as a message. Conservative for people with back pain (coach review):
# at most 5 sets; at most 12 reps of a hinge or deadlift, 20 of a bridge.
LIMITS = {"sets": [1, 5], "reps": [1, 12], "note": 280, "exercises": 8}
MOST_REPS = {"progression": 20}
# Each page's own script, minified by the minify plugin (mkdocs.yml); hooks/content.py has main.html load it.
SCRIPTS = {"plan": "assets/javascripts/plan.min.js", "plan-builder": "assets/javascripts/plan-builder.min.js"}


def most_reps(page: Page) -> int:
    """The most reps a plan may ask of this exercise."""
    return MOST_REPS.get(page.kind, LIMITS["reps"][1])


def url_from(from_url: str, to_url: str) -> str:
    """A relative URL between two directory URLs ('' is the home page)."""
    return posixpath.relpath("/" + to_url, "/" + from_url) + ("/" if to_url.endswith("/") or to_url == "" else "")


def cue_token(cue: Cue) -> str:
    """A cue's name in a plan link: its anchor without 'cue-'."""
    return cue.anchor.removeprefix("cue-")


def offered_cues(page: Page, content: Content) -> list[Cue]:
    """The cues a coach may stress for an exercise: its own, and on a deadlift the
    six hinge steps' cues, which its 'the six steps' section teaches."""
    cues = list(page.cues)
    if page.kind == "variation":
        steps = sorted((p for p in content.pages if p.kind == "step"), key=lambda p: p.step)
        cues += [cue for step in steps for cue in step.cues]
    unique: dict[str, Cue] = {}
    for cue in cues:
        unique.setdefault(cue_token(cue), cue)
    return list(unique.values())


def exercises(content: Content) -> list[Page]:
    return [page for page in content.pages if page.plan_id]


def tool_url(content: Content, placeholder: str) -> str:
    """The URL of the page that holds a placeholder: 'plan' (the plan page) or 'plan-builder'."""
    return next(page.url for page in content.pages if placeholder in page.placeholders)


def plan_data(content: Content, figures: FigureLibrary, page_url: str) -> dict:
    """Everything the plan page shows about each exercise, with URLs relative to page_url.
    Each cue is listed once, as [words, url]; an exercise names its cues by their
    link name and their place in that list (the six hinge cues serve four deadlifts)."""
    found: dict[str, dict] = {}
    cues: list[list[str]] = []
    for page in exercises(content):
        offered = {}
        for cue in offered_cues(page, content):
            entry = [cue.words, url_from(page_url, content.page(cue.page_src).url) + "#" + cue.anchor]
            if entry not in cues:
                cues.append(entry)
            offered[cue_token(cue)] = cues.index(entry)
        figure = figures[page.figures[0]] if page.figures else None
        most = most_reps(page)
        found[page.plan_id] = {
            # Only where it is not the plan's usual most (LIMITS): every plan page carries this data.
            **({"most_reps": most} if most != LIMITS["reps"][1] else {}),
            "title": page.title,
            "url": url_from(page_url, page.url),
            "action": page.action,
            "sets": page.dose.sets,
            "reps": page.dose.reps,
            "rest": ", ".join(dose_rest(page.dose)),
            # Shown beside the action line, which says in words what it shows; the
            # caption stays on the exercise's page (every plan page carries this data).
            "figure": url_from(page_url, figure.path) if figure else None,
            "cues": offered,
        }
    return {"version": VERSION, "limits": LIMITS, "exercises": found, "cues": cues, "dose_anchor": DOSE_ANCHOR}


def render_plan_ids(content: Content, page: Page) -> str:
    """The coaches page's table of each exercise's short name in a plan link."""
    rows = ["| Exercise | Short name |", "| --- | --- |"]
    rows += [f"| [{exercise.title}]({link(page.src, exercise.src)}) | `{exercise.plan_id}` |" for exercise in exercises(content)]
    return "\n".join(rows)


def _attributes(**values: object) -> str:
    return "".join(f' {name.replace("_", "-")}="{escape(str(value))}"' for name, value in values.items())


def _send_buttons(disabled: bool) -> str:
    """Copy link and Share for a plan link (hinge.js); the builder's start disabled, until a plan is picked."""
    off = " disabled" if disabled else ""
    return (f'<button type="button" class="md-button md-button--primary" data-hg-plan-copy data-hg-copy=""{off} '
            'data-hg-done="Plan link copied. Paste it into a message.">Copy link</button>'
            f'<button type="button" class="md-button" data-hg-plan-share data-hg-share data-hg-copy=""{off} '
            'data-hg-share-title="Your Hinge Guide plan" data-hg-share-text="This week’s exercises, from your coach." '
            'data-hg-share-url="" data-hg-done="Plan link copied. Paste it into a message.">Share</button>')


def render_builder(content: Content, page: Page) -> str:
    """The builder's form, one line of HTML (a raw block Markdown leaves alone):
    exercises grouped by menu section, each with its sets, reps and cues."""
    sets = LIMITS["sets"]
    plan_page_url = tool_url(content, "plan")
    no_script = ('<noscript><p>The plan builder needs JavaScript to make a link. Turn it on in your browser, '
                 "or write the link by hand: the coaches page says how.</p></noscript>")
    # Left out of search: its labels repeat every exercise's title and cues. A
    # <section>, since Material's search parser ends the exclusion at the first
    # closing tag of the same name.
    parts = [f'<section class="hg-plan-builder" data-hg-plan-builder data-search-exclude'
             f'{_attributes(data_hg_script=url_from(page.url, SCRIPTS["plan-builder"]), data_hg_plan_page=url_from(page.url, plan_page_url), data_hg_plan_version=VERSION)}>']
    parts.append(no_script)
    # A plan sent before opens here to be changed: paste its link (plan-builder.js).
    parts.append('<label class="hg-plan-link-label" for="hg-plan-load">Change a plan you sent: paste its link</label>'
                 '<input type="text" id="hg-plan-load" class="hg-plan-link" data-hg-plan-load inputmode="url" '
                 'autocomplete="off" aria-describedby="hg-plan-load-result">'
                 '<p class="hg-plan-hint" id="hg-plan-load-result" data-hg-plan-load-result role="status"></p>')
    for section, pages in groupby(exercises(content), key=lambda p: p.section):
        parts.append(f'<fieldset class="hg-plan-group"><legend>{escape(section)}</legend>')
        for exercise in pages:
            pid = exercise.plan_id
            reps = [LIMITS["reps"][0], most_reps(exercise)]
            parts.append(
                f'<div class="hg-plan-pick" data-hg-plan-exercise="{pid}">'
                f'<input type="checkbox" id="hg-pick-{pid}">'
                f'<label for="hg-pick-{pid}">{escape(exercise.title)}</label>'
                f'<div class="hg-plan-options">'
                f'<label for="hg-sets-{pid}">Sets</label>'
                f'<input type="number" id="hg-sets-{pid}" data-hg-plan-sets inputmode="numeric" '
                f'min="{sets[0]}" max="{sets[1]}" value="{exercise.dose.sets}">'
                f'<label for="hg-reps-{pid}">Reps</label>'
                f'<input type="number" id="hg-reps-{pid}" data-hg-plan-reps inputmode="numeric" '
                f'min="{reps[0]}" max="{reps[1]}" value="{exercise.dose.reps}">'
                f'<p class="hg-plan-check" data-hg-plan-check hidden></p>'
                f'<fieldset class="hg-plan-cues"><legend>Cues to stress</legend>'
            )
            for cue in offered_cues(exercise, content):
                token = cue_token(cue)
                parts.append(f'<input type="checkbox" id="hg-cue-{pid}-{token}" value="{token}" data-hg-plan-cue>'
                             f'<label for="hg-cue-{pid}-{token}">“{escape(cue.words)}”</label>')
            parts.append("</fieldset></div></div>")
        parts.append("</fieldset>")
    parts.append(
        f'<label class="hg-plan-note-label" for="hg-plan-note">A note for your client (you can leave it empty)</label>'
        f'<textarea id="hg-plan-note" data-hg-plan-note rows="3" maxlength="{LIMITS["note"]}" '
        f'aria-describedby="hg-plan-note-hint"></textarea>'
        f'<p class="hg-plan-hint" id="hg-plan-note-hint">Keep it to training notes: the plan already shows the pain rule.</p>'
        f'<p class="hg-plan-hint">Send a plan only to a client whose back has been checked, and who has read '
        f'<a href="{url_from(page.url, content.page(SAFETY_PAGE).url)}">Pain and safety</a>.</p>'
        f'<p class="hg-plan-summary" data-hg-plan-summary role="status">Pick at least one exercise, then copy or share the link.</p>'
        f'<div class="hg-plan-send">{_send_buttons(disabled=True)}'
        f'<a class="md-button" data-hg-plan-open href="{url_from(page.url, plan_page_url)}" hidden>Open the plan</a>'
        f'</div>'
        f'<label class="hg-plan-link-label" for="hg-plan-link">The link</label>'
        f'<input type="text" id="hg-plan-link" class="hg-plan-link" data-hg-plan-link readonly value="">'
        "</section>"
    )
    return "".join(parts)


def render_plan_page(content: Content, figures: FigureLibrary, page: Page) -> str:
    """The plan page's frame: what the link could not say, the list the script
    fills from the data, the note, and the share controls. All of it starts
    hidden and the frame a screen tall (hinge.css), so when the plan shows after
    the first paint nothing already on screen moves."""
    # In an attribute, not a <script type="application/json">: instant navigation
    # re-runs every <script> in the page's content, and would drop its type.
    data = json.dumps(plan_data(content, figures, page.url), ensure_ascii=False, separators=(",", ":"))
    return "".join([
        f'<div class="hg-plan" data-hg-plan-view'
        f'{_attributes(data_hg_script=url_from(page.url, SCRIPTS["plan"]), data_hg_plan_data=data)}>',
        '<div class="hg-plan-problems admonition warning" data-hg-plan-problems role="alert" hidden>'
        '<p class="admonition-title">Part of this link could not be read</p>'
        '<p>Here is what could be read. Ask your coach to send the link again.</p><ul></ul></div>',
        '<noscript><p>Your plan needs JavaScript to show. Turn it on in your browser, then open the link again.</p></noscript>',
        '<p class="hg-plan-empty" data-hg-plan-empty hidden>This page shows a plan your coach sends you as a link. '
        f'Open the link they sent. Coaches: <a href="{url_from(page.url, tool_url(content, "plan-builder"))}">make a plan</a>.</p>',
        '<p class="hg-plan-note" data-hg-plan-note hidden><strong>A note from your coach:</strong> <span></span></p>',
        '<ol class="hg-plan-list" data-hg-plan-list></ol>',
        f'<div class="hg-plan-send" data-hg-plan-send hidden>{_send_buttons(disabled=False)}</div>',
        '<template data-hg-plan-item><li class="hg-plan-item">'
        '<div class="hg-plan-text"><h2 class="hg-plan-title"><a></a></h2>'
        '<p class="hg-plan-action"><strong>Do this:</strong> <span></span></p>'
        '<p class="hg-plan-dose"><strong>Dose:</strong> <span></span> '
        '<a class="hg-plan-more">Weight, and when to back off</a></p>'
        '<p class="hg-plan-cue-title"><strong>Think about:</strong></p><ul class="hg-plan-cue-list"></ul>'
        '</div></li></template>',
        "</div>",
    ])
