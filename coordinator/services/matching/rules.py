"""Matching rules: how much each soft criterion weighs in a project, and which way it leans.

The study behind the product found that some women want "someone like me" (same language,
culture, lived experience) and others value difference, and that projects differ. So each
criterion has a weight (0-10, 0 = ignored) and, where it makes sense, a direction: prefer
the same, or prefer difference. The defaults are declared once, here (DEFAULT_RULES); a
project with no saved rules uses them.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from coordinator.words import N_

WEIGHT_MIN, WEIGHT_MAX = 0, 10


class Criterion(enum.StrEnum):
    """The soft criteria, in the order they are shown. The values are stored."""

    DISTANCE = "distance"
    LANGUAGE = "language"
    LIVED_EXPERIENCE = "lived_experience"
    CULTURE_FAITH = "culture_faith"
    AVAILABILITY = "availability"
    AGE = "age"
    FAIRNESS = "fairness"


class Direction(enum.StrEnum):
    """Prefer someone like her, or prefer difference (same values as CriterionDirection)."""

    SAME = "same"
    DIFFERENT = "different"


_LABELS: dict[Criterion, str] = {
    Criterion.DISTANCE: N_("Distance"),
    Criterion.LANGUAGE: N_("Shared language"),
    Criterion.LIVED_EXPERIENCE: N_("Lived experience"),
    Criterion.CULTURE_FAITH: N_("Culture or faith"),
    Criterion.AVAILABILITY: N_("Availability"),
    Criterion.AGE: N_("Age"),
    Criterion.FAIRNESS: N_("Fairness"),
}
#: Criteria where "prefer the same" or "prefer difference" means something. Distance,
#: availability and fairness only ever have one good end (near, free together, waited longest).
_DIRECTED = frozenset(
    {Criterion.LANGUAGE, Criterion.LIVED_EXPERIENCE, Criterion.CULTURE_FAITH, Criterion.AGE}
)


def criterion_label(criterion: Criterion) -> str:
    """The criterion's name as shown: "Distance", "Shared language", ..."""
    return _LABELS[Criterion(criterion)]


def criterion_has_direction(criterion: Criterion) -> bool:
    """Whether the criterion can prefer the same or prefer difference."""
    return Criterion(criterion) in _DIRECTED


@dataclass(frozen=True)
class CriterionRule:
    weight: int  # 0..10, 0 = ignored
    #: None where a direction makes no sense (see criterion_has_direction).
    direction: Direction | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.weight, int) or isinstance(self.weight, bool):
            raise TypeError("a criterion's weight is a whole number")
        if not WEIGHT_MIN <= self.weight <= WEIGHT_MAX:
            raise ValueError(f"a criterion's weight is from {WEIGHT_MIN} to {WEIGHT_MAX}")
        if self.direction is not None:
            object.__setattr__(self, "direction", Direction(self.direction))


@dataclass(frozen=True)
class MatchingRules:
    """A project's matching rules: one CriterionRule per Criterion, and its hard checks."""

    criteria: Mapping[Criterion, CriterionRule]
    #: Codes of the training modules a volunteer must have completed (TrainingModule.code).
    required_training: tuple[str, ...] = ()
    induction_required: bool = True
    #: A mother who needs an interpreter can only be matched with a volunteer who speaks one
    #: of her languages.
    language_required_for_interpreter: bool = True

    def __post_init__(self) -> None:
        full = {c: self.criteria.get(c, DEFAULT_CRITERIA[c]) for c in Criterion}
        for criterion, rule in full.items():
            if criterion_has_direction(criterion) and rule.direction is None:
                full[criterion] = replace(rule, direction=Direction.SAME)
            elif not criterion_has_direction(criterion) and rule.direction is not None:
                full[criterion] = replace(rule, direction=None)
        object.__setattr__(self, "criteria", MappingProxyType(full))
        object.__setattr__(self, "required_training", tuple(self.required_training))

    def weight(self, criterion: Criterion) -> int:
        return self.criteria[criterion].weight

    def direction(self, criterion: Criterion) -> Direction | None:
        return self.criteria[criterion].direction

    def with_weights(self, **changes: int | CriterionRule | Direction) -> MatchingRules:
        """These rules with some criteria changed, by criterion value: a weight (int), a
        direction, or a whole CriterionRule. For a wizard re-run with changed weights:

            rules.with_weights(distance=8, age=Direction.DIFFERENT)
        """
        criteria = dict(self.criteria)
        for name, change in changes.items():
            criterion = Criterion(name)
            old = criteria[criterion]
            if isinstance(change, CriterionRule):
                criteria[criterion] = change
            elif isinstance(change, Direction):
                criteria[criterion] = replace(old, direction=change)
            else:
                criteria[criterion] = replace(old, weight=change)
        return replace(self, criteria=criteria)

    def weights_used(self) -> dict[str, int]:
        """criterion value -> weight, as saved with a proposal."""
        return {c.value: r.weight for c, r in self.criteria.items()}


DEFAULT_CRITERIA: dict[Criterion, CriterionRule] = {
    Criterion.DISTANCE: CriterionRule(6),
    Criterion.LANGUAGE: CriterionRule(8, Direction.SAME),
    Criterion.LIVED_EXPERIENCE: CriterionRule(6, Direction.SAME),
    Criterion.CULTURE_FAITH: CriterionRule(3, Direction.SAME),
    Criterion.AVAILABILITY: CriterionRule(5),
    Criterion.AGE: CriterionRule(2, Direction.SAME),
    Criterion.FAIRNESS: CriterionRule(3),
}


def default_rules() -> MatchingRules:
    """The rules of a project that has saved none."""
    return MatchingRules(criteria=DEFAULT_CRITERIA)
