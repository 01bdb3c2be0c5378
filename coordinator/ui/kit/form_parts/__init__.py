"""What every record form (mother, volunteer, local service) is built from: the field
widgets and Section (fields.py), sections of repeated rows (rows.py), the week's
availability grid (availability.py) and the form as draft values (codec.py)."""
