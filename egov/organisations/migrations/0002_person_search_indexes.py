"""Indexes for the staff directory: its name ordering, and e-mail search by prefix.

Built with CREATE INDEX CONCURRENTLY so that a large ``organisations_person`` table keeps
taking writes while they build (hence ``atomic = False``).
"""

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("organisations", "0001_initial"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="person",
            index=models.Index(fields=["full_name_folded", "id"], name="org_person_name_order"),
        ),
        AddIndexConcurrently(
            model_name="person",
            index=models.Index(
                django.contrib.postgres.indexes.OpClass(
                    django.db.models.functions.text.Lower("email"), name="text_pattern_ops"
                ),
                name="org_person_email_prefix",
            ),
        ),
    ]
