from __future__ import annotations

import datetime as dt
from typing import Any

from egov.lib.dates import BUSINESS_TZ


def register(world: Any, *, channel: str, day: dt.date, unit: Any = None) -> Any:
    from egov.documents.actions.incoming import register_incoming
    from egov.documents.testing import doc_type

    return register_incoming(
        actor=world.clerk,
        unit=unit or world.home_affairs,
        document_type=doc_type("cong-van"),
        issuer_name="UBND tỉnh",
        subject="Về việc triển khai ứng dụng công nghệ thông tin",
        channel=channel,
        arrived_at=dt.datetime.combine(day, dt.time(9), tzinfo=BUSINESS_TZ),
        skip_access_check=True,
    )
