import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "egov.settings")
application = get_wsgi_application()

# What the start created (settings, apps, URL patterns, templates' loaders: ~300,000
# objects) lives as long as the process. Frozen, it is no longer walked by every full
# collection of the cyclic collector that a request's allocations set off (about 150 ms
# each on the benchmark machine); see docs/decisions/0022-cyclic-gc-at-start-and-in-large-reads.md.
gc.freeze()
