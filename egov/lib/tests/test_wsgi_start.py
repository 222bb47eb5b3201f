"""A web worker freezes what its start created, so the cyclic collector's full collections
walk only what requests make (decision 0022)."""

import subprocess
import sys

_PROBE = """
import gc
before = gc.get_freeze_count()
import egov.wsgi
print(before, gc.get_freeze_count())
"""


def test_loading_the_wsgi_application_freezes_the_objects_of_the_start():
    done = subprocess.run(  # noqa: S603 - this interpreter and a constant script
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, timeout=300
    )
    before, after = (int(n) for n in done.stdout.split())
    assert before == 0
    # Django, the apps, URL patterns: far more than the interpreter's own start.
    assert after > 50_000
