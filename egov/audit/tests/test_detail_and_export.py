"""The detail page (before and after side by side, changed keys highlighted) and the CSV
export (UTF-8 with a byte-order mark, same filters as the list)."""

import csv
import io
import re
from typing import Any

import pytest
from django.urls import reverse

from egov.audit.diff import compare
from egov.audit.tests.helpers import PROBE_EDIT, probe

pytestmark = pytest.mark.django_db


def test_the_detail_shows_before_and_after_and_highlights_only_changed_keys(client_for, world):
    event = probe(
        action=PROBE_EDIT,
        actor=world.unit_admin,
        object_repr="Sở Nội vụ",
        unit_id=world.home_affairs.pk,
        before={"name": "Sở Nội vụ", "phone": "0296 3852 000"},
        after={"name": "Sở Nội vụ tỉnh An Giang", "phone": "0296 3852 000", "email": "snv@x"},
    )
    response = client_for(world.unit_admin).get(reverse("audit:detail", args=[event.pk]))
    text = response.content.decode()
    assert "<h1>Chỉnh sửa thử nghiệm</h1>" in text
    rows = {
        key: changed
        for changed, key in re.findall(
            r'<tr( class="audit-diff__changed")?>\s*<th scope="row">(\w+)', text
        )
    }
    assert rows == {
        "name": ' class="audit-diff__changed"',
        "phone": "",
        "email": ' class="audit-diff__changed"',
    }
    assert "Sở Nội vụ tỉnh An Giang" in text
    assert "Sở Nội vụ" in response.context["unit_label"]


def test_compare_lists_keys_of_both_sides_and_flags_the_differences():
    rows = compare({"a": 1, "b": [1, 2]}, {"b": [1, 2], "c": None})
    assert [(r.key, r.before, r.after, r.changed) for r in rows] == [
        ("a", "1", "", True),
        ("b", "[1, 2]", "[1, 2]", False),
        ("c", "", "null", True),
    ]
    assert [r.has_before for r in rows] == [True, True, False]
    assert compare(None, None) == []


def _export(client: Any, **params: Any) -> bytes:
    response = client.get(reverse("audit:export"), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="nhat-ky-he-thong-')
    return b"".join(response.streaming_content)


def test_the_export_is_utf8_with_a_byte_order_mark_and_vietnamese_labels(client_for, world):
    probe(
        action=PROBE_EDIT,
        actor=world.clerk,
        object_repr="Công văn số 5",
        unit_id=world.home_affairs.pk,
    )
    body = _export(client_for(world.admin), action=PROBE_EDIT)
    assert body.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert table[0][:4] == ["Số thứ tự", "Thời điểm", "Tài khoản", "Hành động"]
    assert [row[2:5] for row in table[1:]] == [["clerk", "Chỉnh sửa thử nghiệm", "audit.test.edit"]]
    assert table[1][7:9] == ["Công văn số 5", "Sở Nội vụ"]


def test_the_export_applies_the_filters_of_the_list(client_for, world):
    for number in range(3):
        probe(object_type="test.export", object_id=str(number))
    body = _export(client_for(world.admin), object_type="test.export", object_id="1")
    table = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert [row[6] for row in table[1:]] == ["1"]


def test_the_export_defuses_cells_a_spreadsheet_would_run_as_formulas(client_for, world):
    probe(object_type="test.export", object_repr='=HYPERLINK("http://evil")')
    body = _export(client_for(world.admin), object_type="test.export")
    table = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert table[1][7] == '\'=HYPERLINK("http://evil")'


def test_the_export_link_carries_the_filters_but_not_the_page(client_for, world):
    response = client_for(world.admin).get(reverse("audit:list"), {"user": "clerk", "page": 1})
    assert 'href="/audit/export.csv?user=clerk"' in response.content.decode()
