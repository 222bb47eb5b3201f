from egov.monitoring.actions.targets import set_target

__all__ = ["set_target"]
