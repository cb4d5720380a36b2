"""Priority matrix, SLA targets and business calendars as an administrator changes them (issue #7, B)."""

from __future__ import annotations

import json

import pytest

from desktop.errors import BeaconError, StaleRecordError
from desktop.models import Event, Grade, Incident, PriorityMatrixCell, SlaClock, SlaPolicy, UrgencyLevel
from desktop.workflow.admin import policy as ap
from desktop.workflow.cases import case_service as cs
from tests.bank import bring_to, make_bank, seoul


@pytest.fixture
def bank(db):
    return make_bank()


def register(bank, urgency: str = "high", now=None) -> Incident:
    r = cs.register_incident(actor_id=bank.id("customer"), title="로그인 지연", description="-",
                             application_id=bank.app.id, urgency=urgency, incident_type="application",
                             now=now or seoul(2026, 3, 2, 10, 0))
    return Incident.get(Incident.case == r.case_id)


def set_cell(draft: ap.MatrixDraft, urgency: str, impact: str, grade: int) -> None:
    draft.cells[(urgency, impact)] = str(grade)


# --- priority matrix --------------------------------------------------------------------

def test_a_new_incident_follows_the_edited_matrix_and_an_earlier_one_keeps_its_grade(bank):
    before = register(bank)
    assert before.grade.level == 1
    draft = ap.read_matrix()
    set_cell(draft, "high", "high", 2)
    ap.save_matrix(actor_id=bank.id("admin"), draft=draft)
    assert register(bank).grade.level == 2
    assert Incident.get_by_id(before.case_id).grade.level == 1
    event = Event.select().where(Event.entity == "priority_matrix").order_by(Event.id.desc()).get()
    assert event.actor_id == bank.id("admin")
    assert json.loads(event.before)["cells"]["high×high"] == "1"
    assert json.loads(event.after)["cells"]["high×high"] == "2"


def test_a_new_urgency_level_with_a_new_grade_grades_new_incidents_and_gets_sla_targets(bank):
    draft = ap.read_matrix()
    draft.urgencies.insert(0, ap.LevelDraft("최우선", "Immediate"))
    draft.grades.insert(0, ap.GradeDraft("0등급 (재난)", "Grade 0 (disaster)", "#6a1b9a"))
    new_urgency, new_grade = "new:0", "new:0"
    for impact in ("high", "medium", "low"):
        draft.cells[(new_urgency, impact)] = new_grade if impact == "high" else "1"
    saved = ap.save_matrix(actor_id=bank.id("admin"), draft=draft)
    assert [u.name_en for u in saved.urgencies] == ["Immediate", "High", "Medium", "Low"]
    assert UrgencyLevel.get(UrgencyLevel.code == "immediate").rank == 1
    incident = register(bank, urgency="immediate")
    assert incident.grade.name_en == "Grade 0 (disaster)"
    assert incident.grade.level == 5  # new grades take the next number
    clocks = {c.kind: c.target_minutes for c in SlaClock.select().where(SlaClock.case == incident.case_id)}
    assert clocks == {"response": 240, "resolution": 3 * 9 * 60}  # copied from the least severe grade


def test_an_urgency_level_that_open_incidents_use_cannot_be_removed(bank):
    register(bank, urgency="low")
    draft = ap.read_matrix()
    draft.urgencies = [u for u in draft.urgencies if u.code != "low"]
    draft.cells = {k: v for k, v in draft.cells.items() if k[0] != "low"}
    with pytest.raises(BeaconError) as refused:
        ap.save_matrix(actor_id=bank.id("admin"), draft=draft)
    assert refused.value.code == "policy.level_in_use"
    assert "1 open incident(s)" in refused.value.message("en")
    assert "열린 장애 1건" in refused.value.message("ko")
    assert UrgencyLevel.select().count() == 3 and PriorityMatrixCell.select().count() == 9  # nothing half-saved


def test_an_impact_level_of_an_application_and_a_grade_of_a_closed_incident_cannot_be_removed(bank):
    bring_to(bank, "incident", "closed")
    with pytest.raises(BeaconError, match="configuration item"):
        ap.check_removable("impact", "high", {"ko": "높음", "en": "High"})
    with pytest.raises(BeaconError, match="finished incident"):
        ap.check_removable("grade", "1", {"ko": "1등급", "en": "Grade 1"})


