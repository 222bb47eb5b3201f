from egov.monitoring.actions.rankings import recompute, run_ranking, save_method
from egov.monitoring.actions.targets import set_target

__all__ = ["recompute", "run_ranking", "save_method", "set_target"]
