from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from egov.organisations.demo import DEMO_MARKER, demo_loaded, load_demo


class Command(BaseCommand):
    help = "Load the demo province (An Giang) once; running it again changes nothing."

    def handle(self, *args: Any, **options: Any) -> None:
        if demo_loaded():
            self.stdout.write("Demo data already loaded.")
        else:
            with transaction.atomic():
                load_demo(stdout=self.stdout)
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded ({DEMO_MARKER})."))
        from egov.lib.demo import DEMO_LOADERS

        for loader in sorted(DEMO_LOADERS, key=lambda item: item.order):
            if loader.loaded():
                continue
            with transaction.atomic():
                loader.load(self.stdout)
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {loader.name}."))
        from egov.organisations.demo import print_logins

        print_logins(self.stdout)
