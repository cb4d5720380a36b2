"""SLA editor: targets per grade, business calendars (weekday hours, public and own holidays in a
month view) and a "what would this incident's deadline be" preview over the pending edits."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BeaconError
from desktop.views.cell_colors import CellColorsDelegate, text_color
from desktop.views.session import ClientSession
from desktop.workflow.admin import policy as ap
from desktop.workflow.sla.calendars import WEEKDAYS
from desktop.workflow.sla.durations import format_minutes

# day colours of the month view, readable in the light and the dark theme
PUBLIC = ("#ffcdd2", "#b71c1c")
OWN_HOLIDAY = ("#ffe0b2", "#e65100")
EXTRA_WORKDAY = ("#c8e6c9", "#1b5e20")


class SlaEditor(QWidget):
    """SLA targets per grade, business calendars and a deadline preview, for administrators."""

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._filling = False
        self.weekday_names = [self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
                              self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday")]
        self.short_weekdays = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                               self.tr("Sat"), self.tr("Sun")]

        # targets
        self.targets_table = QTableWidget(0, 6, self)
        self.targets_table.setObjectName("targets")
        self.targets_table.setHorizontalHeaderLabels([
            self.tr("Grade"), self.tr("Response"), self.tr("Resolution"), self.tr("Calendar"), self.tr("Warn at"),
            self.tr("Reads as")])
        header = self.targets_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)  # "reads as" gives way, not the calendar
        for column, width in ((0, 130), (1, 105), (2, 115), (3, 170), (4, 85)):
            self.targets_table.setColumnWidth(column, width)
        self.targets_table.setMinimumHeight(200)
        self.targets_table.verticalHeader().setVisible(False)
        self.targets_table.setItemDelegateForColumn(0, CellColorsDelegate(self.targets_table))
        self.targets_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.targets_message = QLabel(self)
        self.targets_message.setObjectName("targets_message")
        self.targets_message.setWordWrap(True)
        self.save_targets_button = QPushButton(self.tr("Save targets"), self)
        self.save_targets_button.setObjectName("save_targets")
        self.save_targets_button.clicked.connect(self.save_targets)
        revert = QPushButton(self.tr("Revert"), self)
        revert.setObjectName("revert_targets")
        revert.clicked.connect(self.reload)
        targets_box = QGroupBox(self.tr("Targets per grade (incidents)"), self)
        tl = QVBoxLayout(targets_box)
        tl.addWidget(self.targets_table)
        note = QLabel(self.tr("A 24×7 calendar counts wall-clock time; any other counts its working time. "
                              "Saved targets apply to incidents registered from then on."), self)
        note.setWordWrap(True)
        tl.addWidget(note)
        row = QHBoxLayout()
        row.addWidget(self.targets_message, 1)
        row.addWidget(revert)
        row.addWidget(self.save_targets_button)
        tl.addLayout(row)

        # deadline preview
        self.preview_grade = QComboBox(self)
        self.preview_grade.setObjectName("preview_grade")
        self.preview_at = QDateTimeEdit(self)
        self.preview_at.setObjectName("preview_at")
        self.preview_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.preview_at.setCalendarPopup(True)
        now = datetime.now(UTC).astimezone(ZoneInfo(session.time_zone))
        self.preview_at.setDateTime(QDateTime(QDate(now.year, now.month, now.day), now.time().replace(second=0,
                                                                                                      microsecond=0)))
        self.preview_response = QLabel(self)
        self.preview_response.setObjectName("preview_response")
        self.preview_resolution = QLabel(self)
        self.preview_resolution.setObjectName("preview_resolution")
        self.preview_mode = QLabel(self)
        self.preview_mode.setObjectName("preview_mode")
        self.preview_mode.setWordWrap(True)
        for label in (self.preview_response, self.preview_resolution):
            label.setStyleSheet("font-weight: bold;")
            label.setWordWrap(True)
        preview_box = QGroupBox(self.tr("What would this incident's deadline be?"), self)
        pf = QFormLayout(preview_box)
        pf.addRow(self.tr("Grade"), self.preview_grade)
        pf.addRow(self.tr("Registered at (%1)").replace("%1", session.time_zone), self.preview_at)
        pf.addRow(self.tr("Response due"), self.preview_response)
        pf.addRow(self.tr("Resolution due"), self.preview_resolution)
        pf.addRow(self.preview_mode)
        self.preview_grade.currentIndexChanged.connect(self.update_preview)
        self.preview_at.dateTimeChanged.connect(self.update_preview)

        # calendar editor
        self.calendar_picker = QComboBox(self)
        self.calendar_picker.setObjectName("calendar_picker")
        self.calendar_picker.currentIndexChanged.connect(self._pick_calendar)
        new_calendar = QPushButton(self.tr("New calendar"), self)
        new_calendar.setObjectName("new_calendar")
        new_calendar.clicked.connect(self.new_calendar)
        self.cal_name = QLineEdit(self)
        self.cal_name.setObjectName("calendar_name")
        self.cal_name_en = QLineEdit(self)
        self.cal_name_en.setObjectName("calendar_name_en")
        self.cal_zone = QComboBox(self)
        self.cal_zone.setObjectName("calendar_zone")
        self.cal_zone.setEditable(True)
        self.cal_zone.addItems(sorted(available_timezones()))
        for combo in (self.cal_zone, self.calendar_picker):  # long entries must not widen the page
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        self.cal_24x7 = QCheckBox(self.tr("24×7 (counts wall-clock time)"), self)
        self.cal_24x7.setObjectName("calendar_24x7")
        self.cal_public = QCheckBox(self.tr("Korean public holidays off"), self)
        self.cal_public.setObjectName("calendar_public_holidays")
        self.hours_table = QTableWidget(7, 1, self)
        self.hours_table.setObjectName("hours")
        self.hours_table.setHorizontalHeaderLabels([self.tr("Working hours")])
        self.hours_table.setVerticalHeaderLabels(self.weekday_names)
        self.hours_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.hours_table.verticalHeader().setDefaultSectionSize(30)
        self.hours_table.verticalHeader().setMinimumWidth(130)
        self.hours_table.setMinimumHeight(7 * 30 + 40)
        hours_hint = QLabel(self.tr("e.g. 09:00-18:00, or 09:00-12:00, 13:00-18:00; empty = day off"), self)
        hours_hint.setWordWrap(True)
        for widget in (self.cal_name, self.cal_name_en):
            widget.textEdited.connect(self._calendar_edited)
        self.cal_zone.currentTextChanged.connect(self._calendar_edited)
        self.cal_24x7.toggled.connect(self._calendar_edited)
        self.cal_public.toggled.connect(self._calendar_edited)
        self.hours_table.itemChanged.connect(self._calendar_edited)

        self.month = QCalendarWidget(self)
        self.month.setObjectName("month")
        self.month.setGridVisible(True)
        self.month.setMinimumSize(320, 300)
        if session.language == "ko":
            self.month.setLocale(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
        weekend = QTextCharFormat()
        weekend.setForeground(QBrush(QColor("#e57373")))  # readable on the light and the dark theme
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.month.setWeekdayTextFormat(day, weekend)
        month_view = self.month.findChild(QTableView)
        if month_view is not None:  # holidays keep their colours under the theme's item style
            month_view.setItemDelegate(CellColorsDelegate(month_view, align=Qt.AlignmentFlag.AlignCenter))
        self.month.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.month.currentPageChanged.connect(lambda _y, _m: (self._paint_month(), self._fill_days()))
        legend = QLabel(self)
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setText(" ".join(f'<span style="background:{bg};color:{fg};">&nbsp;{text}&nbsp;</span>' for (bg, fg),
                                text in ((PUBLIC, self.tr("Public holiday")), (OWN_HOLIDAY, self.tr("Own holiday")),
                                         (EXTRA_WORKDAY, self.tr("Extra working day")))))

        self.days_table = QTableWidget(0, 3, self)
        self.days_table.setObjectName("days")
        self.days_table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Name"), self.tr("Kind")])
        self.days_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.days_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.days_table.verticalHeader().setVisible(False)
        self.days_table.setItemDelegateForColumn(2, CellColorsDelegate(self.days_table))
        self.days_table.setMinimumWidth(300)
        self.days_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.days_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.days_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.days_table.cellClicked.connect(self._day_clicked)
        self.day_name = QLineEdit(self)
        self.day_name.setObjectName("day_name")
        self.day_name.setPlaceholderText(self.tr("Name, e.g. Foundation day"))
        add_holiday = QPushButton(self.tr("Add own holiday"), self)
        add_holiday.setObjectName("add_holiday")
        add_holiday.clicked.connect(lambda: self.add_own_day("holiday"))
        add_workday = QPushButton(self.tr("Add extra working day"), self)
        add_workday.setObjectName("add_workday")
        add_workday.clicked.connect(lambda: self.add_own_day("workday"))
        remove_day = QPushButton(self.tr("Remove own day"), self)
        remove_day.setObjectName("remove_day")
        remove_day.clicked.connect(self.remove_own_day)
        self.calendar_message = QLabel(self)
        self.calendar_message.setObjectName("calendar_message")
        self.calendar_message.setWordWrap(True)
        save_calendar = QPushButton(self.tr("Save calendar"), self)
        save_calendar.setObjectName("save_calendar")
        save_calendar.clicked.connect(self.save_calendar)

        calendar_box = QGroupBox(self.tr("Business calendars"), self)
        cl = QVBoxLayout(calendar_box)
        pick_row = QHBoxLayout()
        pick_row.addWidget(QLabel(self.tr("Calendar"), self))
        pick_row.addWidget(self.calendar_picker, 1)
        pick_row.addWidget(new_calendar)
        cl.addLayout(pick_row)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        form = QFormLayout()
        form.addRow(self.tr("Korean name"), self.cal_name)
        form.addRow(self.tr("English name"), self.cal_name_en)
        form.addRow(self.tr("Time zone"), self.cal_zone)
        form.addRow(self.cal_24x7)
        form.addRow(self.cal_public)
        left.addLayout(form)
        left.addWidget(self.hours_table)
        left.addWidget(hours_hint)
        columns.addLayout(left, 4)
        middle = QVBoxLayout()
        middle.addWidget(self.month)
        middle.addWidget(legend)
        columns.addLayout(middle, 4)
        right = QVBoxLayout()
        right.addWidget(self.days_table)
        right.addWidget(self.day_name)
        buttons = QGridLayout()
        buttons.addWidget(add_holiday, 0, 0)
        buttons.addWidget(add_workday, 0, 1)
        buttons.addWidget(remove_day, 1, 0)
        right.addLayout(buttons)
        columns.addLayout(right, 4)
        cl.addLayout(columns)
        bottom = QHBoxLayout()
        bottom.addWidget(self.calendar_message, 1)
        bottom.addWidget(save_calendar)
        cl.addLayout(bottom)

        # one scrolling page: on a small window nothing is squeezed into anything else
        page = QWidget(self)
        # the preview under the targets, not beside them: at 1366 px the table keeps whole calendar names
        # and "reads as" in both languages
        top = QVBoxLayout()
        top.addWidget(targets_box)
        top.addWidget(preview_box)
        inner = QVBoxLayout(page)
        inner.addLayout(top)
        inner.addWidget(calendar_box, 1)
        scroll = QScrollArea(self)
        scroll.setObjectName("sla_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.reload()

    def title(self) -> str:
        return self.tr("SLA and calendars")

    # --- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Cases changed somewhere (or F5): re-read stored policy unless the administrator is editing."""
        if not self.has_unsaved_edits():
            self.reload()

    def has_unsaved_edits(self) -> bool:
        if self.pending_targets() != self.targets:
            return True
        stored = next((c for c in self.calendars if c.code == self.cal_draft.code), None)
        return stored != self.cal_draft

    def reload(self) -> None:
        """Load stored targets and calendars, dropping unsaved edits (Revert)."""
        self.calendars = ap.list_calendars()
        self.targets = ap.read_sla_targets()
        current = self.cal_draft.code if getattr(self, "cal_draft", None) else ""
        self._fill_calendar_picker(current)
        self._fill_targets()
        self._say(self.targets_message, "")

    def _calendar_label(self, c: ap.CalendarDraft) -> str:
        return self.session.pick(c.name, c.name_en) or self.tr("(new calendar)")

    def _fill_calendar_picker(self, code: str) -> None:
        self._filling = True
        self.calendar_picker.clear()
        for c in self.calendars:
            self.calendar_picker.addItem(self._calendar_label(c), c.code)
        self._filling = False
        index = max(0, self.calendar_picker.findData(code)) if code else 0
        self.calendar_picker.setCurrentIndex(index)
        self._pick_calendar(index)

    def _fill_targets(self) -> None:
        self._filling = True
        table = self.targets_table
        table.setRowCount(len(self.targets))
        self.preview_grade.blockSignals(True)
        self.preview_grade.clear()
        for r, t in enumerate(self.targets):
            label = self.session.pick(t.grade_name, t.grade_name_en)
            self.preview_grade.addItem(label, r)
            grade = QTableWidgetItem(label)
            grade.setFlags(Qt.ItemFlag.ItemIsEnabled)
            grade.setBackground(QBrush(QColor(t.color)))
            grade.setForeground(QBrush(QColor(text_color(t.color))))
            table.setItem(r, 0, grade)
            for column, value, top, suffix in ((1, t.response_minutes, 60 * 24 * 365, self.tr(" min")),
                                               (2, t.resolution_minutes, 60 * 24 * 365, self.tr(" min")),
                                               (4, t.warning_percent, 99, " %")):
                spin = QSpinBox(table)
                spin.setObjectName(f"target_{r}_{column}")
                spin.setRange(0, top)
                spin.setSuffix(suffix)
                spin.setValue(value)
                spin.valueChanged.connect(lambda _v, rr=r: self._target_edited(rr))
                table.setCellWidget(r, column, spin)
            combo = QComboBox(table)
            combo.setObjectName(f"target_{r}_calendar")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            for c in self.calendars:
                combo.addItem(self._calendar_label(c), c.code)
            combo.setCurrentIndex(combo.findData(t.calendar))
            combo.currentIndexChanged.connect(lambda _i, rr=r: self._target_edited(rr))
            table.setCellWidget(r, 3, combo)
            # the calendar's name whole ("Around the clock (24×7)"), never just its arrow
            widest = max((combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())),
                         default=0)
            table.setColumnWidth(3, max(table.columnWidth(3), min(widest + 44, 380)))
            combo.setToolTip(combo.currentText())
            combo.currentTextChanged.connect(combo.setToolTip)
            for column in (5,):
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                table.setItem(r, column, item)
            self._describe_row(r)
        self.preview_grade.blockSignals(False)
        self._filling = False
        self.update_preview()

    # --- targets ------------------------------------------------------------------------------

    def pending_target(self, r: int) -> ap.SlaTarget:
        """One grade's targets as they stand on screen."""
        t, cell = self.targets[r], self.targets_table.cellWidget
        return ap.SlaTarget(t.grade, t.grade_name, t.grade_name_en, t.color, cell(r, 1).value(), cell(r, 2).value(),
                            cell(r, 3).currentData() or "", cell(r, 4).value(), t.version)

    def pending_targets(self) -> list[ap.SlaTarget]:
        """The targets as they stand on screen."""
        return [self.pending_target(r) for r in range(len(self.targets))]

    def _calendar_of(self, code: str) -> ap.CalendarDraft | None:
        if getattr(self, "cal_draft", None) is not None and self.cal_draft.code == code:
            return self.cal_draft  # the one being edited, with its pending edits
        return next((c for c in self.calendars if c.code == code), None)

    def _describe_row(self, r: int) -> None:
        t = self.pending_target(r)
        calendar = self._calendar_of(t.calendar)
        counts, per_day = self.tr("wall clock"), 24 * 60
        if calendar is not None and not calendar.is_24x7:
            counts = self.tr("business time")
            with contextlib.suppress(BeaconError):
                per_day = ap.working_calendar(calendar).working_minutes_per_day()
        lang = self.session.language
        reads = (f"{format_minutes(t.response_minutes, lang, minutes_per_day=per_day)} / "
                 f"{format_minutes(t.resolution_minutes, lang, minutes_per_day=per_day)} ({counts})")
        self.targets_table.item(r, 5).setText(reads)
        self.targets_table.item(r, 5).setToolTip(reads)  # whole, where a narrow window cuts it

    def _target_edited(self, r: int) -> None:
        if self._filling:
            return
        self._describe_row(r)
        self.update_preview()

    def save_targets(self) -> bool:
        """Save every grade's targets in one transaction."""
        try:
            self.targets = ap.save_sla_targets(actor_id=self.session.actor.id, targets=self.pending_targets())
        except BeaconError as exc:
            self._say(self.targets_message, exc.message(self.session.language), error=True)
            return False
        self._fill_targets()
        self._say(self.targets_message, self.tr("Saved. Incidents registered from now on use these targets."))
        return True

    # --- calendars --------------------------------------------------------------------------------

    def _pick_calendar(self, index: int) -> None:
        if self._filling or index < 0:
            return
        code = self.calendar_picker.itemData(index)
        stored = next((c for c in self.calendars if c.code == code), None)
        if stored is None:
            return
        self._show_calendar(ap.CalendarDraft(stored.code, stored.name, stored.name_en, stored.time_zone,
                                             stored.is_24x7, stored.public_holidays, dict(stored.hours),
                                             list(stored.own_days), stored.version))

    def new_calendar(self) -> None:
        """Start an unsaved calendar with weekday business hours."""
        hours = {d: ("09:00-18:00" if d not in ("sat", "sun") else "") for d in WEEKDAYS}
        self._show_calendar(ap.CalendarDraft("", "", "", self.session.time_zone, False, True, hours))
        self._say(self.calendar_message, self.tr("New calendar: give it names and hours, then save."))
        self.cal_name.setFocus()

    def _show_calendar(self, draft: ap.CalendarDraft) -> None:
        self.cal_draft = draft
        self._filling = True
        self.cal_name.setText(draft.name)
        self.cal_name_en.setText(draft.name_en)
        self.cal_zone.setCurrentText(draft.time_zone)
        self.cal_24x7.setChecked(draft.is_24x7)
        self.cal_public.setChecked(draft.public_holidays)
        for r, d in enumerate(WEEKDAYS):
            self.hours_table.setItem(r, 0, QTableWidgetItem(draft.hours.get(d, "")))
        self._filling = False
        self._say(self.calendar_message, "")
        self._calendar_changed()

    def _calendar_edited(self, *_args: object) -> None:
        if self._filling:
            return
        d = self.cal_draft
        d.name, d.name_en = self.cal_name.text(), self.cal_name_en.text()
        d.time_zone = self.cal_zone.currentText().strip()
        d.is_24x7, d.public_holidays = self.cal_24x7.isChecked(), self.cal_public.isChecked()
        d.hours = {day: (self.hours_table.item(r, 0).text() if self.hours_table.item(r, 0) else "")
                   for r, day in enumerate(WEEKDAYS)}
        self._calendar_changed()

    def _calendar_changed(self) -> None:
        """Re-check the draft and redraw what depends on it."""
        self.hours_table.setEnabled(not self.cal_draft.is_24x7)
        try:
            ap.working_calendar(self.cal_draft)
        except BeaconError as exc:
            self._say(self.calendar_message, exc.message(self.session.language), error=True)
        else:
            if self.calendar_message.property("error"):
                self._say(self.calendar_message, "")
        self._paint_month()
        self._fill_days()
        for r in range(len(self.targets)):
            if self.targets_table.item(r, 5) is not None:
                self._describe_row(r)
        self.update_preview()

    def _paint_month(self) -> None:
        self.month.setDateTextFormat(QDate(), QTextCharFormat())  # clear every earlier mark
        try:
            days = ap.month_days(self.cal_draft, self.month.yearShown(), self.month.monthShown())
        except BeaconError:
            return
        for d in days:
            colors = EXTRA_WORKDAY if d.own_kind == "workday" else OWN_HOLIDAY if d.own_kind == "holiday" \
                else PUBLIC if d.public_holiday else None
            if colors is None:
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(QColor(colors[0])))
            fmt.setForeground(QBrush(QColor(colors[1])))
            fmt.setToolTip(d.own_name or d.public_holiday)
            self.month.setDateTextFormat(QDate(d.day.year, d.day.month, d.day.day), fmt)

    def _fill_days(self) -> None:
        """The shown year's days off and extra working days, public and own, in date order."""
        year = self.month.yearShown()
        rows: list[tuple[date, str, str, str]] = []
        own = {o.day: o for o in self.cal_draft.own_days}
        if self.cal_draft.public_holidays and not self.cal_draft.is_24x7:
            for day, name in ap.public_holidays(year):
                if day not in own:
                    rows.append((day, name, self.tr("Public holiday"), "public"))
        for o in self.cal_draft.own_days:
            if o.day.year == year:
                kind = self.tr("Own holiday") if o.kind == "holiday" else self.tr("Extra working day")
                rows.append((o.day, o.name, kind, o.kind))
        rows.sort()
        self.day_rows = rows
        self.days_table.setRowCount(len(rows))
        for r, (day, name, kind_text, kind) in enumerate(rows):
            colors = {"public": PUBLIC, "holiday": OWN_HOLIDAY, "workday": EXTRA_WORKDAY}[kind]
            values = (f"{day.isoformat()} ({self.short_weekdays[day.weekday()]})", name, kind_text)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 2:
                    item.setBackground(QBrush(QColor(colors[0])))
                    item.setForeground(QBrush(QColor(colors[1])))
                self.days_table.setItem(r, c, item)
        shown = next((r for r, row in enumerate(rows) if row[0].month >= self.month.monthShown()), None)
        if shown is not None:  # the list opens at the month the calendar shows
            self.days_table.scrollToItem(self.days_table.item(shown, 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def _day_clicked(self, row: int, _column: int) -> None:
        day = self.day_rows[row][0]
        self.month.setSelectedDate(QDate(day.year, day.month, day.day))

    def add_own_day(self, kind: str) -> None:
        """Mark the date selected in the month view as an own holiday or an extra working day (draft)."""
        q = self.month.selectedDate()
        day = date(q.year(), q.month(), q.day())
        name = self.day_name.text().strip()
        self.cal_draft.own_days = [o for o in self.cal_draft.own_days if o.day != day] + [ap.OwnDay(day, kind, name)]
        self.day_name.clear()
        self._calendar_changed()
        self._say(self.calendar_message, self.tr("%1 marked; save the calendar to keep it.")
                  .replace("%1", day.isoformat()))

    def remove_own_day(self) -> None:
        """Drop the own day selected in the list (public holidays come from the library and stay)."""
        rows = self.days_table.selectionModel().selectedRows()
        if not rows:
            self._say(self.calendar_message, self.tr("Select an own holiday or extra working day in the list first."),
                      error=True)
            return
        day, _name, _text, kind = self.day_rows[rows[0].row()]
        if kind == "public":
            self._say(self.calendar_message, self.tr(
                "Public holidays come from the Korean holiday calendar and cannot be removed. To work on one, "
                "add an extra working day on that date."), error=True)
            return
        self.cal_draft.own_days = [o for o in self.cal_draft.own_days if o.day != day]
        self._calendar_changed()
        self._say(self.calendar_message, self.tr("%1 removed; save the calendar to keep it.")
                  .replace("%1", day.isoformat()))

    def save_calendar(self) -> bool:
        """Save the calendar with its own days in one transaction."""
        try:
            saved = ap.save_calendar(actor_id=self.session.actor.id, draft=self.cal_draft)
        except BeaconError as exc:
            self._say(self.calendar_message, exc.message(self.session.language), error=True)
            return False
        pending = self.pending_targets()
        self.calendars = ap.list_calendars()
        self._fill_calendar_picker(saved.code)
        self.targets = pending  # keep unsaved target edits, now offering the new calendar too
        self._fill_targets()
        self._say(self.calendar_message, self.tr("Calendar saved. Clocks started from now on use it."))
        return True

    # --- preview ---------------------------------------------------------------------------------

    def registered_at(self) -> datetime:
        """The preview's registration moment as naive UTC."""
        q = self.preview_at.dateTime()
        local = datetime(q.date().year(), q.date().month(), q.date().day(), q.time().hour(), q.time().minute(),
                         tzinfo=ZoneInfo(self.session.time_zone))
        return local.astimezone(UTC).replace(tzinfo=None)

    def _local(self, moment: datetime) -> str:
        local = moment.replace(tzinfo=UTC).astimezone(ZoneInfo(self.session.time_zone))
        return f"{local:%Y-%m-%d} ({self.short_weekdays[local.weekday()]}) {local:%H:%M}"

    def update_preview(self) -> None:
        """Due times under the targets and calendar as they stand on screen (nothing saved)."""
        row = self.preview_grade.currentData()
        if row is None or self.targets_table.cellWidget(row, 1) is None:
            return
        target = self.pending_target(row)
        calendar = self._calendar_of(target.calendar)
        if calendar is None:
            return
        try:
            preview = ap.preview_deadline(registered_at=self.registered_at(), target=target, calendar=calendar)
        except BeaconError as exc:
            for label in (self.preview_response, self.preview_resolution):
                label.setText("—")
            self.preview_mode.setText(exc.message(self.session.language))
            return
        lang = self.session.language
        per_day = preview.minutes_per_day if preview.business else 24 * 60
        self.preview_response.setText(f"{self._local(preview.response_due)}  "
                                      f"({format_minutes(target.response_minutes, lang, minutes_per_day=per_day)})")
        self.preview_resolution.setText(
            f"{self._local(preview.resolution_due)}  "
            f"({format_minutes(target.resolution_minutes, lang, minutes_per_day=per_day)})")
        mode = self.tr("Counts business time of '%1'") if preview.business else \
            self.tr("Counts wall-clock time ('%1')")
        self.preview_mode.setText(mode.replace("%1", self._calendar_label(calendar)))

    def _say(self, label: QLabel, text: str, *, error: bool = False) -> None:
        label.setText(text)
        label.setProperty("error", error)
        label.setStyleSheet("color: #e53935; font-weight: bold;" if error else "")
