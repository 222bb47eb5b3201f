from decimal import Decimal

import pytest

from egov.lib.errors import ActionError
from egov.reporting.choices import ValueType
from egov.reporting.numbers import check_value


@pytest.mark.parametrize(
    ("raw", "value_type", "refused_as"),
    [
        ("7.0", ValueType.INTEGER, None),
        ("7.5", ValueType.INTEGER, "not_integer"),
        ("0", ValueType.INTEGER, None),
        ("1E+17", ValueType.INTEGER, None),
        ("-0", ValueType.NON_NEGATIVE, None),
        ("-1", ValueType.NON_NEGATIVE, "negative"),
        ("-0.5", ValueType.PERCENT, "negative"),
        ("100", ValueType.PERCENT, None),
        ("100.01", ValueType.PERCENT, "percent_range"),
        ("999999999999999999", ValueType.NUMBER, None),
        ("-999999999999999999.9", ValueType.NUMBER, None),
        ("1000000000000000000", ValueType.NUMBER, "too_large"),
        ("-1E+18", ValueType.NUMBER, "too_large"),
        ("0E+30", ValueType.NUMBER, None),
    ],
)
def test_each_value_type_rule_accepts_or_refuses_at_its_edge(raw, value_type, refused_as):
    if refused_as is None:
        check_value(Decimal(raw), str(value_type))
        return
    with pytest.raises(ActionError) as caught:
        check_value(Decimal(raw), str(value_type))
    assert caught.value.code == refused_as


def test_a_value_too_large_is_refused_in_vietnamese():
    with pytest.raises(ActionError, match=r"Giá trị quá lớn\."):
        check_value(Decimal("2E+20"), str(ValueType.NUMBER))
