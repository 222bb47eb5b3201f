"""Demo loaders are registered by name: starting a process (a web worker, the exchange
worker, a management command) does not import the demo modules and what they pull in;
``load_demo`` still finds and runs every app's loader."""

import subprocess
import sys

import pytest

from egov.lib.demo import DEMO_LOADERS

_PROBE = """
import os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "egov.settings")
import django
django.setup()
from egov.lib.demo import DEMO_LOADERS
demos = sorted(
    m for m in sys.modules if m.startswith("egov.") and m.endswith(".demo") and m != "egov.lib.demo"
)
print(len(DEMO_LOADERS), demos)
"""


def test_starting_django_imports_no_demo_module_yet_registers_every_loader():
    done = subprocess.run(  # noqa: S603 - this interpreter and a constant script
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, timeout=300
    )
    count, imported = done.stdout.strip().split(" ", 1)
    assert int(count) == len(DEMO_LOADERS) >= 12
    assert imported == "[]"


@pytest.mark.django_db
def test_a_loader_answers_through_its_module():
    by_name = {loader.name: loader for loader in DEMO_LOADERS}
    assert by_name["ktxh"].module == "egov.reporting.demo"
    # An empty database: the module's own check answers, through the loader.
    assert by_name["ktxh"].loaded() is False
    assert by_name["e-office"].loaded() is False
