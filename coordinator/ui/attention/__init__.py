"""The Today page's parts: the list of alerts, snoozing one, opening its record."""
