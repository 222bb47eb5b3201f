"""Three installations on this machine (a hub and two members, each its own database, HTTPS
port and worker): 200 documents both ways while the receiving member is killed with
SIGKILL and restarted; every document arrives exactly once, whole, and every 01 comes back.
The full form (2,000 documents, two receiver kills and a hub kill) is the benchmark."""

from typing import Any

import pytest
from django.db import connection

from egov.exchange.harness.cluster import Cluster
from egov.exchange.harness.scenario import free_port_block, run, server_url

pytestmark = [pytest.mark.cluster, pytest.mark.django_db]


def test_documents_survive_a_killed_receiver_and_arrive_exactly_once(tmp_path: Any) -> None:
    cluster = Cluster(
        tmp_path,
        members=2,
        base_port=free_port_block(3),
        server_url=server_url(connection.settings_dict),
        prefix=f"egov_cluster_{connection.settings_dict['NAME']}",
    )
    try:
        cluster.create()
        outcome = run(cluster, per_direction=100, receiver_kills=1, settle_timeout=240)
    finally:
        cluster.drop()
    assert outcome.sent == 200
    assert (outcome.missing, outcome.duplicates, outcome.damaged) == (0, 0, 0)
    assert outcome.received_once == 200
    assert outcome.acknowledged == 200
