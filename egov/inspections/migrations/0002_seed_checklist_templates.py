from typing import Any

from django.db import migrations

from egov.inspections.checklist_seed import ensure_templates


def seed(apps: Any, schema_editor: Any) -> None:
    ensure_templates(apps.get_model("inspections", "ChecklistTemplate"))


class Migration(migrations.Migration):
    dependencies = [("inspections", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
