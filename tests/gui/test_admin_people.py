"""The configuration-item and users-and-teams screens, driven through their widgets as an
administrator would: what is saved, what is refused (and said so), and what the rest of the
application then sees (registration picker, sign-in)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.errors import BeaconError
from desktop.models import Event, Incident, User
from desktop.views import dialogs
from desktop.views.admin import AdminPage
from desktop.views.admin import cis as cis_module
from desktop.views.admin import users as users_module
from desktop.views.admin.cis import CiEditor
from desktop.views.admin.users import UserEditor
from desktop.views.i18n import install_language
from desktop.views.session import ClientSession
from desktop.workflow.cases import case_service
from desktop.workflow.common import session as session_service
from desktop.workflow.common.actors import load_actor
from tests.factories import set_every_password
from tests.gui.admin_kit import click, client_bank


def _prepare(bank) -> None:
    set_every_password("pw")


@pytest.fixture
def bank(tmp_path):
    yield from client_bank(tmp_path, "admin.db", prepare=_prepare)


def session_of(bank, persona: str = "admin", language: str = "ko") -> ClientSession:
    install_language(language)
    return ClientSession(actor=load_actor(bank.id(persona)), database_url=bank.url, language=language)


def pick(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, (data, [combo.itemData(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


def tree_codes(editor: CiEditor) -> dict[str, str]:
    """code → shown name of every CI in the tree."""
    out = {}
    for g in range(editor.tree.topLevelItemCount()):
        group = editor.tree.topLevelItem(g)
        for c in range(group.childCount()):
            out[group.child(c).text(0)] = group.child(c).text(1)
    return out


def click_ci(editor: CiEditor, code: str) -> None:
    for g in range(editor.tree.topLevelItemCount()):
        group = editor.tree.topLevelItem(g)
        for c in range(group.childCount()):
            if group.child(c).text(0) == code:
                editor.tree.setCurrentItem(group.child(c))
                return
    raise AssertionError(f"{code} not in the tree")


def test_ci_created_related_and_retired_through_the_editor(qtbot, bank, monkeypatch):
    session = session_of(bank)
    editor = CiEditor(session)
    qtbot.addWidget(editor)
    # a server, typed into the form
    click(qtbot, editor, "ci_new")
    editor.code.setText("SRV-WAS-01")
    editor.name.setText("인터넷뱅킹 WAS 1호기")
    pick(editor.kind, "server")
    click(qtbot, editor, "ci_save")
    assert editor.message.text() == "SRV-WAS-01을(를) 저장했습니다."
    assert tree_codes(editor)["SRV-WAS-01"] == "인터넷뱅킹 WAS 1호기"
    # an application without an impact is refused, and what was typed stays
    click(qtbot, editor, "ci_new")
    editor.code.setText("APP-NEW")
    editor.name.setText("신규 업무")
    pick(editor.kind, "application")
    pick(editor.impact, "")
    click(qtbot, editor, "ci_save")
    assert "영향도가 있어야" in editor.message.text() and editor.code.text() == "APP-NEW"
    assert "APP-NEW" not in tree_codes(editor)
    pick(editor.impact, "medium")
    click(qtbot, editor, "ci_save")
    assert "APP-NEW" in tree_codes(editor)
    assert any(c.name == "신규 업무" for c in session_service.applications())  # offered for registration
    # APP-NEW runs on the server; the server cannot run on APP-NEW in turn
    server_id = next(r for r in cis_module.admin_cis.list_cis(text="SRV-WAS-01")).id
    pick(editor.relation_kind, "runs_on")
    pick(editor.relation_target, server_id)
    click(qtbot, editor, "relation_add")
    assert editor.relations.rowCount() == 1
    assert editor.relations.item(0, 0).text() == "실행 기반 →" and editor.relations.item(0, 1).text() == "SRV-WAS-01"
    click_ci(editor, "SRV-WAS-01")
    assert editor.relations.item(0, 0).text() == "← 이 항목 위에서 실행"
    app_new = next(r for r in cis_module.admin_cis.list_cis(text="APP-NEW")).id
    pick(editor.relation_kind, "runs_on")
    pick(editor.relation_target, app_new)
    click(qtbot, editor, "relation_add")
    assert "순환" in editor.message.text() and "SRV-WAS-01 → APP-NEW → SRV-WAS-01" in editor.message.text()
    assert editor.relations.rowCount() == 1

    # the bank's application has an incident; retiring it takes it out of registration, not out of history
    admin = bank.id("admin")
    registered = case_service.register_incident(actor_id=bank.id("customer"), title="이체 오류", description="E-1",
                                                application_id=bank.app.id, urgency="high",
                                                incident_type="application")
    click_ci(editor, bank.app.code)
    assert editor.incidents.rowCount() == 1 and editor.incidents.item(0, 1).text() == "이체 오류"
    with qtbot.waitSignal(editor.sig_open_case) as opened:
        editor.incidents.cellDoubleClicked.emit(0, 1)
    assert opened.args == [registered.case_id]
    click(qtbot, editor, "ci_retire")
    assert "폐기했습니다" in editor.message.text() and "(폐기됨)" in tree_codes(editor)[bank.app.code]
    picker = dialogs.RegisterIncidentDialog(session_of(bank, "customer"))
    qtbot.addWidget(picker)
    assert picker.application.findData(bank.app.id) == -1
    assert picker.application.findData(app_new) >= 0
    assert editor.incidents.rowCount() == 1  # the incident is still there, on the retired application
    # deleting is refused while a case refers to it (after the administrator confirms)
    monkeypatch.setattr(cis_module.Confirm, "ask", classmethod(lambda cls, parent, title, text: True))
    click(qtbot, editor, "ci_delete")
    assert "삭제할 수 없습니다" in editor.message.text()
    assert bank.app.code in tree_codes(editor)
    # hiding retired items
    editor.show_retired.setChecked(False)
    assert bank.app.code not in tree_codes(editor)
    click(qtbot, editor, "ci_new")
    kinds = [e.kind for e in Event.select().where(Event.entity == "ci").order_by(Event.id)]
    assert kinds == ["created", "created", "relation_added", "retired"]
    assert all(e.actor_id == admin for e in Event.select().where(Event.entity == "ci"))


def test_ci_screen_in_english(qtbot, bank):
    editor = CiEditor(session_of(bank, language="en"))
    qtbot.addWidget(editor)
    assert bank.app.code in tree_codes(editor)
    editor.search.setText("no such thing")  # the list follows once typing pauses
    qtbot.waitUntil(lambda: tree_codes(editor) == {}, timeout=3000)
    editor.search.setText(bank.app.name_en.split()[-1].lower())
    qtbot.waitUntil(lambda: list(tree_codes(editor)) == [bank.app.code], timeout=3000)
    click_ci(editor, bank.app.code)
    editor.code.setText("")
    click(qtbot, editor, "ci_save")
    assert editor.message.text().startswith("'Code' is not valid:")
    assert editor.lower_tabs.tabText(1) == "Incidents of this item (0)"
    assert editor.retire_button.text() == "Retire"


def test_every_form_input_is_named_by_its_label_and_tabs_in_order(qtbot, bank):
    editor = CiEditor(session_of(bank))
    people = UserEditor(session_of(bank))
    qtbot.addWidget(editor)
    qtbot.addWidget(people)
    forms = {
        editor: [("ci_code", "코드"), ("ci_name", "이름 (한국어)"), ("ci_description", "설명")],
        people.users: [("user_login", "아이디"), ("user_email", "이메일"), ("user_time_zone", "시간대"),
                       ("user_password", "암호")],
        people.teams: [("team_code", "코드"), ("team_name", "이름 (한국어)"), ("team_parent", "상위 팀")],
    }
    for screen, fields in forms.items():
        inputs = [screen.findChild(QWidget, name) for name, _label in fields]
        assert [w.accessibleName() for w in inputs] == [label for _name, label in fields]
    # the user form, top to bottom in the tab order
    users = people.users
    chain = [users.login, users.name, users.name_en, users.email, users.phone, users.job_title, users.team,
             users.language, users.time_zone, users.password]
    order, current = [users.login], users.login.nextInFocusChain()
    while current is not users.login and len(order) < len(chain):
        if current in chain:
            order.append(current)
        current = current.nextInFocusChain()
    assert order == chain


def find_row(table, text: str) -> int:
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == text:
            return row
    raise AssertionError(f"{text} not in {[table.item(r, 0).text() for r in range(table.rowCount())]}")


def test_user_created_signs_in_and_is_disabled(qtbot, bank, monkeypatch):
    session = session_of(bank, language="en")
    editor = UserEditor(session)
    qtbot.addWidget(editor)
    users = editor.users
    click(qtbot, users, "user_new")
    users.login.setText("kim.sj")
    users.name.setText("김수진")
    users.name_en.setText("Sujin Kim")
    users.email.setText("kim.sj@bank.example")
    pick(users.team, bank.team_id)
    pick(users.language, "en")
    users.time_zone.setCurrentText("Mars/Olympus")
    users.password.setText("sesame-open")
    users.role_boxes["customer"].setChecked(False)
    users.role_boxes["handler"].setChecked(True)
    users.by_email.setChecked(True)
    click(qtbot, users, "user_save")
    assert users.message.text() == "Unknown time zone 'Mars/Olympus' (e.g. Asia/Seoul)."
    assert User.get_or_none(User.login == "kim.sj") is None  # nothing half-saved
    users.time_zone.setCurrentText("Europe/London")
    click(qtbot, users, "user_save")
    assert users.message.text() == "Saved kim.sj."
    assert not users.shown_password.isVisibleTo(users)  # the administrator chose the password
    actor = session_service.authenticate("kim.sj", "sesame-open")
    assert actor.roles == frozenset({"handler"}) and actor.language == "en"
    row = find_row(users.table, "kim.sj")
    assert users.table.item(row, 4).text() == "Incident handler"
    assert users.heading.text() == "kim.sj — Sujin Kim (active)"
    # disable: refused sign-in, in both languages, on the real sign-in dialog
    click(qtbot, users, "user_active")
    assert users.message.text() == "kim.sj can no longer sign in; their history stays."
    assert users.active_button.text() == "Enable"
    for language, words in (("ko", "이 계정은 사용 중지되었습니다"), ("en", "This account has been disabled")):
        install_language(language)
        login = dialogs.LoginDialog(language=language)
        qtbot.addWidget(login)
        login.login.setText("kim.sj")
        login.password.setText("sesame-open")
        login.try_sign_in()
        assert login.actor is None and words in login.error.text()
    install_language("en")
    # the active filter: gone from the active list, there among the disabled
    pick(users.active_filter, True)
    assert "kim.sj" not in [users.table.item(r, 0).text() for r in range(users.table.rowCount())]
    pick(users.active_filter, False)
    assert [users.table.item(r, 0).text() for r in range(users.table.rowCount())] == ["kim.sj"]
    users.table.selectRow(0)
    click(qtbot, users, "user_active")
    assert session_service.authenticate("kim.sj", "sesame-open").login == "kim.sj"
    pick(users.active_filter, True)
    assert users.table.item(find_row(users.table, "kim.sj"), 3).text().startswith("20")  # last sign-in shown
    # a password reset the administrator leaves to Beacon is shown once
    monkeypatch.setattr(users_module.ResetPasswordDialog, "ask", classmethod(lambda cls, parent, login: (True, None)))
    click(qtbot, users, "user_reset_password")
    new_password = users.shown_password.text()
    assert users.shown_password.isVisibleTo(users) and len(new_password) >= 8
    assert session_service.authenticate("kim.sj", new_password).login == "kim.sj"
    with pytest.raises(BeaconError):
        session_service.authenticate("kim.sj", "sesame-open")
    pick(users.active_filter, None)
    users.table.selectRow(find_row(users.table, "admin"))
    users.table.selectRow(find_row(users.table, "kim.sj"))
    assert users.current.login == "kim.sj"
    assert not users.shown_password.isVisibleTo(users) and users.shown_password.text() == ""  # never shown again
    kinds = [e.kind for e in Event.select().where(Event.entity == "user").order_by(Event.id)]
    assert kinds == ["created", "roles_changed", "channels_changed", "disabled", "enabled", "password_reset"]


def test_generated_password_on_creation_and_short_password_refused(qtbot, bank, monkeypatch):
    editor = UserEditor(session_of(bank, language="ko"))
    qtbot.addWidget(editor)
    users = editor.users
    click(qtbot, users, "user_new")
    users.login.setText("park")
    users.name.setText("박민지")
    click(qtbot, users, "user_save")
    assert users.shown_password.isVisibleTo(users)
    assert session_service.authenticate("park", users.shown_password.text()).roles == frozenset({"customer"})
    monkeypatch.setattr(users_module.ResetPasswordDialog, "ask", classmethod(lambda cls, parent, login: (True, "abc")))
    click(qtbot, users, "user_reset_password")
    assert users.message.text() == "암호는 10자 이상이어야 합니다 (입력: 3자)."


def test_last_administrator_cannot_be_removed_or_disabled(qtbot, bank):
    editor = UserEditor(session_of(bank, language="en"))
    qtbot.addWidget(editor)
    users = editor.users
    users.table.selectRow(find_row(users.table, "admin"))
    assert users.current.login == "admin"
    users.name.setText("Renamed admin")
    users.role_boxes["admin"].setChecked(False)
    click(qtbot, users, "user_save")
    assert "is the last active administrator, so you cannot take the administrator role away" in \
        users.message.text()
    assert User.get_by_id(bank.id("admin")).name == "admin님"  # the rename did not slip through either
    click(qtbot, users, "user_active")
    assert users.message.text() == "You cannot disable your own account; ask another administrator."
    assert User.get_by_id(bank.id("admin")).is_active
    assert not Event.select().where(Event.entity == "user").exists()


def test_teams_created_moved_and_disabled_only_when_empty(qtbot, bank):
    editor = UserEditor(session_of(bank, language="ko"))
    qtbot.addWidget(editor)
    teams = editor.teams
    click(qtbot, teams, "team_new")
    teams.code.setText("IT")
    teams.name.setText("IT본부")
    teams.name_en.setText("IT division")
    click(qtbot, teams, "team_save")
    assert teams.message.text() == "IT을(를) 저장했습니다."
    it_id = teams.current.id
    assert editor.users.team.findData(it_id) >= 0  # the users' team picker follows
    # move the bank's team under IT
    teams.table.selectRow(_row_of_team(teams, bank.team_id))
    pick(teams.parent_team, it_id)
    click(qtbot, teams, "team_save")
    assert teams.table.item(_row_of_team(teams, bank.team_id), 2).text() == "IT본부"
    # IT under its own sub-team: refused
    teams.table.selectRow(_row_of_team(teams, it_id))
    pick(teams.parent_team, bank.team_id)
    click(qtbot, teams, "team_save")
    assert "하위 팀" in teams.message.text()
    # the bank's team has members: disabling is refused with the count
    teams.table.selectRow(_row_of_team(teams, bank.team_id))
    click(qtbot, teams, "team_active")
    assert "활성 사용자 9명" in teams.message.text()
    assert bank.team_id in {t.value for t in session_service.teams()}
    kinds = [e.kind for e in Event.select().where(Event.entity == "team").order_by(Event.id)]
    assert kinds == ["created", "updated"]


def _row_of_team(teams, team_id: int) -> int:
    for row in range(teams.table.rowCount()):
        if teams.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == team_id:
            return row
    raise AssertionError(team_id)


def test_admin_page_shows_both_screens_and_passes_on_open_case(qtbot, bank):
    page = AdminPage(session_of(bank, language="ko"))
    qtbot.addWidget(page)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "구성 항목" in titles and "사용자 및 팀" in titles
    with qtbot.waitSignal(page.sig_open_case) as opened:
        page.screens["cis"].sig_open_case.emit(42)
    assert opened.args == [42]


def test_disabling_a_handler_with_open_cases_says_so(qtbot, bank):
    registered = case_service.register_incident(actor_id=bank.id("customer"), title="조회 지연", description="-",
                                                application_id=bank.app.id, urgency="low",
                                                incident_type="application")
    editor = UserEditor(session_of(bank, language="ko"))
    qtbot.addWidget(editor)
    users = editor.users
    users.table.selectRow(find_row(users.table, "handler"))
    click(qtbot, users, "user_active")
    assert users.message.text() == ("handler은(는) 더 이상 로그인할 수 없습니다. 이력은 그대로 남습니다. "
                                    "처리 중인 건 1건이 아직 이 사용자에게 배정되어 있습니다. "
                                    "다른 담당자에게 넘기세요.")
    assert Incident.get_by_id(registered.case_id).assignee_id == bank.id("handler")  # history is not rewritten


def test_a_temporary_password_is_changed_at_the_first_sign_in(bank, qtbot):
    from desktop.workflow.admin import people

    install_language("en")
    handed_out = people.reset_password(actor_id=bank.id("admin"), user_id=bank.id("handler"))
    actor = session_service.authenticate("handler", handed_out)
    assert actor.must_change_password
    dialog = dialogs.ChangePasswordDialog(actor, language="en", forced=True)
    qtbot.addWidget(dialog)
    assert "temporary password" in dialog.error.text()
    dialog.current.setText(handed_out)
    dialog.new.setText("short")
    dialog.again.setText("short")
    dialog.try_change()
    assert not dialog.changed and "at least 10" in dialog.error.text()
    dialog.new.setText("my very own pass")
    dialog.again.setText("my very own pass 2")
    dialog.try_change()
    assert not dialog.changed and dialog.error.text() == "The two new passwords differ."
    dialog.again.setText("my very own pass")
    dialog.try_change()
    assert dialog.changed
    assert not session_service.authenticate("handler", "my very own pass").must_change_password
    with pytest.raises(BeaconError):
        session_service.authenticate("handler", handed_out)
