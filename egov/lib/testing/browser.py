"""Browser-test helpers: log in through the real form, check a page with axe-core."""

from __future__ import annotations

from typing import Any

#: WCAG 2.1 A and AA rules; a page passes when axe finds no violation of these.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def assert_accessible(page: Any, *, context: str | None = None) -> None:
    """Run axe-core on the current page; fail listing each WCAG 2.1 A/AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context, options={"runOnly": WCAG_TAGS})
    violations = results.response.get("violations", [])
    if violations:
        lines = [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] for node in v["nodes"][:5])
            for v in violations
        ]
        raise AssertionError(f"axe-core violations on {page.url}:\n" + "\n".join(lines))


def log_in(page: Any, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Tên đăng nhập hoặc e-mail").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state("networkidle")
