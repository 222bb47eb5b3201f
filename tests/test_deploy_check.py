"""Production settings pass Django's deployment checks with no warning."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _environment(**overrides: str) -> dict[str, str]:
    # Browser tests in the same worker allow async-unsafe calls; production never does.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**env, **overrides}


def test_production_settings_pass_the_deployment_checks():
    env = {
        **_environment(),
        "EGOV_DEBUG": "0",
        "EGOV_SECRET_KEY": secrets.token_urlsafe(50),
        "EGOV_ALLOWED_HOSTS": "egov.angiang.gov.vn",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = _environment(EGOV_DEBUG="0", EGOV_SECRET_KEY="")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "EGOV_SECRET_KEY must be set" in result.stderr
