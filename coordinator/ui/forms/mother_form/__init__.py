"""The mother form: a dialog (dialog.py) of sections, one small module each."""

from coordinator.ui.forms.mother_form.dialog import MotherDialog

__all__ = ["MotherDialog"]
