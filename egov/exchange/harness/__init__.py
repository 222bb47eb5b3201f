"""Several installations on one machine, each its own database, port and worker: the
exchange's end-to-end test and its benchmark drive them (``cluster.Cluster``); ``node`` is
what runs inside one installation (setup, load, report)."""
