import pytest

from egov.lib.testing.browser import assert_accessible

pytestmark = pytest.mark.browser


def test_the_accessibility_check_fails_on_an_image_without_text_alternative(browser):
    page = browser.new_page()
    try:
        page.set_content(
            '<html lang="vi"><head><title>t</title></head><body><main>'
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>'
        )
        with pytest.raises(AssertionError, match="image-alt"):
            assert_accessible(page)
    finally:
        page.close()
