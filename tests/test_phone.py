"""Phone: the guide is readable one-handed on a 390×844 screen."""

from __future__ import annotations

import pytest

from conftest import on_page, open_page

pytestmark = pytest.mark.browser


def test_step_page_fits_a_phone_without_sideways_scrolling(phone, site_url, content_pages):
    page = phone.new_page()
    for url in content_pages:
        open_page(page, site_url + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"/{url} scrolls sideways by {overflow}px on a phone"


def test_next_button_takes_you_to_the_next_step(phone, site_url):
    page = phone.new_page()
    open_page(page, site_url + "hinge/pull-the-hips-back/")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(on_page("/hinge/grab-the-implement/"))
    assert "Step 3" in page.locator("h1").inner_text()
