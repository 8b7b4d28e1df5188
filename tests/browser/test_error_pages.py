"""The server error page, as Django renders it after an unhandled exception: without context
or request. (The 404 page is visited in the member journey.)"""

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_server_error_page_is_a_danish_page_with_a_way_home(page, axe, screenshot):
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    # Serve Django's own rendering from the live server's address, so its styles load.
    page.route(
        "**/fejlside/",
        lambda route: route.fulfill(
            status=500, body=response.content, content_type="text/html; charset=utf-8"
        ),
    )
    page.goto("/fejlside/")
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.get_by_role("heading", level=1)).to_have_text("Der opstod en fejl")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.get_by_role("main").get_by_role("link", name="Gå til forsiden")).to_have_attribute(
        "href", "/"
    )
    axe(page)
    screenshot(page, "4-serverfejl")