def test_an_unused_level_and_grade_are_removed_with_their_cells_and_targets(bank):
    draft = ap.read_matrix()
    draft.impacts = [i for i in draft.impacts if i.code != "low"]
    draft.cells = {(u, i): ("3" if g == "4" else g) for (u, i), g in draft.cells.items() if i != "low"}
    draft.grades = [g for g in draft.grades if g.level != 4]
    ap.save_matrix(actor_id=bank.id("admin"), draft=draft)
    assert PriorityMatrixCell.select().count() == 6
    assert not Grade.select().where(Grade.level == 4).exists()
    assert SlaPolicy.select().count() == 3


def test_renaming_a_level_keeps_its_incidents(bank):
    incident = register(bank)
    draft = ap.read_matrix()
    draft.urgencies[0].name, draft.urgencies[0].name_en = "매우 높음", "Very high"
    ap.save_matrix(actor_id=bank.id("admin"), draft=draft)
    assert Incident.get_by_id(incident.case_id).urgency.name_en == "Very high"


@pytest.mark.parametrize("spoil, code", [
    (lambda d: d.cells.pop(("low", "low")), "policy.matrix_incomplete"),
    (lambda d: setattr(d.impacts[1], "name_en", "HIGH"), "policy.level_label_duplicate"),
    (lambda d: setattr(d.grades[0], "name", " "), "policy.level_label_missing"),
    (lambda d: setattr(d.grades[0], "color", "red"), "policy.bad_color"),
])
def test_a_broken_matrix_is_refused_with_a_reason_and_nothing_changes(bank, spoil, code):
    draft = ap.read_matrix()
    spoil(draft)
    with pytest.raises(BeaconError) as refused:
        ap.save_matrix(actor_id=bank.id("admin"), draft=draft)
    assert refused.value.code == code
    assert refused.value.message("ko") != refused.value.message("en")
    assert ap.read_matrix().fingerprint == ap.read_matrix().fingerprint
    assert ap.read_matrix().cells[("low", "low")] == "4"


def test_only_an_administrator_may_change_the_matrix(bank):
    draft = ap.read_matrix()
    set_cell(draft, "low", "low", 1)
    with pytest.raises(BeaconError) as refused:
        ap.save_matrix(actor_id=bank.id("handler"), draft=draft)
    assert refused.value.code == "workflow.not_allowed"
    assert ap.read_matrix().cells[("low", "low")] == "4"


def test_a_matrix_saved_by_someone_else_meanwhile_is_a_conflict(bank):
    mine, theirs = ap.read_matrix(), ap.read_matrix()
    set_cell(theirs, "low", "low", 3)
    ap.save_matrix(actor_id=bank.id("admin"), draft=theirs)
    set_cell(mine, "high", "low", 2)
    with pytest.raises(StaleRecordError):
        ap.save_matrix(actor_id=bank.id("admin"), draft=mine)
    assert ap.read_matrix().cells[("high", "low")] == "3"


def test_the_preview_counts_open_incidents_whose_cell_changes_grade(bank):
    register(bank, urgency="high")
    register(bank, urgency="high")
    register(bank, urgency="medium")
    bring_to(bank, "incident", "closed")  # urgency high too, but finished
    draft = ap.read_matrix()
    set_cell(draft, "high", "high", 2)
    set_cell(draft, "low", "high", 1)  # no open incident there
    impact = ap.preview_matrix_impact(draft)
    assert impact.open_incidents == 3
    assert impact.changed == 2
    (shift,) = impact.shifts
    assert (shift.urgency["en"], shift.impact["en"], shift.old["en"], shift.new["en"], shift.count) == \
        ("High", "High", "Grade 1 (critical)", "Grade 2 (high)", 2)
    assert ap.read_matrix().cells[("high", "high")] == "1"  # a preview saves nothing


# --- SLA targets ------------------------------------------------------------------------

