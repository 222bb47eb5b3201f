"""Real Postfix and Dovecot (Debian's packages) on loopback high ports, for tests and demos.

The configuration is the one the project ships (``deploy/mail/``), rendered into a private
directory and pointed at a Django database (its server from ``settings_dict``). Postfix needs
root (its daemons drop to the ``postfix`` user); its ``master`` is started directly with
``-c <dir>``, which (unlike the ``postfix`` command) needs no entry in the system's
``/etc/postfix/main.cf``. Dovecot runs in the foreground as a child of the test process.
Both are stopped by their own process ids.
"""

from __future__ import annotations

import grp
import os
import pwd
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEPLOY_DIR = Path(__file__).resolve().parent.parent.parent / "deploy" / "mail"
_PLACEHOLDER = re.compile(r"@@[A-Z_]+@@")
POSTFIX_MASTER = Path("/usr/lib/postfix/sbin/master")
DOVECOT = Path("/usr/sbin/dovecot")

# Postfix queue directories: (name, owner, group, mode), as post-install creates them.
_QUEUE_DIRS = (
    ("active", "postfix", "root", 0o700),
    ("bounce", "postfix", "root", 0o700),
    ("corrupt", "postfix", "root", 0o700),
    ("defer", "postfix", "root", 0o700),
    ("deferred", "postfix", "root", 0o700),
    ("flush", "postfix", "root", 0o700),
    ("hold", "postfix", "root", 0o700),
    ("incoming", "postfix", "root", 0o700),
    ("private", "postfix", "root", 0o700),
    ("saved", "postfix", "root", 0o700),
    ("trace", "postfix", "root", 0o700),
    ("maildrop", "postfix", "postdrop", 0o730),
    ("public", "postfix", "postdrop", 0o710),
    ("pid", "root", "root", 0o755),
)


class HarnessError(RuntimeError):
    """The mail servers could not be started (missing package, not root, port busy)."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def render(template: Path, values: dict[str, str]) -> str:
    text = template.read_text()
    for name, value in values.items():
        text = text.replace(f"@@{name}@@", value)
    left = _PLACEHOLDER.findall(text)
    if left:
        raise HarnessError(f"{template.name}: placeholders left unfilled: {sorted(set(left))}")
    return text


def _chown(path: Path, user: str, group: str) -> None:
    os.chown(path, pwd.getpwnam(user).pw_uid, grp.getgrnam(group).gr_gid)


def _wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise HarnessError(f"exited with {process.returncode}: {_tail(log)}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise HarnessError(f"port {port} not listening after {timeout}s: {_tail(log)}")


def _tail(path: Path) -> str:
    try:
        return path.read_text(errors="replace")[-2000:]
    except OSError:
        return "(no log)"


def check_installed() -> None:
    if os.geteuid() != 0:
        raise HarnessError("Postfix needs root to start (its daemons drop privileges)")
    for binary in (POSTFIX_MASTER, DOVECOT):
        if not binary.exists():
            raise HarnessError(
                f"{binary} missing: apt-get install postfix postfix-pgsql dovecot-core "
                "dovecot-imapd dovecot-lmtpd dovecot-pgsql"
            )


@dataclass
class MailStack:
    """A running Postfix + Dovecot pair. ``smtp_port`` and ``imap_port`` on 127.0.0.1."""

    root: Path
    smtp_port: int
    imap_port: int
    lmtp_port: int
    master_user: str = "egov-worker"
    master_password: str = ""
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def postfix_log(self) -> str:
        return _tail(self.root / "postfix" / "maillog")

    @property
    def dovecot_log(self) -> str:
        return _tail(self.root / "dovecot" / "dovecot.log")

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=5)
        self.processes.clear()
        shutil.rmtree(self.root, ignore_errors=True)


def _db_values(settings_dict: dict[str, Any]) -> dict[str, str]:
    password = str(settings_dict.get("PASSWORD") or "")
    return {
        "DB_HOST": str(settings_dict.get("HOST") or "127.0.0.1"),
        "DB_PORT": str(settings_dict.get("PORT") or 5432),
        "DB_USER": str(settings_dict.get("USER") or "postgres"),
        "DB_PASSWORD": password,
        "DB_PASSWORD_KV": f"password={password}" if password else "",
        "DB_NAME": str(settings_dict["NAME"]),
    }


def start(settings_dict: dict[str, Any], *, timeout: float = 20.0) -> MailStack:
    """Render ``deploy/mail/`` for ``settings_dict``'s database and start both servers."""
    check_installed()
    root = Path(tempfile.mkdtemp(prefix="egov-mail-"))
    root.chmod(0o755)  # Dovecot's and Postfix's unprivileged processes walk into it
    stack = MailStack(root, free_port(), free_port(), free_port())
    stack.master_password = secrets.token_urlsafe(18)
    try:
        db = _db_values(settings_dict)
        _start_dovecot(stack, db, timeout)
        _start_postfix(stack, db, timeout)
    except BaseException:
        stack.stop()
        raise
    return stack


