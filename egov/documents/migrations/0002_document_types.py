from django.db import migrations


def load(apps, schema_editor):
    from egov.documents.reference import DOCUMENT_TYPES

    DocumentType = apps.get_model("documents", "DocumentType")
    for order, (code, name, abbreviation, can_be_legal, rule) in enumerate(DOCUMENT_TYPES, 1):
        DocumentType.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "abbreviation": abbreviation,
                "can_be_legal": can_be_legal,
                "delivery_rule": rule,
                "ordering": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
