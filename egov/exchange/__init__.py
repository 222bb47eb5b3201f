"""Inter-agency document exchange (liên thông văn bản).

For now only the edXML codec lives here (``egov.exchange.edxml``): plain dataclasses in, bytes
out, and back. The Django app (models, actions, channel adapters) will be built around it.
"""
