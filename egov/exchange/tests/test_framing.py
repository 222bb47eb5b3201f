"""Several packages in one body: what is packed unpacks to the same packages, and a body
cut short, with a bad head or too many packages is refused, not half read."""

import pytest

from egov.exchange import framing


def _packed(items):
    return b"".join(framing.pack(items))


def test_packages_come_back_whole_and_in_order_whatever_their_bytes():
    items = [(7, b"<a/>\n12 34\n"), (3, b""), (12, bytes(range(256)) * 10)]
    assert framing.unpack(_packed(items)) == items
    assert framing.unpack(b"") == []


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"1 10\nshort", "cut short"),
        (b"1 -1\n", "cut short"),
        (b"1 x\nabc", "bad package head"),
        (b"1\nabc", "bad package head"),
        (b"1 3\nabc" + b"9" * 70, "no package head"),
    ],
)
def test_a_damaged_body_is_refused_with_where_it_broke(data, reason):
    with pytest.raises(framing.FramingError, match=reason):
        framing.unpack(data)


def test_more_packages_than_a_batch_may_carry_are_refused():
    with pytest.raises(framing.FramingError, match="more than 2"):
        framing.unpack(_packed([(1, b"a"), (2, b"b"), (3, b"c")]), max_count=2)
