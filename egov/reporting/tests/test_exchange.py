"""Exchange formats, checked by independent readers: SDMX exports read back with sdmx1 and
validated against the SDMX 2.1 schemas; DXF2 and ADX fixture files import and round-trip;
ADX exports validate against the IHE ADX schema; GSO PX-Web tables import with history;
files with unknown codes import nothing and say where the problem is."""

from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from egov.lib.errors import ActionError
from egov.reporting.actions import catalogue
from egov.reporting.actions.exchange import ImportReportError, import_observations
from egov.reporting.choices import ValueStatus, ValueType
from egov.reporting.exchange import adx, dxf2, gso, sdmx
from egov.reporting.exchange.export import rows, sdmx_observations
from egov.reporting.exchange.observations import to_adx_period, to_dhis2_period
from egov.reporting.models import DataValue
from egov.reporting.testing import approve_fully, fill, month

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(ktxh):
    approve_fully(
        ktxh, fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 1), revenue="1200")
    )
    approve_fully(
        ktxh,
        fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 2), revenue="1300,5"),
    )
    return ktxh


def test_sdmx_exports_are_schema_valid_and_read_back_with_the_database_totals(
    approved, tmp_path, shared_fixture
):
    import sdmx as sdmx1

    data = list(rows())
    observations, lists = sdmx_observations(data)
    structure = tmp_path / "structure.xml"
    structure.write_bytes(sdmx.structure_message(lists))
    generic = tmp_path / "generic.xml"
    generic.write_bytes(sdmx.generic_data(observations))
    schemas = shared_fixture("ktxh/sdmx/schemas_v2_1")
    assert sdmx1.validate_xml(structure, schema_dir=schemas, version="2.1")
    assert sdmx1.validate_xml(generic, schema_dir=schemas, version="2.1")

    dsd = sdmx1.read_sdmx(structure).structure["KTXH"]  # type: ignore[attr-defined]
    message = sdmx1.read_sdmx(generic, structure=dsd)
    series = sdmx1.to_pandas(message.data[0])  # type: ignore[attr-defined]
    revenue = series.xs("THU_NSNN", level="INDICATOR")
    database = sum(v.value for v in DataValue.objects.filter(indicator=approved.revenue))
    assert Decimal(str(revenue.sum())) == database == Decimal("2500.5")
    assert len(series) == DataValue.objects.filter(counted_value__isnull=False).count() == 8

    specific = tmp_path / "specific.xml"
    specific.write_bytes(sdmx.structure_specific_data(observations))
    read = sdmx1.to_pandas(sdmx1.read_sdmx(specific, structure=dsd).data[0])  # type: ignore[attr-defined]
    assert Decimal(str(read.xs("THU_NSNN", level="INDICATOR").sum())) == database


def test_sdmx_csv_has_one_row_per_observation_with_the_status(approved):
    text = sdmx.sdmx_csv(sdmx_observations(list(rows()))[0]).decode()
    lines = text.splitlines()
    assert (
        lines[0] == "STRUCTURE,STRUCTURE_ID,ACTION,FREQ,INDICATOR,BREAKDOWN,REF_AREA,TIME_PERIOD,"
        "OBS_VALUE,OBS_STATUS"
    )
    assert "datastructure,VN_AG:KTXH(1.0),I,M,THU_NSNN,default,H01_151,2026-M02,1300.5,E" in lines
    assert len(lines) == 9


def _dhis2_world(ktxh):
    """Indicators and units under the codes of DHIS2's test files (id scheme: code)."""
    for code in ("DE_A", "DE_B", "DE_C", "DE_D"):
        catalogue.create_indicator(
            actor=None,
            code=code,
            name=f"Chỉ tiêu {code}",
            unit_of_measure="cái",
            skip_access_check=True,
        )
    catalogue.set_external_code(
        actor=None, code="OU_A", unit=ktxh.world.commune, skip_access_check=True
    )
    catalogue.set_external_code(
        actor=None, code="OU_B", unit=ktxh.second_commune, skip_access_check=True
    )


def test_the_dhis2_xml_fixture_imports_and_round_trips_in_json_xml_and_csv(ktxh, shared_fixture):
    _dhis2_world(ktxh)
    parsed = dxf2.parse_xml(shared_fixture("ktxh/dhis2/dataValueSetBCode.xml").read_bytes())
    written = import_observations(
        actor=ktxh.world.admin,
        observations=parsed,
        source_name="dataValueSetBCode.xml",
        approve=True,
    )
    assert written == len(parsed) == 12
    assert (
        DataValue.objects.get(
            indicator__code="DE_A", unit=ktxh.world.commune, period__code="2012-M01"
        ).value
        == 10001
    )
    original = {(o.indicator, o.unit, o.period, Decimal(o.value)) for o in parsed}
    exported = [
        (
            r.indicator,
            to_dhis2_period(r.frequency, r.year, r.number),
            r.unit,
            r.combo,
            format(r.value.normalize(), "f"),
            "",
        )
        for r in rows()
        if r.indicator.startswith("DE_")
    ]
    for writer, reader in (
        (dxf2.write_json, dxf2.parse_json),
        (dxf2.write_xml, dxf2.parse_xml),
        (dxf2.write_csv, dxf2.parse_csv),
    ):
        again = {
            (o.indicator, o.unit, o.period, Decimal(o.value)) for o in reader(writer(exported))
        }
        assert again == original


