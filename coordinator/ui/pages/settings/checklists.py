"""Settings > Ending checklists: the templates an ending's checklist comes from, per project
(or every project), model (or both) and ending type. Items are added, reworded (double-click
or F2), moved up and down, ticked as required; a template is retired, never deleted. Saves
its own changes with its Save button."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator.models import EndingType, SupportModel
from coordinator.services import endings_templates as templates
from coordinator.services import vocabularies
from coordinator.services.changes import Kind
from coordinator.storage.vault import Vault
from coordinator.ui.kit.operations import error_message, operations
from coordinator.ui.kit.widgets import MessageLabel
from coordinator.ui.pages.settings.section import SectionSpec, SettingsSection

ID_ROLE = Qt.ItemDataRole.UserRole


def title() -> str:
    return QCoreApplication.translate("SettingsPage", "Ending checklists")


class ChecklistsSection(SettingsSection):
    def __init__(self, vault: Vault, parent: QWidget | None = None):
        super().__init__(vault, title(), parent=parent)
        self.explain(
            self.tr(
                "An ending's checklist comes from the most specific template: a project's "
                "own before one for every project, a model's own before one for both. "
                "Tick the items that are required; endings already saved keep their words."
            )
        )
        self.chooser = QComboBox()
        self.chooser.setAccessibleName(self.tr("Checklist"))
        self.chooser.setMinimumContentsLength(40)
        self.chooser.currentIndexChanged.connect(self._chosen)
        self.new_button = QPushButton(self.tr("New checklist"))
        self.new_button.clicked.connect(self.new_template)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Planned ending"), EndingType.PLANNED.value)
        self.kind.addItem(self.tr("Unplanned ending"), EndingType.UNPLANNED.value)
        self.project = QComboBox()
        self.project.setAccessibleName(self.tr("Project"))
        self.model = QComboBox()
        self.model.addItem(self.tr("Both models"), None)
        self.model.addItem(self.tr("Befriending"), SupportModel.BEFRIENDING.value)
        self.model.addItem(self.tr("Mentoring"), SupportModel.MENTORING.value)
        self.active = QCheckBox(self.tr("In use (untick to retire it)"))
        self.items = QListWidget()
        self.items.setAccessibleName(self.tr("Items (ticked: required)"))
        self.items.setMinimumHeight(220)
        self.add_button = QPushButton(self.tr("Add item"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.save_button = QPushButton(self.tr("Save checklist"))
        self.message = MessageLabel()
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.save_button.clicked.connect(self.save)

        self.add_row(self.tr("Checklist"), self.left(self.chooser, self.new_button))
        self.add_row(self.tr("&Name"), self.name, buddy=self.name)
        self.add_row(self.tr("For"), self.left(self.kind, self.project, self.model))
        self.add_row("", self.left(self.active))
        # The list and its buttons in a widget of their own, so Qt owns every layout in it.
        items_box = QWidget()
        items_row = QHBoxLayout(items_box)
        items_row.setContentsMargins(0, 0, 0, 0)
        items_row.addWidget(self.items, 1)
        buttons_box = QWidget()
        item_buttons = QVBoxLayout(buttons_box)
        item_buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            item_buttons.addWidget(button)
        item_buttons.addStretch(1)
        items_row.addWidget(buttons_box)
        self.add_row(self.tr("Items"), items_box)
        self.add_row("", self.left(self.save_button))
        self.add_row("", self.message)
        self.editing: int | None = None
        self.reload()

    def reload(self, select: int | None = None) -> None:
        """The templates and projects read again; `select` (else the first) shown."""
        self.project.clear()
        self.project.addItem(self.tr("Every project"), None)
        for project_id, name in vocabularies.project_choices(self.vault):
            self.project.addItem(name, project_id)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for row in templates.template_rows(self.vault):
            self.chooser.addItem(row.label, row.id)
        self.chooser.blockSignals(False)
        index = self.chooser.findData(select) if select is not None else 0
        self.chooser.setCurrentIndex(max(index, 0))
        self._chosen()

    def _chosen(self, *_args: object) -> None:
        template_id = self.chooser.currentData()
        if template_id is None:
            self.show_form(templates.TemplateForm())
            return
        try:
            self.show_form(templates.load_template(self.vault, template_id))
        except LookupError as err:
            self.message.show_message(str(err))

    def show_form(self, form: templates.TemplateForm) -> None:
        self.editing = form.id
        self.name.setText(form.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(form.ending_type.value)))
        self.project.setCurrentIndex(max(0, self.project.findData(form.project_id)))
        model = form.model.value if form.model else None
        self.model.setCurrentIndex(max(0, self.model.findData(model)))
        self.active.setChecked(form.active)
        self.items.clear()
        for item in form.items:
            self._append(item.text, item.required, item.id)

    def _append(self, text: str, required: bool, item_id: int | None) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if required else Qt.CheckState.Unchecked)
        item.setData(ID_ROLE, item_id)
        self.items.addItem(item)
        return item

    def new_template(self) -> None:
        self.chooser.setCurrentIndex(-1)
        self.show_form(templates.TemplateForm(name=self.tr("New checklist")))
        self.name.setFocus()
        self.name.selectAll()

    def add_item(self) -> None:
        item = self._append(self.tr("New item"), True, None)
        self.items.setCurrentItem(item)
        self.items.editItem(item)

    def remove_item(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            self.items.takeItem(row)

    def move_item(self, step: int) -> None:
        row = self.items.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.items.count():
            return
        # Swap the two items' contents rather than take one out: an item still open in its
        # editor must never be deleted under it.
        here, there = self.items.item(row), self.items.item(target)
        roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.CheckStateRole, ID_ROLE)
        for role in roles:
            a, b = here.data(role), there.data(role)
            here.setData(role, b)
            there.setData(role, a)
        self.items.setCurrentRow(target)

    def template_form(self) -> templates.TemplateForm:
        model = self.model.currentData()
        return templates.TemplateForm(
            self.name.text(),
            EndingType(self.kind.currentData()),
            self.project.currentData(),
            SupportModel(model) if model else None,
            self.active.isChecked(),
            [
                templates.ItemForm(
                    self.items.item(i).text(),
                    self.items.item(i).checkState() == Qt.CheckState.Checked,
                    self.items.item(i).data(ID_ROLE),
                )
                for i in range(self.items.count())
            ],
            self.editing,
        )

    def save(self) -> int | None:
        form = self.template_form()
        problems = templates.check_template(form)
        if problems:
            self.message.show_message(" ".join(problems.values()))
            return None
        try:
            template_id = templates.save_template(self.vault, form)
        except Exception as err:  # noqa: BLE001 (said, never raised)
            self.message.show_message(error_message(err))
            return None
        operations().notify({Kind.SETTING, Kind.ENDING})
        self.reload(select=template_id)
        self.message.show_message(self.tr("Checklist saved."), "success")
        return template_id


SECTION = SectionSpec("checklists", 45, title, ChecklistsSection)
