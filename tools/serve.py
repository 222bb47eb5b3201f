"""Run the web server and the background worker together; Ctrl-C stops both."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANAGE = [sys.executable, str(ROOT / "manage.py")]


#: Periodic jobs (production runs them from cron or a systemd timer), every hour here.
PERIODIC = [
    ["send_document_reminders"],  # handling deadlines (e-office)
    ["send_handover_reminders"],  # case files due for the agency archive within 30 days
    ["ktxh_remind"],  # KT-XH reports due soon
    ["mail_retention"],  # mailboxes past retention: archived, then removal requested
    ["mail_ingest"],  # agencies' official mailboxes (a no-op without a mail server)
    ["portal_scheduler"],  # restarts the worker's every-minute scheduled publishing if lost
    ["feedback_from_mail"],  # citizens' mail to agencies becomes feedback items
    ["onestop_deadline_warnings"],  # one-stop dossiers due by the next working day
]


def _periodic(stop: threading.Event) -> None:
    while not stop.is_set():
        for command in PERIODIC:
            subprocess.run([*MANAGE, *command], cwd=ROOT, check=False)
        stop.wait(3600)


def main() -> int:
    procs = [
        subprocess.Popen([*MANAGE, "runserver", "127.0.0.1:8000", "--noreload"], cwd=ROOT),
        subprocess.Popen([*MANAGE, "db_worker", "--queue-name", "*"], cwd=ROOT),
        # Inter-agency exchange: delivers the outbox at once (LISTEN/NOTIFY), polls the hub.
        subprocess.Popen([*MANAGE, "exchange_worker"], cwd=ROOT),
    ]
    stop = threading.Event()
    threading.Thread(target=_periodic, args=(stop,), daemon=True).start()
    print("egov: serving at http://127.0.0.1:8000 with its workers (Ctrl-C stops)")
    try:
        while all(p.poll() is None for p in procs):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
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
