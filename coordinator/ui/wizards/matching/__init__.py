"""The matching wizard: a waiting mother's ranked candidates with every point explained,
who cannot support her and why, a side-by-side comparison, and the proposal."""

from coordinator.ui.wizards.matching.wizard import MatchingWizard

__all__ = ["MatchingWizard"]
