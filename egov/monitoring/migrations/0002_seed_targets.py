"""The target the directives set (seed 004, Chỉ thị 07/CT-UBND of 04/08/2009): 50% of the documents
sent and received electronically, for the whole province, every year."""

from decimal import Decimal
from typing import Any

from django.db import migrations


def seed(apps: Any, schema_editor: Any) -> None:
    Target = apps.get_model("monitoring", "Target")
    Target.objects.get_or_create(
        indicator_code="edoc_electronic_share",
        unit=None,
        year=None,
        defaults={
            "value": Decimal("50"),
            "source": "50% văn bản điện tử trong tổng số văn bản gửi nhận (Chỉ thị 07/CT-UBND ngày 04/08/2009)",
        },
    )


def unseed(apps: Any, schema_editor: Any) -> None:
    apps.get_model("monitoring", "Target").objects.filter(
        indicator_code="edoc_electronic_share", unit=None, year=None, set_by=None
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
