"""A project's matching rules as saved in the database (defaults when none are saved)."""

from __future__ import annotations

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from coordinator import models as m
from coordinator.models import AuditAction
from coordinator.services import audit
from coordinator.services.matching.errors import MatchRefused
from coordinator.services.matching.rules import (
    Criterion,
    CriterionRule,
    Direction,
    MatchingRules,
    default_rules,
)
from coordinator.services.sessions import Source, reading
from coordinator.storage.vault import Vault


def rules_in(session: Session, project_id: int | None) -> MatchingRules:
    """The project's rules read in this session (the defaults for what it has not saved)."""
    defaults = default_rules()
    if project_id is None:
        return defaults
    criteria = dict(defaults.criteria)
    for row in session.scalars(
        select(m.MatchingRule).where(m.MatchingRule.project_id == project_id)
    ):
        try:
            criterion = Criterion(row.criterion)
        except ValueError:  # a criterion this version no longer has
            continue
        direction = (
            Direction(row.direction.value)
            if row.direction is not m.CriterionDirection.NONE
            else None
        )
        criteria[criterion] = CriterionRule(row.weight, direction)
    setting = session.get(m.MatchingSetting, project_id)
    modules = session.scalars(
        select(m.TrainingModule.code)
        .join(
            m.matching_required_training,
            m.matching_required_training.c.training_module_id == m.TrainingModule.id,
        )
        .where(m.matching_required_training.c.project_id == project_id)
        .order_by(m.TrainingModule.sort_order, m.TrainingModule.id)
    ).all()
    return MatchingRules(
        criteria=criteria,
        required_training=tuple(modules),
        induction_required=(setting.induction_required if setting else defaults.induction_required),
        language_required_for_interpreter=(
            setting.language_required_for_interpreter
            if setting
            else defaults.language_required_for_interpreter
        ),
    )


def load_rules(source: Source, project_id: int) -> MatchingRules:
    """The project's rules; the defaults for whatever it has not saved."""
    with reading(source) as session:
        return rules_in(session, project_id)


def save_rules(vault: Vault, project_id: int, rules: MatchingRules) -> None:
    """Save the project's rules (audited: the names of what changed, never values).

    MatchRefused when the project is not there or a required training module is unknown."""
    with vault.transaction() as session:
        if session.get(m.Project, project_id) is None:
            raise MatchRefused("This project is not there any more.")
        old = rules_in(session, project_id)
        modules = dict(
            session.execute(
                select(m.TrainingModule.code, m.TrainingModule.id).where(
                    m.TrainingModule.code.in_(rules.required_training)
                )
            ).all()
        )
        unknown = [c for c in rules.required_training if c not in modules]
        if unknown:
            raise MatchRefused(
                f"The training module {unknown[0]!r} no longer exists: choose the required "
                "training again."
            )
        session.execute(delete(m.MatchingRule).where(m.MatchingRule.project_id == project_id))
        for criterion, rule in rules.criteria.items():
            direction = rule.direction.value if rule.direction else "none"
            session.add(
                m.MatchingRule(
                    project_id=project_id,
                    criterion=criterion.value,
                    weight=rule.weight,
                    direction=m.CriterionDirection(direction),
                )
            )
        setting = session.get(m.MatchingSetting, project_id)
        if setting is None:
            setting = m.MatchingSetting(project_id=project_id)
            session.add(setting)
        setting.induction_required = rules.induction_required
        setting.language_required_for_interpreter = rules.language_required_for_interpreter
        link = m.matching_required_training
        session.execute(delete(link).where(link.c.project_id == project_id))
        if rules.required_training:
            session.execute(
                insert(link),
                [
                    {"project_id": project_id, "training_module_id": modules[c]}
                    for c in dict.fromkeys(rules.required_training)
                ],
            )
        changed = _changed(old, rules)
        if changed:
            audit.record(
                session,
                AuditAction.UPDATE,
                entity_type="matching_rule",
                entity_id=project_id,
                fields=changed,
                summary="matching rules of a project",
            )


def _changed(old: MatchingRules, new: MatchingRules) -> set[str]:
    names = {c.value for c in Criterion if old.criteria[c] != new.criteria[c]}
    if set(old.required_training) != set(new.required_training):
        names.add("required_training")
    if old.induction_required != new.induction_required:
        names.add("induction_required")
    if old.language_required_for_interpreter != new.language_required_for_interpreter:
        names.add("language_required_for_interpreter")
    return names
