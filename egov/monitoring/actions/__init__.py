from egov.monitoring.actions.evidence import attach_evidence
from egov.monitoring.actions.rankings import recompute, run_ranking, save_method
from egov.monitoring.actions.records import (
    GoalResult,
    assign_it_staff,
    decide_plan,
    end_it_staff,
    record_training,
    report_plan_results,
    save_plan,
    submit_plan,
)
from egov.monitoring.actions.targets import set_target

__all__ = [
    "GoalResult",
    "assign_it_staff",
    "attach_evidence",
    "decide_plan",
    "end_it_staff",
    "recompute",
    "record_training",
    "report_plan_results",
    "run_ranking",
    "save_method",
    "save_plan",
    "set_target",
    "submit_plan",
]
