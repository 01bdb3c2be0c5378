"""Passphrase strength, as shown when a database is created or its passphrase changed."""

from __future__ import annotations

from dataclasses import dataclass

from zxcvbn import zxcvbn

#: zxcvbn scores run 0 (guessable in seconds) to 4 (very strong); below this is "weak".
STRONG_ENOUGH = 3
LABELS = ("Very weak", "Weak", "Fair", "Strong", "Very strong")
#: zxcvbn's cost grows with length; the tail adds nothing to the verdict.
_MAX_SCORED = 100


@dataclass(frozen=True)
class Strength:
    score: int
    label: str
    warning: str
    suggestions: tuple[str, ...]
    crack_time: str

    @property
    def is_weak(self) -> bool:
        return self.score < STRONG_ENOUGH


def assess(passphrase: str, user_inputs: list[str] | None = None) -> Strength:
    if not passphrase:
        return Strength(0, LABELS[0], "Type a passphrase.", (), "instantly")
    result = zxcvbn(passphrase[:_MAX_SCORED], user_inputs=user_inputs or ["coordinator"])
    score = int(result["score"])
    feedback = result.get("feedback") or {}
    return Strength(
        score=score,
        label=LABELS[score],
        warning=feedback.get("warning") or "",
        suggestions=tuple(feedback.get("suggestions") or ()),
        crack_time=str(result["crack_times_display"]["offline_slow_hashing_1e4_per_second"]),
    )
