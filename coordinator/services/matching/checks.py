"""The hard checks: any one failed excludes a volunteer, each with its own reason."""

from __future__ import annotations

import enum

from coordinator.words import N_


class HardCheck(enum.StrEnum):
    NOT_ACTIVE = "not_active"
    NOT_IN_PROJECT = "not_in_project"
    DBS = "dbs"
    TRAINING = "training"
    INDUCTION = "induction"
    CAPACITY = "capacity"
    TRAVEL = "travel"
    GENDER = "gender"
    EXCLUDED_BY_HER = "excluded_by_her"
    ALREADY_MATCHED = "already_matched"
    LANGUAGE = "language"


_LABELS = {
    HardCheck.NOT_ACTIVE: N_("Not active"),
    HardCheck.NOT_IN_PROJECT: N_("Not in her project"),
    HardCheck.DBS: N_("DBS check missing or due"),
    HardCheck.TRAINING: N_("Required training missing"),
    HardCheck.INDUCTION: N_("Induction not completed"),
    HardCheck.CAPACITY: N_("At capacity"),
    HardCheck.TRAVEL: N_("Beyond travel radius"),
    HardCheck.GENDER: N_("Not the gender she asked for"),
    HardCheck.EXCLUDED_BY_HER: N_("Named in her exclusions"),
    HardCheck.ALREADY_MATCHED: N_("Already matched with her"),
    HardCheck.LANGUAGE: N_("No shared language (interpreter needed)"),
}


def hard_check_label(kind: str) -> str:
    """The short name of a kind of reason, for the counts of the excluded list."""
    return _LABELS[HardCheck(kind)]