def test_a_target_change_applies_to_new_incidents_clocks_only(bank):
    earlier = register(bank)
    targets = ap.read_sla_targets()
    targets[0].response_minutes, targets[0].resolution_minutes, targets[0].warning_percent = 20, 300, 70
    ap.save_sla_targets(actor_id=bank.id("admin"), targets=targets)
    later = register(bank)

    def clocks(incident):
        return {c.kind: c.target_minutes for c in SlaClock.select().where(SlaClock.case == incident.case_id)}

    assert clocks(earlier) == {"response": 10, "resolution": 240}
    assert clocks(later) == {"response": 20, "resolution": 300}
    event = Event.get((Event.entity == "sla_policy") & (Event.entity_id == "incident:1"))
    assert json.loads(event.before)["response_minutes"] == 10 and json.loads(event.after)["warning_percent"] == 70


def test_a_grade_moved_to_a_business_calendar_counts_business_time(bank):
    targets = ap.read_sla_targets()
    targets[0].calendar = "kr_business"
    ap.save_sla_targets(actor_id=bank.id("admin"), targets=targets)
    incident = register(bank, now=seoul(2026, 3, 4, 17, 55))  # Wednesday, 5 working minutes left
    response = SlaClock.get((SlaClock.case == incident.case_id) & (SlaClock.kind == "response"))
    assert response.uses_business_time
    assert response.due_at == seoul(2026, 3, 5, 9, 5)


@pytest.mark.parametrize("change, fragment", [
    (dict(response_minutes=600, resolution_minutes=60), "longer than the resolution"),
    (dict(response_minutes=0), "at least one minute"),
    (dict(warning_percent=100), "1–99"),
    (dict(calendar="nowhere"), "no calendar 'nowhere'"),
])
def test_nonsense_targets_are_refused_and_nothing_is_saved(bank, change, fragment):
    targets = ap.read_sla_targets()
    for key, value in change.items():
        setattr(targets[1], key, value)
    with pytest.raises(BeaconError, match=fragment):
        ap.save_sla_targets(actor_id=bank.id("admin"), targets=targets)
    assert [t.response_minutes for t in ap.read_sla_targets()] == [10, 30, 120, 240]


# --- calendars and the deadline preview -----------------------------------------------------

def business() -> ap.CalendarDraft:
    return next(c for c in ap.list_calendars() if c.code == "kr_business")


def grade3() -> ap.SlaTarget:
    return next(t for t in ap.read_sla_targets() if t.grade == 3)


def test_an_own_holiday_moves_the_preview_deadline_and_the_real_clock(bank):
    at = seoul(2026, 3, 4, 17, 0)  # Wednesday 17:00, one working hour left; grade 3 answers in 120 business minutes
    cal = business()
    assert ap.preview_deadline(registered_at=at, target=grade3(), calendar=cal).response_due == seoul(2026, 3, 5, 10)
    from datetime import date
    cal.own_days.append(ap.OwnDay(date(2026, 3, 5), "holiday", "창립기념일"))
    preview = ap.preview_deadline(registered_at=at, target=grade3(), calendar=cal)
    assert preview.response_due == seoul(2026, 3, 6, 10)
    assert preview.business and preview.minutes_per_day == 540
    ap.save_calendar(actor_id=bank.id("admin"), draft=cal)
    incident = register(bank, urgency="low", now=at)  # high impact × low urgency → grade 3
    assert incident.grade.level == 3
    response = SlaClock.get((SlaClock.case == incident.case_id) & (SlaClock.kind == "response"))
    assert response.due_at == preview.response_due == ap.stored_deadline(grade=3, registered_at=at).response_due
    assert Event.get((Event.entity == "calendar") & (Event.entity_id == "kr_business")).kind == "changed"


def test_chuseok_2026_is_honoured_unless_public_holidays_are_off(bank):
    at = seoul(2026, 9, 23, 17, 0)  # Wednesday before 추석 (Thu 24 – Sat 26)
    cal = business()
    assert ap.preview_deadline(registered_at=at, target=grade3(), calendar=cal).response_due == seoul(2026, 9, 28, 10)
    days = {d.day.day: d for d in ap.month_days(cal, 2026, 9)}
    assert (days[25].public_holiday, days[25].working) == ("추석", False)
    assert days[28].working and not days[27].working
    cal.public_holidays = False
    assert ap.preview_deadline(registered_at=at, target=grade3(), calendar=cal).response_due == seoul(2026, 9, 24, 10)


