from egov.monitoring.models.targets import Target

__all__ = ["Target"]
