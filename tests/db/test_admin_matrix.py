"""The owner matrix as an administrator changes it: cell edits, copy, CSV import/export, the preview,
propagation groups by hand, and `beacon matrix` on the command line — on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from desktop.errors import BeaconError
from desktop.models import ConfigurationItem, Event, Incident, Notification, OwnerMatrixEntry, Role, User
from desktop.workflow.admin import matrix as am
from desktop.workflow.admin import propagation as ap
from desktop.workflow.cases import case_service as cs
from tests import factories
from tests.bank import make_bank


def cell(ci_id: int, role: str) -> list[str]:
    return [login for (login,) in OwnerMatrixEntry.select(User.login).join(User).switch(OwnerMatrixEntry).join(Role)
            .where((OwnerMatrixEntry.ci == ci_id) & (Role.code == role))
            .order_by(OwnerMatrixEntry.position).tuples()]


def csv_bytes(*rows: str, bom: bool = True) -> bytes:
    text = "\r\n".join(["ci_code,ci_name,role,position,login,name", *rows]) + "\r\n"
    return (("\ufeff" if bom else "") + text).encode("utf-8")


def test_grid_has_matrix_roles_including_added_ones_and_groups_cis_under_their_application(db):
    bank = make_bank()
    Role.create(code="dba", name="DBA", name_en="DBA", in_matrix=True, is_global=False, sort_order=50)
    server = factories.application(kind="server", name="WAS 1호기", parent=bank.app)
    other = factories.application(name="가나다 시스템")  # sorts before 인터넷뱅킹
    grid = am.matrix_grid()
    codes = [r.code for r in grid.roles]
    assert codes[:4] == ["primary_handler", "second_line", "team_lead", "department_head"] and "dba" in codes
    assert [r.ci_id for r in grid.rows] == [other.id, bank.app.id, server.id]
    assert grid.row(server.id).group_id == bank.app.id
    assert grid.row(bank.app.id).cells["primary_handler"] == (bank.id("handler"),)
    assert [i.ci_id for i in am.matrix_issues(grid.rows)] == [other.id]  # no primary handler: flagged


def test_edits_apply_in_one_transaction_with_one_event_and_only_for_administrators(db):
    bank = make_bank()
    h, o = bank.id("handler"), bank.id("other_handler")
    edit = am.CellEdit(bank.app.id, "primary_handler", (h,), (o, h))
    with pytest.raises(BeaconError) as refused:
        am.apply_matrix_edits(actor_id=h, edits=[edit])
    assert "권한" in refused.value.message("ko")
    result = am.apply_matrix_edits(actor_id=bank.id("admin"), edits=[edit])
    assert (result.cells, result.added, result.removed) == (1, 1, 0)
    assert cell(bank.app.id, "primary_handler") == ["other_handler", "handler"]
    event = Event.select().where(Event.entity == "owner_matrix").get()
    assert json.loads(event.after) == {f"{bank.app.code}/primary_handler": ["other_handler", "handler"]}
    # The same edit again was read before the first save: stale, refused, and nothing else saved with it.
    other_app = factories.application()
    with pytest.raises(BeaconError) as stale:
        am.apply_matrix_edits(actor_id=bank.id("admin"), edits=[
            am.CellEdit(other_app.id, "primary_handler", (), (h,)), edit])
    assert "다른 관리자" in stale.value.message("ko") and "Nothing was saved" in stale.value.message("en")
    assert cell(other_app.id, "primary_handler") == []


def test_registering_follows_the_edited_matrix_and_the_preview_said_so_before_saving(db):
    bank = make_bank()
    o = bank.id("other_handler")
    pending = [am.CellEdit(bank.app.id, "primary_handler", (bank.id("handler"),), (o,))]
    preview = am.preview_assignment(bank.app.id, pending, language="ko")
    assert preview.assignee == "other_handler님" and preview.told_assigned == ["other_handler님"]
    assert "other_handler님" in [name for name, _, _ in preview.recipients]
    assert cell(bank.app.id, "primary_handler") == ["handler"]  # the preview saved nothing
    am.apply_matrix_edits(actor_id=bank.id("admin"), edits=pending)
    case = cs.register_incident(actor_id=bank.id("customer"), title="이체 오류", description="-",
                                application_id=bank.app.id, urgency="high", incident_type="application")
    assert Incident.get(Incident.case == case.case_id).assignee_id == o
    empty = [am.CellEdit(bank.app.id, "primary_handler", (o,), ())]
    nobody = am.preview_assignment(bank.app.id, empty, language="en")
    assert nobody.assignee == "" and nobody.team and "has no primary handler" in nobody.notes[0]


def test_copy_row_gives_other_cis_the_same_owners(db):
    bank = make_bank()
    target = factories.application()
    am.copy_row(actor_id=bank.id("admin"), source_ci_id=bank.app.id, target_ci_ids=[target.id])
    for role in ("primary_handler", "second_line", "team_lead", "department_head"):
        assert cell(target.id, role) == cell(bank.app.id, role)


def test_export_then_import_is_idempotent_and_excel_friendly(db):
    bank = make_bank()
    data = am.export_matrix_csv(actor_id=bank.id("admin"))
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert f"{bank.app.code},인터넷뱅킹,primary_handler,1,handler,handler님" in text
    again = am.import_matrix_csv(actor_id=bank.id("admin"), data=data)
    assert again.errors == [] and again.cells == 0  # nothing to change
    edited = data.replace(b"primary_handler,1,handler,", b"primary_handler,1,other_handler,")
    dry = am.import_matrix_csv(actor_id=bank.id("admin"), data=edited, dry_run=True)
    assert (dry.cells, dry.applied) == (1, False) and cell(bank.app.id, "primary_handler") == ["handler"]
    done = am.import_matrix_csv(actor_id=bank.id("admin"), data=edited, source="m.csv")
    assert done.applied and cell(bank.app.id, "primary_handler") == ["other_handler"]
    assert am.import_matrix_csv(actor_id=bank.id("admin"), data=edited).cells == 0
    emptied = am.import_matrix_csv(actor_id=bank.id("admin"), data=csv_bytes(f"{bank.app.code},,second_line,1,,"))
    assert emptied.applied and cell(bank.app.id, "second_line") == []


def test_bad_rows_are_each_reported_and_nothing_is_imported(db):
    bank = make_bank()
    factories.user(login="gone", is_active=False)
    code = bank.app.code
    data = csv_bytes(f"{code},,primary_handler,1,other_handler,",  # good, but not alone enough
                     "NOPE,,primary_handler,1,handler,",
                     f"{code},,team_lead,1,nobody,",
                     f"{code},,boss,1,handler,",
                     f"{code},,second_line,x,handler,",
                     f"{code},,department_head,1,gone,",
                     f"{code},,primary_handler,1,second,")  # same position twice
    result = am.import_matrix_csv(actor_id=bank.id("admin"), data=data)
    assert not result.applied
    found = {(e.line, e.column) for e in result.errors}
    assert found == {(3, "ci_code"), (4, "login"), (5, "role"), (6, "position"), (7, "login"), (8, "position")}
    messages = [e.message("ko") for e in result.errors]
    assert "3행 [ci_code] 'NOPE': 이런 코드의 구성 항목이 없습니다." in messages
    assert any(e.message("en") == "line 4 [login] 'nobody': no user has this login." for e in result.errors)
    assert cell(bank.app.id, "primary_handler") == ["handler"] and not Event.select().where(
        Event.entity == "owner_matrix").exists()


@pytest.mark.parametrize("data, ko, en", [
    (b"", "비어 있습니다", "empty"),
    (b"\xef\xbb\xbf\r\n", "비어 있습니다", "empty"),
    ("ci_code,ci_name,role,position,login,name\r\nAPP,인터넷뱅킹,primary_handler,1,handler,\r\n".encode("cp949"),
     "UTF-8이 아닙니다 (EUC-KR/CP949", "not UTF-8 (it looks like EUC-KR"),
    (b"code,who\r\nA,b\r\n", "필수 열이 없습니다", "required columns are missing"),
    (b"ci_code,ci_name,role,position,login,name\r\n", "가져올 행이 없습니다", "no rows after the header"),
])
def test_unreadable_files_are_explained(db, data, ko, en):
    bank = make_bank()
    result = am.import_matrix_csv(actor_id=bank.id("admin"), data=data)
    assert not result.applied and len(result.errors) == 1
    assert ko in result.errors[0].message("ko") and en in result.errors[0].message("en")


def test_ten_thousand_rows_with_a_few_bad_ones_list_every_bad_row(db):
    bank = make_bank()
    apps = [{"code": f"BULK{i:05d}", "name": f"대량{i}", "kind": "application"} for i in range(5000)]
    ConfigurationItem.insert_many(apps).execute()
    rows = []
    for i in range(5000):
        rows.append(f"BULK{i:05d},,primary_handler,1,handler,")
        rows.append(f"BULK{i:05d},,second_line,1,{'ghost' if i % 1000 == 7 else 'second'},")
    result = am.import_matrix_csv(actor_id=bank.id("admin"), data=csv_bytes(*rows))
    assert result.rows == 10_000 and not result.applied
    assert [e.line for e in result.errors] == [2 * i + 3 for i in (7, 1007, 2007, 3007, 4007)]
    assert OwnerMatrixEntry.select().where(OwnerMatrixEntry.ci != bank.app.id).count() == 0
    good = csv_bytes(*(r.replace("ghost", "second") for r in rows))
    done = am.import_matrix_csv(actor_id=bank.id("admin"), data=good)
    assert done.applied and done.cells == 10_000
    assert OwnerMatrixEntry.select().where(OwnerMatrixEntry.ci != bank.app.id).count() == 10_000


def test_hand_changes_to_a_propagation_group_change_who_is_told(db):
    bank = make_bank()
    admin, outsider = bank.id("admin"), bank.id("outsider")

    def told_of_new_incident() -> set[str]:
        case = cs.register_incident(actor_id=bank.id("customer"), title="지연", description="-",
                                    application_id=bank.app.id, urgency="low", incident_type="application")
        return {login for (login,) in Notification.select(User.login).join(User, on=(Notification.recipient == User.id))
                .where(Notification.case == case.case_id).tuples()}

    assert told_of_new_incident() == {"handler", "lead", "head"}
    ap.add_member(actor_id=admin, application_id=bank.app.id, user_id=outsider, reason="대외 창구")
    rules = {m.user_id: m.rule for m in ap.group_members(bank.app.id)}
    assert rules[outsider] == "manual_add" and rules[bank.id("handler")] == "primary_handler"
    assert "outsider" in told_of_new_incident()
    with pytest.raises(BeaconError) as twice:
        ap.add_member(actor_id=admin, application_id=bank.app.id, user_id=outsider)
    assert "이미" in twice.value.message("ko") and "added to the propagation group by hand" in twice.value.message("en")
    ap.remove_member(actor_id=admin, application_id=bank.app.id, user_id=bank.id("head"), reason="휴직")
    ap.remove_member(actor_id=admin, application_id=bank.app.id, user_id=outsider)
    assert told_of_new_incident() == {"handler", "lead"}
    removed = [m for m in ap.group_members(bank.app.id) if not m.told]
    assert [(m.user_id, m.note) for m in removed] == [(bank.id("head"), "휴직")]
    ap.add_member(actor_id=admin, application_id=bank.app.id, user_id=bank.id("head"))  # restored: matrix again
    assert {m.user_id: m.rule for m in ap.group_members(bank.app.id)}[bank.id("head")] == "department_head"
    preview = ap.notice_preview(bank.app.id, "registered", "en")
    assert {r.name for r in preview} == {User.get_by_id(bank.id(p)).name_en for p in ("handler", "lead", "head")}
    assert all(r.channels[0] == "inapp" for r in preview)
    with pytest.raises(BeaconError):
        ap.add_member(actor_id=bank.id("handler"), application_id=bank.app.id, user_id=outsider)


def test_cli_export_import_dry_run_and_bad_rows(cli_as, tmp_path, capsys):
    bank = make_bank()
    handler = cli_as("handler")
    db = cli_as("admin")
    out = tmp_path / "matrix.csv"
    assert main(["--lang", "en", "matrix", "export", str(out), "--database", db]) == 0
    assert "Owner matrix exported" in capsys.readouterr().out
    out.write_bytes(out.read_bytes().replace(b"primary_handler,1,handler,", b"primary_handler,1,other_handler,"))
    assert main(["--lang", "en", "matrix", "import", str(out), "--dry-run", "--database", db]) == 0
    assert "1 cells would change" in capsys.readouterr().out
    assert cell(bank.app.id, "primary_handler") == ["handler"]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes(f"{bank.app.code},,primary_handler,1,nobody,", "X,,team_lead,1,lead,"))
    assert main(["--lang", "en", "matrix", "import", str(bad), "--database", db]) == 1
    err = capsys.readouterr().err
    assert "line 2 [login] 'nobody'" in err and "line 3 [ci_code] 'X'" in err and "nothing was imported" in err
    handler = cli_as("handler")
    assert main(["--lang", "en", "matrix", "import", str(out), "--database", handler]) == 2
    assert "Only an administrator may import or export the owner matrix" in capsys.readouterr().err
    db = cli_as("admin")
    assert main(["--lang", "ko", "matrix", "import", str(out), "--database", db]) == 0
    assert "바뀐 칸 1개" in capsys.readouterr().out
    assert cell(bank.app.id, "primary_handler") == ["other_handler"]
