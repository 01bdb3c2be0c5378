"""Record services, Qt-free: forms in, ids out; each owns its session and transaction.

- mothers.py, volunteers.py, services.py: blank_*, load_*, validate_*, save_*, delete_*
  over plain form dataclasses (mother_form.py, volunteer_form.py; rules in *_rules.py);
- pregnancy.py: weeks pregnant and baby's age as shown;
- labels.py: the words shown for stored codes;
- errors.py: FormInvalid, CannotDelete, RecordNotFound; cleaning.py: the field checks;
  children.py: child rows and links kept in step; simple.py: save and delete of records that
  are only columns; people.py: the person-record framework (RecordKind);
- list_common.py, list_people.py: the list queries behind coordinator.services.listing.
"""
