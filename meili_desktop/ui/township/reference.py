"""Read-only reference for a task: its requirement, lead units and their duties."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from meili_desktop.domain.catalogue import Catalogue, LeadRole, Task


class ReferencePanel(QGroupBox):
    """Shows the catalogue's text on the selected task; nothing here is editable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referencePanel")
        self.setTitle(self.tr("For reference"))
        self.requirement_label = _text_label(self, "requirementLabel")
        self.lead_label = _text_label(self, "leadUnitsLabel")
        self.duties_label = _text_label(self, "dutiesLabel")
        self.duties_label.setStyleSheet("color: #505050;")
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addRow(self.tr("Requirement"), self.requirement_label)
        layout.addRow(self.tr("Lead unit"), self.lead_label)
        layout.addRow(self.tr("Lead unit's duties"), self.duties_label)

    def show_task(self, catalogue: Catalogue, task: Task) -> None:
        """Fill the panel from the catalogue's text for ``task``."""
        lines = [task.requirement]
        lines.extend(f"{item.code} {item.title}" for item in task.sub_items)
        self.requirement_label.setText("\n".join(lines))

        leads = []
        duties = []
        for link in task.lead_units:
            role = self.tr("lead") if link.role is LeadRole.LEAD else self.tr("co-lead")
            leads.append(self.tr("{unit} ({role})").format(unit=link.unit, role=role))
            member = catalogue.member_unit(link.unit)
            if member is not None and member.duties:
                duties.append(f"{member.name}：{member.duties}")
        self.lead_label.setText("、".join(leads) or self.tr("none named"))
        self.duties_label.setText("\n".join(duties) or self.tr("none listed"))


def _text_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
