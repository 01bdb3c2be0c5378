"""Matching, Qt-free: rank volunteers for a mother with explained scores, run a match's
life, batch-match a waiting list.

- rules.py: the criteria, their weights and directions, and the defaults (declared once);
  project_rules.py: a project's saved rules;
- checks.py: the hard checks; suggest.py: ranking one mother's candidates;
- lifecycle.py: propose, accept, decline, pause, resume, end;
- match_list.py: the Matches page's list and detail, a person's matches;
- batch.py: the waiting list as one assignment problem.
"""

from coordinator.services.changes import Kind
from coordinator.services.matching.batch import (
    BatchPlan,
    BatchProposal,
    plan_waiting_list,
    save_plan,
)
from coordinator.services.matching.checks import HardCheck, hard_check_label
from coordinator.services.matching.lifecycle import (
    HardCheckFailed,
    MatchRefused,
    ProposalDetails,
    accept,
    decline,
    end,
    pause,
    proposal_defaults,
    propose,
    resume,
)
from coordinator.services.matching.match_list import (
    MATCH_SORTS,
    MatchDetail,
    MatchFilter,
    MatchRow,
    count_matches,
    list_matches,
    match_detail,
    match_ids,
    match_rows,
    matches_for_person,
)
from coordinator.services.matching.project_rules import load_rules, save_rules
from coordinator.services.matching.results import (
    Candidate,
    Contribution,
    Excluded,
    MotherSummary,
    Suggestion,
)
from coordinator.services.matching.rules import (
    Criterion,
    CriterionRule,
    Direction,
    MatchingRules,
    criterion_has_direction,
    criterion_label,
    default_rules,
)
from coordinator.services.matching.suggest import prepare_ranking, suggest
from coordinator.services.references import find_by_reference

#: What proposing, a lifecycle step or saving a plan changes, for an operation's `changes`:
#: the match, the mother's stage, the volunteer's places taken, and Today's alerts.
MATCHING_CHANGES = frozenset({Kind.MATCH, Kind.MOTHER, Kind.VOLUNTEER, Kind.ALERT})
#: What save_rules changes.
RULES_CHANGES = frozenset({Kind.PROJECT, Kind.SETTING})

__all__ = [
    "MATCH_SORTS",
    "MATCHING_CHANGES",
    "RULES_CHANGES",
    "BatchPlan",
    "BatchProposal",
    "Candidate",
    "Contribution",
    "Criterion",
    "CriterionRule",
    "Direction",
    "Excluded",
    "HardCheck",
    "HardCheckFailed",
    "MatchDetail",
    "MatchFilter",
    "MatchRefused",
    "MatchRow",
    "MatchingRules",
    "MotherSummary",
    "ProposalDetails",
    "Suggestion",
    "accept",
    "count_matches",
    "criterion_has_direction",
    "criterion_label",
    "decline",
    "default_rules",
    "end",
    "find_by_reference",
    "hard_check_label",
    "list_matches",
    "load_rules",
    "match_detail",
    "match_ids",
    "match_rows",
    "matches_for_person",
    "pause",
    "plan_waiting_list",
    "prepare_ranking",
    "proposal_defaults",
    "propose",
    "resume",
    "save_plan",
    "save_rules",
    "suggest",
]
