from egov.monitoring.models.rankings import Criterion, RankingMethod, RankingResult, RankingRun
from egov.monitoring.models.targets import Target

__all__ = ["Criterion", "RankingMethod", "RankingResult", "RankingRun", "Target"]