def _start_dovecot(stack: MailStack, db: dict[str, str], timeout: float) -> None:
    base = stack.root / "dovecot"
    mail_root = stack.root / "vmail"
    for directory in (base, base / "run", base / "state", mail_root):
        directory.mkdir(parents=True)
    _chown(mail_root, "dovecot", "dovecot")
    values = {
        **db,
        "BASE_DIR": str(base),
        "LOG_PATH": str(base / "dovecot.log"),
        "LISTEN": "127.0.0.1",
        "SSL": "no",
        "SSL_FILES": "",
        "PLAINTEXT_DISABLED": "no",  # loopback only, in tests
        "INTERNAL_USER": "dovecot",
        "LOGIN_USER": "dovenull",
        "MAIL_USER": "dovecot",
        "SQL_CONF": str(base / "dovecot-sql.conf.ext"),
        "DICT_SQL_CONF": str(base / "dovecot-dict-sql.conf.ext"),
        "MASTER_USERS": str(base / "master-users"),
        "MAIL_ROOT": str(mail_root),
        "IMAP_PORT": str(stack.imap_port),
        "LMTP_HOST": "127.0.0.1",
        "LMTP_PORT": str(stack.lmtp_port),
    }
    for name in ("dovecot.conf", "dovecot-sql.conf.ext", "dovecot-dict-sql.conf.ext"):
        (base / name).write_text(render(DEPLOY_DIR / "dovecot" / name, values))
    from egov.mail.passwords import dovecot_hash

    (base / "master-users").write_text(
        f"{stack.master_user}:{dovecot_hash(stack.master_password)}\n"
    )
    for name in ("dovecot-sql.conf.ext", "dovecot-dict-sql.conf.ext", "master-users"):
        (base / name).chmod(0o640)
        _chown(base / name, "root", "dovecot")
    process = subprocess.Popen(  # noqa: S603 - a fixed binary with our own config
        [str(DOVECOT), "-F", "-c", str(base / "dovecot.conf")],
        stdout=subprocess.DEVNULL,
        stderr=(base / "stderr.log").open("wb"),
    )
    stack.processes.append(process)
    _wait_for_port(stack.imap_port, process, base / "stderr.log", timeout)
    _wait_for_port(stack.lmtp_port, process, base / "dovecot.log", timeout)


