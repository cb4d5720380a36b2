"""Configuration items: the CI list by kind, its form, its relations and its incidents.

Every save goes through `desktop.workflow.admin.cis`; a refusal is shown under the form in
the user's language and nothing is saved. Retired CIs stay listed (greyed) with their history.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BeaconError
from desktop.views.admin.forms import (
    MessageLine,
    RecordPanel,
    button_row,
    fit_columns,
    form_panel,
    heading,
    labelled_form,
    line_edit,
    push_button,
    search_while_typing,
    table_defaults,
)
from desktop.views.session import ClientSession
from desktop.views.table_models import local_text
from desktop.workflow.admin import cis as admin_cis
from desktop.workflow.common import session as session_service
from desktop.workflow.engine.process import state_label

RETIRED_GREY = QColor("#9e9e9e")


class Confirm:
    """A yes/no question before something that cannot be undone; tests replace `ask`."""

    @classmethod
    def ask(cls, parent: QWidget, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes


class CiEditor(RecordPanel):
    """Create, edit, retire and relate configuration items; see the incidents of each."""

    sig_open_case = Signal(int)

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.current: admin_cis.CiRow | None = None
        # the list
        self.search = QLineEdit(self)
        self.search.setObjectName("ci_search")
        self.search.setPlaceholderText(self.tr("Search code or name"))
        self.search.setClearButtonEnabled(True)
        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("ci_kind_filter")
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for code, label in admin_cis.KIND_LABELS.items():
            self.kind_filter.addItem(session.pick(label["ko"], label["en"]), code)
        self.show_retired = QCheckBox(self.tr("Show retired"), self)
        self.show_retired.setObjectName("ci_show_retired")
        self.show_retired.setChecked(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("ci_tree")
        self.tree.setHeaderLabels([self.tr("Code"), self.tr("Name"), self.tr("Impact")])
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.currentItemChanged.connect(self._picked)
        new = push_button(self, self.tr("New configuration item"), "ci_new", self.new_ci)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.kind_filter)
        lv.addLayout(filters)
        lv.addWidget(self.show_retired)
        lv.addWidget(self.tree, 1)
        lv.addWidget(new)
        # the form
        self.heading = heading(self, "ci_heading")
        self.code = line_edit(self, "ci_code")
        self.name = line_edit(self, "ci_name")
        self.name_en = line_edit(self, "ci_name_en")
        self.kind = QComboBox(self)
        self.kind.setObjectName("ci_kind")
        for code, label in admin_cis.KIND_LABELS.items():
            self.kind.addItem(session.pick(label["ko"], label["en"]), code)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.impact = QComboBox(self)
        self.impact.setObjectName("ci_impact")
        self.team = QComboBox(self)
        self.team.setObjectName("ci_team")
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("ci_description")
        self.description.setMaximumHeight(60)
        form = labelled_form([
            (self.tr("Code"), self.code),
            (self.tr("Name (Korean)"), self.name),
            (self.tr("Name (English)"), self.name_en),
            (self.tr("Kind"), self.kind),
            (self.tr("Impact"), self.impact),
            (self.tr("Team"), self.team),
            (self.tr("Description"), self.description),
        ])
        self.save_button = push_button(self, self.tr("Save"), "ci_save", self.save)
        self.retire_button = push_button(self, self.tr("Retire"), "ci_retire", self.toggle_retired)
        self.delete_button = push_button(self, self.tr("Delete"), "ci_delete", self.delete)
        buttons = button_row(self.save_button, self.retire_button, self.delete_button)
        self.message = MessageLine(self)
        self.message.setObjectName("ci_message")
        # relations
        self.relations = QTableWidget(0, 3, self)
        self.relations.setObjectName("ci_relations")
        self.relations.setHorizontalHeaderLabels([self.tr("Relation"), self.tr("Code"), self.tr("Name")])
        table_defaults(self.relations)
        self.relation_kind = QComboBox(self)
        self.relation_kind.setObjectName("relation_kind")
        for code, label in admin_cis.RELATION_KINDS.items():
            self.relation_kind.addItem(session.pick(label["ko"], label["en"]), code)
        self.relation_target = QComboBox(self)
        self.relation_target.setObjectName("relation_target")
        self.relation_target.setEditable(True)  # type to find a CI among many
        self.relation_target.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.relation_target.setMinimumContentsLength(18)
        add = self.relation_add_button = push_button(self, self.tr("Add"), "relation_add", self.add_relation)
        remove = self.relation_remove_button = push_button(self, self.tr("Remove selected"), "relation_remove",
                                                           self.remove_relation)
        relation_box = QWidget(self)
        rv = QVBoxLayout(relation_box)
        rv.addWidget(self.relations, 1)
        adder = QHBoxLayout()
        adder.addWidget(self.relation_kind)
        adder.addWidget(self.relation_target, 1)
        adder.addWidget(add)
        adder.addWidget(remove)
        rv.addLayout(adder)
        # incidents of this CI
        self.incidents = QTableWidget(0, 5, self)
        self.incidents.setObjectName("ci_incidents")
        self.incidents.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Title"), self.tr("State"),
                                                  self.tr("Grade"), self.tr("Registered")])
        table_defaults(self.incidents)
        self.incidents.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.incidents.cellDoubleClicked.connect(self._open_incident)
        incident_box = QWidget(self)
        iv = QVBoxLayout(incident_box)
        iv.addWidget(self.incidents)
        self.lower_tabs = QTabWidget(self)
        self.lower_tabs.setObjectName("ci_lower_tabs")
        self.lower_tabs.addTab(relation_box, self.tr("Relations"))
        self.lower_tabs.addTab(incident_box, self.tr("Incidents of this item"))
        # the fields scroll; the buttons and what they did stay in view
        upper = form_panel(self, [self.heading, form], [buttons, self.message])
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(upper)
        right.addWidget(self.lower_tabs)
        right.setSizes([420, 340])
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._search_timer = search_while_typing(self, self.search, lambda: self.refresh(choices=False))
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.show_retired.toggled.connect(lambda _on: self.refresh())
        self.refresh()
        self.new_ci()

    def title(self) -> str:
        return self.tr("Configuration items")

    def _fill_choices(self) -> None:
        """Impact levels and teams as they are now; what the form had chosen stays chosen."""
        keep_impact, keep_team = self.impact.currentData(), self.team.currentData()
        self.impact.clear()
        self.impact.addItem(self.tr("— none —"), "")
        for code, name, name_en in admin_cis.impact_levels():
            self.impact.addItem(self.session.pick(name, name_en), code)
        self.team.clear()
        self.team.addItem(self.tr("— none —"), None)
        for team in session_service.teams():
            self.team.addItem(team.label(self.session.language), team.value)
        self.impact.setCurrentIndex(max(0, self.impact.findData(keep_impact)))
        self.team.setCurrentIndex(max(0, self.team.findData(keep_team)))

    # --- the list ------------------------------------------------------------------------

    def refresh(self, *, choices: bool = True) -> None:
        """Read the list (and the team and impact choices) again, keeping the selected CI selected."""
        keep = self.current.id if self.current else None
        if choices:  # typing in the search box needs only the list
            self._fill_choices()
        rows = admin_cis.list_cis(text=self.search.text(), kind=self.kind_filter.currentData() or "",
                                  include_retired=self.show_retired.isChecked())
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        selected = None
        impacts = {code: self.session.pick(n, e) for code, n, e in admin_cis.impact_levels()}
        for row in rows:
            group = groups.get(row.kind)
            if group is None:
                label = admin_cis.KIND_LABELS.get(row.kind, {"ko": row.kind, "en": row.kind})
                group = QTreeWidgetItem(self.tree, [self.session.pick(label["ko"], label["en"])])
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                groups[row.kind] = group
            name = self.session.pick(row.name, row.name_en)
            if not row.is_active:
                name = self.tr("{0} (retired)").format(name)
            item = QTreeWidgetItem(group, [row.code, name, impacts.get(row.impact, "")])
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            if not row.is_active:
                for column in range(3):
                    item.setForeground(column, QBrush(RETIRED_GREY))
            if row.id == keep:
                selected = item
        for group in groups.values():
            group.setText(0, f"{group.text(0)} ({group.childCount()})")
        self.tree.expandAll()
        self.tree.header().setResizeContentsPrecision(200)
        self.tree.resizeColumnToContents(0)
        if selected is not None:
            self.tree.setCurrentItem(selected)
        self.tree.blockSignals(False)

    def _fill_targets(self) -> None:
        """What the shown CI may be related to (read when another CI is shown, not on every search)."""
        self.relation_target.clear()
        for ci_id, code, name, name_en in admin_cis.ci_choices(exclude_id=self.current.id if self.current else None):
            self.relation_target.addItem(f"{code} — {self.session.pick(name, name_en)}", ci_id)
        self.relation_target.setCurrentIndex(-1)

    def _picked(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        ci_id = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if ci_id is not None:
            self.open_ci(int(ci_id))

    # --- the form ------------------------------------------------------------------------

    def open_ci(self, ci_id: int) -> None:
        """Show one CI in the form, with its relations and incidents (as a click in the list does)."""
        row = self.message.attempt(lambda: admin_cis.get_ci(ci_id), self.session.language)
        if row is None:
            return
        self.current = row
        self.message.clear_message()
        self._load_form(row)
        self._load_relations()
        self._load_incidents()
        self._fill_targets()

    def open_record(self, record_id: int) -> None:
        self.open_ci(record_id)

    def _load_form(self, row: admin_cis.CiRow | None) -> None:
        self.code.setText(row.code if row else "")
        self.name.setText(row.name if row else "")
        self.name_en.setText(row.name_en if row else "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind if row else "application")))
        self.impact.setCurrentIndex(max(0, self.impact.findData(row.impact if row else "")))
        team_index = self.team.findData(row.team_id) if row and row.team_id else 0
        if row and row.team_id and team_index < 0:  # a disabled team still shows what is stored
            self.team.addItem(row.team_name, row.team_id)
            team_index = self.team.count() - 1
        self.team.setCurrentIndex(team_index)
        self.description.setPlainText(row.description if row else "")
        if row is None:
            self.heading.setText(self.tr("New configuration item"))
        else:
            state = self.tr("in service") if row.is_active else self.tr("retired")
            self.heading.setText(f"{row.code} — {self.session.pick(row.name, row.name_en)} ({state})")
        self.retire_button.setText(self.tr("Retire") if row is None or row.is_active else self.tr("Return to service"))
        for widget in (self.retire_button, self.delete_button, self.relation_kind, self.relation_target,
                       self.relation_add_button, self.relation_remove_button):
            widget.setEnabled(row is not None)
        self._kind_changed()

    def _kind_changed(self) -> None:
        is_app = self.kind.currentData() == "application"
        self.impact.setEnabled(is_app or self.impact.currentData() != "")
        self.lower_tabs.setTabVisible(1, is_app)

    def new_ci(self) -> None:
        """Empty the form for a new CI."""
        self.current = None
        self.tree.clearSelection()
        self._load_form(None)
        self.relations.setRowCount(0)
        self.incidents.setRowCount(0)
        self.message.clear_message()
        self.code.setFocus()

    def save(self) -> admin_cis.CiRow | None:
        """Save the form as a new CI or over the one shown; a refusal keeps what was typed."""
        row = self.saved(lambda: admin_cis.save_ci(
            actor_id=self.session.actor.id, ci_id=self.current.id if self.current else None,
            code=self.code.text(), name=self.name.text(), name_en=self.name_en.text(),
            kind=self.kind.currentData(), impact=self.impact.currentData() or "", team_id=self.team.currentData(),
            description=self.description.toPlainText(), version=self.current.version if self.current else None))
        if row is None:
            return None
        self.message.done(self.tr("Saved {0}.").format(row.code))
        return row

    def toggle_retired(self) -> None:
        """Retire the CI shown (it leaves the registration pickers) or return it to service."""
        if self.current is None:
            return
        row = self.flip_active(admin_cis.set_ci_active, "ci_id")
        if row is None:
            return
        self.message.done(self.tr("{0} is retired: it is no longer offered for new incidents; its history stays.")
                          .format(row.code) if not row.is_active else self.tr("{0} is in service again.")
                          .format(row.code))

    def delete(self) -> None:
        """Delete a CI entered by mistake; the service refuses when any case refers to it."""
        if self.current is None:
            return
        if not Confirm.ask(self, self.tr("Delete configuration item"),
                           self.tr("Delete {0} for good? Only an item no case refers to can be deleted.")
                           .format(self.current.code)):
            return
        code = self.current.code
        try:
            admin_cis.delete_ci(actor_id=self.session.actor.id, ci_id=self.current.id)
        except BeaconError as exc:
            self.message.error(exc, self.session.language)
            return
        self.new_ci()
        self.refresh()
        self.message.done(self.tr("Deleted {0}.").format(code))

    # --- relations and incidents ---------------------------------------------------------

    def _load_relations(self) -> None:
        rows = admin_cis.relations_of(self.current.id) if self.current else []
        self.relations.setRowCount(len(rows))
        for r, rel in enumerate(rows):
            label = admin_cis.RELATION_PHRASES.get((rel.kind, rel.outgoing), {"ko": rel.kind, "en": rel.kind})
            text = self.session.pick(label["ko"], label["en"])
            name = self.session.pick(rel.other_name, rel.other_name_en)
            if not rel.other_active:
                name = self.tr("{0} (retired)").format(name)
            for c, value in enumerate((text, rel.other_code, name)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, rel.id)
                self.relations.setItem(r, c, item)
        fit_columns(self.relations)
        self.lower_tabs.setTabText(0, self.tr("Relations ({0})").format(len(rows)))

    def add_relation(self) -> None:
        """This CI (relation kind) the chosen one, e.g. 'runs on' a server."""
        if self.current is None:
            return
        target = self.relation_target.currentData()
        if target is None or self.relation_target.currentIndex() < 0:
            self.message.error(BeaconError("workflow.required", action={"ko": "관계 추가", "en": "Add relation"},
                                           fields={"ko": "대상 구성 항목", "en": "the other configuration item"}),
                               self.session.language)
            return
        try:
            admin_cis.add_relation(actor_id=self.session.actor.id, source_id=self.current.id, target_id=int(target),
                                   kind=self.relation_kind.currentData())
        except BeaconError as exc:
            self.message.error(exc, self.session.language)
            return
        self._load_relations()
        self.message.done(self.tr("Relation added."))

    def remove_relation(self) -> None:
        row = self.relations.currentRow()
        if row < 0:
            return
        relation_id = self.relations.item(row, 0).data(Qt.ItemDataRole.UserRole)
        try:
            admin_cis.remove_relation(actor_id=self.session.actor.id, relation_id=int(relation_id))
        except BeaconError as exc:
            self.message.error(exc, self.session.language)
            return
        self._load_relations()
        self.message.done(self.tr("Relation removed."))

    def _load_incidents(self) -> None:
        rows = (admin_cis.incidents_of(actor_id=self.session.actor.id, ci_id=self.current.id)
                if self.current and self.current.kind == "application" else [])
        grades = {int(g.value): g.label(self.session.language) for g in session_service.grades()}
        self.incidents.setRowCount(len(rows))
        for r, inc in enumerate(rows):
            values = (inc.number, inc.title, state_label("incident", inc.state, self.session.language),
                      grades.get(inc.grade, str(inc.grade)), local_text(inc.registered_at, self.session.time_zone))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, inc.case_id)
                self.incidents.setItem(r, c, item)
        fit_columns(self.incidents)
        self.incidents.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.lower_tabs.setTabText(1, self.tr("Incidents of this item ({0})").format(len(rows)))

    def _open_incident(self, row: int, _column: int) -> None:
        self.sig_open_case.emit(int(self.incidents.item(row, 0).data(Qt.ItemDataRole.UserRole)))
