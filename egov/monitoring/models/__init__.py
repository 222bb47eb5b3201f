from egov.monitoring.models.rankings import Criterion, RankingMethod, RankingResult, RankingRun
from egov.monitoring.models.records import (
    Evidence,
    ITPlan,
    ITStaffAssignment,
    PlanGoal,
    PlanTransition,
    TrainingAttendance,
    TrainingSession,
)
from egov.monitoring.models.targets import Target

__all__ = [
    "Criterion",
    "Evidence",
    "ITPlan",
    "ITStaffAssignment",
    "PlanGoal",
    "PlanTransition",
    "RankingMethod",
    "RankingResult",
    "RankingRun",
    "Target",
    "TrainingAttendance",
    "TrainingSession",
]
