"""Help > About Coordinator: the version, what it is built from and under which licences, and
the Ordnance Survey attribution the Open Government Licence requires."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from coordinator import APP_NAME, __version__
from coordinator.licences import COMPONENTS, POSTCODE_ATTRIBUTION
from coordinator.ui.kit.widgets import FittingDialog, heading, note


class AboutDialog(FittingDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Coordinator"))
        self.setMinimumWidth(560)
        self.title = heading(APP_NAME, level=2)
        self.version = QLabel(self.tr("Version {version}").format(version=__version__))
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.purpose = note(
            self.tr(
                "Records, matching and letters for volunteer peer-support projects for "
                "pregnant women and new mothers. Your records are kept encrypted on this PC."
            )
        )
        self.attribution = note(POSTCODE_ATTRIBUTION)
        self.attribution.setObjectName("attribution")
        self.components = QTextBrowser()
        self.components.setAccessibleName(self.tr("Components and their licences"))
        self.components.setMinimumHeight(220)
        rows = "".join(
            f"<tr><td>{escape(c.name)}</td><td>{escape(c.version())}</td>"
            f"<td>{escape(c.licence)}</td></tr>"
            for c in COMPONENTS
        )
        self.components.setHtml(
            "<table cellpadding='3'><tr><th align='left'>{}</th><th align='left'>{}</th>"
            "<th align='left'>{}</th></tr>{}</table>".format(
                escape(self.tr("Component")),
                escape(self.tr("Version")),
                escape(self.tr("Licence")),
                rows,
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.version)
        layout.addWidget(self.purpose)
        layout.addSpacing(6)
        layout.addWidget(QLabel(self.tr("Built with")))
        layout.addWidget(self.components, 1)
        layout.addWidget(self.attribution)
        layout.addWidget(buttons)
