"""Spreadsheet import of mothers, volunteers and local services (CSV and XLSX), Qt-free.

The desktop dialog calls `preview` (header row, each column's field, the first rows), lets
the coordinator correct the mapping (`field_choices`), asks `unknown_values` for the values
not in her lists and lets her say what each is, then runs `import_file` off the GUI
thread with `progress` and `cancelled`; the command line calls `import_file` directly.
"""

from coordinator.services.importing.fields import KINDS
from coordinator.services.importing.readers import ImportCancelled, ImportFileError
from coordinator.services.importing.reading import reading_of
from coordinator.services.importing.report import (
    FieldChoice,
    ImportReport,
    Preview,
    PreviewColumn,
    PreviewRow,
    Rejected,
)
from coordinator.services.importing.run import import_file
from coordinator.services.importing.sheet import field_choices, preview
from coordinator.services.importing.terms import REJECT
from coordinator.services.importing.unknown import UnknownColumn, UnknownValue, unknown_values

__all__ = [
    "KINDS",
    "FieldChoice",
    "ImportCancelled",
    "ImportFileError",
    "ImportReport",
    "Preview",
    "PreviewColumn",
    "PreviewRow",
    "REJECT",
    "Rejected",
    "UnknownColumn",
    "UnknownValue",
    "field_choices",
    "import_file",
    "preview",
    "reading_of",
    "unknown_values",
]