def test_an_extra_working_day_on_a_public_holiday_counts(bank):
    from datetime import date
    cal = business()
    cal.own_days.append(ap.OwnDay(date(2026, 9, 24), "workday", "결산 근무"))
    preview = ap.preview_deadline(registered_at=seoul(2026, 9, 23, 17, 0), target=grade3(), calendar=cal)
    assert preview.response_due == seoul(2026, 9, 24, 10)
    assert {d.day.day: d.own_kind for d in ap.month_days(cal, 2026, 9)}[24] == "workday"


def test_a_new_calendar_is_created_with_its_hours_and_used_by_a_grade(bank):
    cal = ap.CalendarDraft("", "야간 교대", "Night shift", "Asia/Seoul", False, True,
                           {"mon": "00:00-06:00, 22:00-24:00", "tue": "00:00-06:00", "wed": "", "thu": "", "fri": "",
                            "sat": "", "sun": ""})
    saved = ap.save_calendar(actor_id=bank.id("admin"), draft=cal)
    assert saved.code == "night_shift" and saved.hours["mon"] == "00:00-06:00, 22:00-24:00"
    targets = ap.read_sla_targets()
    targets[3].calendar = "night_shift"
    ap.save_sla_targets(actor_id=bank.id("admin"), targets=targets)
    due = ap.stored_deadline(grade=4, registered_at=seoul(2026, 3, 9, 12, 0))
    assert due.response_due == seoul(2026, 3, 10, 2, 0)  # Mon 22:00 + 4 working hours (2 on Monday, 2 after midnight)


@pytest.mark.parametrize("edit, fragment", [
    (dict(hours={"mon": "9-18"}), "HH:MM-HH:MM"),
    (dict(hours={"mon": "18:00-09:00"}), "must end after it starts"),
    (dict(hours={"mon": "09:00-13:00, 12:00-18:00"}), "overlap"),
    (dict(hours={}), "no working hours at all"),
    (dict(time_zone="Mars/Olympus"), "Unknown time zone"),
    (dict(name_en=""), "both a Korean and an English name"),
])
def test_bad_calendar_input_is_refused_with_a_clear_message(bank, edit, fragment):
    cal = business()
    for key, value in edit.items():
        setattr(cal, key, value)
    with pytest.raises(BeaconError, match=fragment):
        ap.save_calendar(actor_id=bank.id("admin"), draft=cal)
    assert business().hours["mon"] == "09:00-18:00"


def test_a_calendar_saved_by_someone_else_meanwhile_is_a_conflict(bank):
    mine, theirs = business(), business()
    theirs.hours["sat"] = "09:00-13:00"
    ap.save_calendar(actor_id=bank.id("admin"), draft=theirs)
    mine.name_en = "Weekdays"
    with pytest.raises(StaleRecordError):
        ap.save_calendar(actor_id=bank.id("admin"), draft=mine)
    assert business().hours["sat"] == "09:00-13:00"


def test_four_administrators_saving_at_once_leave_one_whole_matrix(bank):
    import threading

    from desktop.models import database

    drafts = [ap.read_matrix() for _ in range(4)]
    cells = [("high", "low"), ("medium", "low"), ("low", "medium"), ("low", "high")]
    for draft, key in zip(drafts, cells, strict=True):
        draft.cells[key] = "1"
    barrier = threading.Barrier(4)
    outcomes: list[str] = []

    def save(draft: ap.MatrixDraft) -> None:
        try:
            barrier.wait()
            ap.save_matrix(actor_id=bank.id("admin"), draft=draft)
            outcomes.append("saved")
        except StaleRecordError:
            outcomes.append("stale")
        except BaseException as exc:  # reported below
            outcomes.append(repr(exc))
        finally:
            database.close()

    threads = [threading.Thread(target=save, args=(d,)) for d in drafts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert sorted(outcomes) == ["saved", "stale", "stale", "stale"]
    stored = ap.read_matrix().cells
    assert sum(stored[key] == "1" for key in cells) == 1  # exactly the winner's edit, nothing mixed
    assert PriorityMatrixCell.select().count() == 9
    assert Event.select().where(Event.entity == "priority_matrix").count() == 1
