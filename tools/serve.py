"""Run the web server and the background worker together; Ctrl-C stops both."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANAGE = [sys.executable, str(ROOT / "manage.py")]


def main() -> int:
    procs = [
        subprocess.Popen([*MANAGE, "runserver", "127.0.0.1:8000", "--noreload"], cwd=ROOT),
        subprocess.Popen([*MANAGE, "db_worker", "--queue-name", "*"], cwd=ROOT),
    ]
    print("egov: serving at http://127.0.0.1:8000 with the background worker (Ctrl-C stops)")
    try:
        while all(p.poll() is None for p in procs):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGINT)
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
    return max((p.returncode or 0) for p in procs)


if __name__ == "__main__":
    raise SystemExit(main())