def test_an_unknown_code_imports_nothing_and_names_the_element(ktxh, shared_fixture):
    _dhis2_world(ktxh)
    content = (
        shared_fixture("ktxh/dhis2/dataValueSetBCode.xml")
        .read_bytes()
        .replace(b'orgUnit="OU_B"', b'orgUnit="OU_X"', 1)
    )
    with pytest.raises(ImportReportError) as caught:
        import_observations(
            actor=ktxh.world.admin, observations=dxf2.parse_xml(content), source_name="x.xml"
        )
    first = caught.value.problems[0]
    assert (
        "dataValue thứ 2 (dòng 3)" in first.where and "mã đơn vị “OU_X” không có" in first.message
    )
    assert not DataValue.objects.filter(indicator__code__startswith="DE_").exists()


def test_the_uid_csv_fixture_is_refused_whole_while_its_uids_are_unmapped(ktxh, shared_fixture):
    parsed = dxf2.parse_csv(shared_fixture("ktxh/dhis2/dataValueSetB.csv").read_bytes())
    with pytest.raises(ImportReportError) as caught:
        import_observations(actor=ktxh.world.admin, observations=parsed, source_name="b.csv")
    assert caught.value.problems[0].where == "Dòng 2"
    assert "“f7n9E0hX8qk”" in caught.value.problems[0].message


def _adx_world(ktxh):
    breakdown = catalogue.create_breakdown(
        actor=None,
        code="SEX_AGE",
        name="Giới tính, tuổi",
        categories=[
            ("sex", "Giới tính", [("F", "Nữ"), ("M", "Nam")]),
            ("age", "Tuổi", [("under5", "Dưới 5"), ("over5", "Từ 5")]),
        ],
        skip_access_check=True,
    )
    catalogue.create_indicator(
        actor=None,
        code="MalNummmmmm",
        name="Ca sốt rét",
        unit_of_measure="ca",
        value_type=ValueType.INTEGER,
        combo=breakdown,
        skip_access_check=True,
    )
    catalogue.create_indicator(
        actor=None,
        code="MalTexttttt",
        name="Ghi chú sốt rét",
        unit_of_measure="mã",
        skip_access_check=True,
    )
    from egov.reporting.models import OptionCombo

    for code, cell in (("Female Over 5", "F_over5"), ("Male Over 5", "M_over5")):
        catalogue.set_external_code(
            actor=None,
            code=code,
            combo=OptionCombo.objects.get(combo=breakdown, code=cell),
            skip_access_check=True,
        )
    catalogue.set_external_code(
        actor=None, code="P1233333333", unit=ktxh.world.commune, skip_access_check=True
    )
    catalogue.set_external_code(
        actor=None, code="D4566666666", unit=ktxh.second_commune, skip_access_check=True
    )


def _adx_validator(shared_fixture):
    adx_dir, sdmx_dir = shared_fixture("ktxh/adx"), shared_fixture("ktxh/sdmx/schemas_v2_1")

    class Resolver(etree.Resolver):
        def resolve(self, url, pubid, context):
            if url.endswith("sdmx/SDMXCommon.xsd") or "SDMX" in Path(url).name:
                return self.resolve_filename(str(sdmx_dir / Path(url).name), context)
            return None

    parser = etree.XMLParser()
    parser.resolvers.add(Resolver())
    schema = etree.XMLSchema(etree.parse(str(adx_dir / "ihe_adx_loose.xsd"), parser))
    return schema


def test_the_adx_fixture_imports_by_category_attributes_and_exports_schema_valid_adx(
    ktxh, shared_fixture
):
    _adx_world(ktxh)
    parsed = adx.parse(shared_fixture("ktxh/adx/dhis2core_importB.adx.xml").read_bytes())
    assert (
        import_observations(
            actor=ktxh.world.admin, observations=parsed, source_name="importB", approve=True
        )
        == 9
    )
    value = DataValue.objects.get(
        indicator__code="MalNummmmmm",
        unit=ktxh.second_commune,
        period__code="2021-Q1",
        combo__code="F_over5",
    )
    assert value.value == 20
    groups: dict[tuple[str, str], list[tuple[str, dict[str, str], str]]] = {}
    for r in rows():
        groups.setdefault((r.unit, to_adx_period(r.frequency, r.year, r.number)), []).append(
            (r.indicator, dict(r.options), format(r.value.normalize(), "f"))
        )
    exported = adx.write(
        [(unit, period, "B01", values) for (unit, period), values in groups.items()]
    )
    _adx_validator(shared_fixture).assertValid(etree.fromstring(exported))
    again = {
        (o.indicator, o.unit, o.period, tuple(sorted(o.options.items())), o.value)
        for o in adx.parse(exported)
    }
    assert (
        "MalNummmmmm",
        "D4566666666",
        "2021-Q1",
        (("age", "over5"), ("sex", "F")),
        "20",
    ) in again
    assert len(again) == 9