def _start_postfix(stack: MailStack, db: dict[str, str], timeout: float) -> None:
    base = stack.root / "postfix"
    conf, queue, data = base / "conf", base / "queue", base / "data"
    for directory in (conf, queue, data):
        directory.mkdir(parents=True)
    _chown(data, "postfix", "postfix")
    for name, owner, group, mode in _QUEUE_DIRS:
        path = queue / name
        path.mkdir()
        path.chmod(mode)
        _chown(path, owner, group)
    values = {
        **db,
        "CONFIG_DIR": str(conf),
        "QUEUE_DIR": str(queue),
        "DATA_DIR": str(data),
        "HOSTNAME": "mail.test.invalid",
        "INET_INTERFACES": "loopback-only",
        "MAILLOG": str(base / "maillog"),
        "LMTP_HOST": "127.0.0.1",
        "LMTP_PORT": str(stack.lmtp_port),
        "DEFAULT_TRANSPORT": "error:outbound mail disabled in tests",
        "MESSAGE_SIZE_LIMIT": str(25 * 1024 * 1024),
        "SMTP_LISTEN": f"127.0.0.1:{stack.smtp_port}",
    }
    for name in (
        "main.cf",
        "master.cf",
        "pgsql-virtual-domains.cf",
        "pgsql-virtual-mailboxes.cf",
        "pgsql-virtual-aliases.cf",
    ):
        (conf / name).write_text(render(DEPLOY_DIR / "postfix" / name, values))
        if name.startswith("pgsql-"):
            (conf / name).chmod(0o640)
            _chown(conf / name, "root", "postfix")
    process = subprocess.Popen(  # noqa: S603 - a fixed binary with our own config
        [str(POSTFIX_MASTER), "-c", str(conf), "-d"],
        stdout=subprocess.DEVNULL,
        stderr=(base / "stderr.log").open("wb"),
        env={**os.environ, "MAIL_CONFIG": str(conf)},
    )
    stack.processes.append(process)
    _wait_for_port(stack.smtp_port, process, base / "stderr.log", timeout)


CLAMD = Path("/usr/sbin/clamd")
SIGTOOL = Path("/usr/bin/sigtool")
#: The EICAR anti-virus test file (68 bytes): every scanner reports it; harmless.
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


@dataclass
class Scanner:
    """clamd on a unix socket in a private directory, with a one-signature database made
    from the EICAR string (no signature updates are reachable from here)."""

    root: Path
    process: subprocess.Popen[bytes]

    @property
    def socket(self) -> str:
        return str(self.root / "clamd.sock")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        shutil.rmtree(self.root, ignore_errors=True)


def start_clamd(*, timeout: float = 60.0) -> Scanner:
    for binary in (CLAMD, SIGTOOL):
        if not binary.exists():
            raise HarnessError(f"{binary} missing: apt-get install clamav-daemon")
    root = Path(tempfile.mkdtemp(prefix="egov-clamd-"))
    root.chmod(0o755)
    database = root / "db"
    database.mkdir()
    sample = root / "eicar.txt"
    sample.write_bytes(EICAR)
    signature = subprocess.run(  # noqa: S603 - a fixed binary on our own file
        [str(SIGTOOL), "--md5", str(sample)], check=True, capture_output=True
    ).stdout.decode()
    # sigtool names it after the file; give it the name the scan reports.
    md5, size, _name = signature.strip().split(":", 2)
    (database / "local.hdb").write_text(f"{md5}:{size}:Egov.Test.EICAR\n")
    sample.unlink()
    config = root / "clamd.conf"
    config.write_text(
        "\n".join(
            [
                "Foreground yes",
                f"DatabaseDirectory {database}",
                f"LocalSocket {root / 'clamd.sock'}",
                f"LogFile {root / 'clamd.log'}",
                f"PidFile {root / 'clamd.pid'}",
                f"TemporaryDirectory {root}",
                "User root",
                "StreamMaxLength 30M",
                "",
            ]
        )
    )
    process = subprocess.Popen(  # noqa: S603 - a fixed binary with our own config
        [str(CLAMD), "-c", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=(root / "stderr.log").open("wb"),
    )
    scanner = Scanner(root, process)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            scanner.stop()
            raise HarnessError(f"clamd exited with {process.returncode}")
        if (root / "clamd.sock").exists():
            from egov.mail.inbound import clamav

            if clamav.ping(scanner.socket):
                return scanner
        time.sleep(0.1)
    scanner.stop()
    raise HarnessError(f"clamd not answering after {timeout}s")
