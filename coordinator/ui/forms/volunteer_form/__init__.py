"""A volunteer's record, in sections: identity and contact, status and its history, projects
and training, DBS checks, references and ID, languages and lived experience, where and when
she can help. The dialog (dialog.py) checks, saves and deletes through the volunteers service.
"""

from coordinator.ui.forms.volunteer_form.dialog import VolunteerFormDialog

__all__ = ["VolunteerFormDialog"]
