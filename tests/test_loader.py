"""Material still starts when its scripts load after the first paint.

overrides/partials/hg-after-paint.html adds Material's scripts once the first
frame is on screen, then sends DOMContentLoaded again, because Material's
bundle starts on that event. A Material update that starts another way would
leave every page painted but dead: no search, no palette toggle, no instant
navigation. (Instant navigation itself cannot be seen here: Material maps the
sitemap's URLs to this host without its port, so on a loopback port every link
loads a whole page, with or without the loader.) This test says so in words, instead of a dozen browser tests
timing out.
"""

from __future__ import annotations

import pytest

from conftest import PAGE_LOADED, on_page

pytestmark = pytest.mark.browser

NOT_STARTED = (
    "Material's scripts loaded after the first paint, but {what}. The loader "
    "(overrides/partials/hg-after-paint.html) re-sends DOMContentLoaded for Material's bundle: "
    "check how the installed Material starts (the end of its bundle.*.min.js, and base.html's "
    "scripts block) and change the loader to start it that way."
)


def test_the_page_paints_before_any_script_or_full_stylesheet_loads(site):
    # The template holds them inert: the only scripts that run at first paint are inline.
    html = (site / "hinge" / "pull-the-hips-back" / "index.html").read_text(encoding="utf-8")
    head, template = html.split('<template id="hg-after-paint">', 1)
    assert "<script src=" not in head.split("</template>")[0], "a script file loads before the first paint"
    assert "bundle." in template.split("</template>")[0], "Material's bundle is not in the after-paint template"


def test_material_starts_after_the_loader(phone, site_url):
    page = phone.new_page()
    page.goto(site_url + "hinge/pull-the-hips-back/")
    page.wait_for_function(PAGE_LOADED)
    assert page.evaluate("() => typeof window.document$ === 'object' && typeof window.component$ === 'object'"), \
        NOT_STARTED.format(what="its observables (document$, component$) do not exist")

    scheme = page.evaluate("() => document.body.dataset.mdColorScheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"() => document.body.dataset.mdColorScheme !== {scheme!r}", timeout=3000)

    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").fill("walnuts")
    page.locator("input.md-search__input").press("End")
    try:
        page.wait_for_selector(".md-search-result__item", timeout=5000)
    except Exception:
        pytest.fail(NOT_STARTED.format(what="its search shows no results for 'walnuts'"))