def test_an_adx_file_with_an_unknown_breakdown_option_is_refused_where_it_is(ktxh, shared_fixture):
    _adx_world(ktxh)
    content = (
        shared_fixture("ktxh/adx/dhis2core_importB.adx.xml")
        .read_bytes()
        .replace(b'age="under5" value="2"', b'age="newborn" value="2"')
    )
    with pytest.raises(ImportReportError) as caught:
        import_observations(
            actor=ktxh.world.admin, observations=adx.parse(content), source_name="bad"
        )
    assert caught.value.problems[0].where.startswith("group thứ 1 (dòng 2), dataValue thứ 2")
    assert "age=newborn" in caught.value.problems[0].message
    assert not DataValue.objects.exists()


def test_xml_with_an_entity_declaration_is_refused_unread(ktxh):
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]>'
        b'<adx xmlns="urn:ihe:qrph:adx:2015">&x;</adx>'
    )
    with pytest.raises(Exception, match="DOCTYPE/ENTITY"):
        adx.parse(bomb)


def test_the_gso_population_table_imports_an_provinces_history_with_its_flags(ktxh, shared_fixture):
    sex = ktxh.population.combo
    catalogue.create_indicator(
        actor=None,
        code="DANSO_TB",
        name="Dân số trung bình",
        unit_of_measure="nghìn người",
        combo=sex,
        decimals=1,
        skip_access_check=True,
    )
    table = gso.parse(
        shared_fixture(
            "ktxh/vn_gso/Population_and_Employment__Average_population_by_province.csv"
        ).read_bytes()
    )
    assert "An Giang" in table.areas() and "Red River Delta" in table.areas()
    catalogue.set_external_code(
        actor=None, code="AG", unit=ktxh.world.province, skip_access_check=True
    )
    observations = gso.observations(
        table,
        areas={"An Giang": "AG"},
        columns={"Male": ("DANSO_TB", "M"), "Female": ("DANSO_TB", "F")},
    )
    assert len(observations) == 44  # 1995–2016, two columns
    import_observations(
        actor=ktxh.world.admin,
        observations=observations,
        source_name=table.title,
        approve=True,
        backfill=True,
        provenance="Niên giám thống kê (GSO PX-Web)",
    )
    latest = DataValue.objects.get(
        indicator__code="DANSO_TB", unit=ktxh.world.province, period__code="2016", combo__code="F"
    )
    assert latest.status == ValueStatus.PRELIMINARY and latest.source == "backfill"
    assert (
        DataValue.objects.filter(
            indicator__code="DANSO_TB", period__code="2010", status=ValueStatus.OFFICIAL
        ).count()
        == 2
    )
    with pytest.raises(Exception, match="không có địa bàn “An Giangg”"):
        gso.observations(table, areas={"An Giangg": "AG"}, columns={"Male": ("DANSO_TB", "M")})


def test_gso_missing_values_are_skipped_not_zero(ktxh, shared_fixture):
    table = gso.parse(
        shared_fixture(
            "ktxh/vn_gso/Population_and_Employment__Average_population_by_province.csv"
        ).read_bytes()
    )
    ha_tay = [v for v in table.values if v.area == "Ha Tay" and v.column.variable == "Total"]
    assert [v.column.year for v in ha_tay if v.value is None][:2] == [2008, 2009]


def test_a_back_entry_import_needs_its_provenance_and_keeps_it_on_every_value(ktxh):
    content = (
        b'{"dataValues": [{"dataElement": "THU_NSNN", "period": "2010",'
        b' "orgUnit": "H01.152", "value": "900"}]}'
    )
    observations = dxf2.parse_json(content)
    with pytest.raises(ActionError) as caught:
        import_observations(
            actor=ktxh.world.admin, observations=observations, source_name="x.json", backfill=True
        )
    assert caught.value.code == "provenance_required"
    assert not DataValue.objects.exists()
    import_observations(
        actor=ktxh.world.admin,
        observations=observations,
        source_name="x.json",
        backfill=True,
        provenance="Niên giám thống kê tỉnh An Giang 2010",
    )
    value = DataValue.objects.get(period__code="2010")
    assert value.source == "backfill" and value.note == "Niên giám thống kê tỉnh An Giang 2010"
