"""The first-start dialog's TLS settings (issue 17, "Connections"): they become libpq parameters in the URL, the
connection test uses them, every input has a name a screen reader can say, and the dialog fits 1366×768."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QSpinBox

from desktop.errors import DatabaseError
from desktop.models.db import parse_url
from desktop.views import first_run
from desktop.views.first_run import FirstRunDialog
from desktop.views.i18n import install_language


@pytest.fixture
def dialog(qtbot):
    install_language("en")
    made = FirstRunDialog(language="en")
    qtbot.addWidget(made)
    made.server.setChecked(True)
    made.host.setText("db.bank.example")
    made.user.setText("kim")
    made.password.setText("s3cret&pw")
    return made


def test_tls_settings_become_libpq_parameters_of_the_url(dialog, tmp_path):
    base = "postgresql://kim:s3cret%26pw@db.bank.example:5432/beacon"
    assert dialog.url() == base  # prefer (libpq's default) adds nothing
    ca = tmp_path / "bank CA" / "root.crt"
    dialog.sslrootcert.setText(str(ca))
    assert dialog.sslmode.currentData() == "verify-full"  # a CA file given: check the chain and the host name
    dialog.sslcert.setText("/home/kim/.postgresql/kim.crt")
    dialog.sslkey.setText("/home/kim/.postgresql/kim.key")
    url = dialog.url()
    assert url.startswith(base + "?sslmode=verify-full&sslrootcert=")
    params = parse_url(url).connect_kwargs()
    assert params["sslmode"] == "verify-full" and params["sslrootcert"] == str(ca)  # the space survives
    assert params["sslcert"] == "/home/kim/.postgresql/kim.crt" and params["sslkey"] == "/home/kim/.postgresql/kim.key"
    assert params["password"] == "s3cret&pw" and params["host"] == "db.bank.example"

    dialog.sslrootcert.clear()
    assert dialog.sslmode.currentData() == "prefer"
    index = dialog.sslmode.findData("require")
    dialog.sslmode.setCurrentIndex(index)
    dialog.sslmode.activated.emit(index)  # as a person picking it does
    dialog.sslrootcert.setText(str(ca))
    assert dialog.sslmode.currentData() == "require"  # a choice the person made is kept
    assert parse_url(dialog.url()).connect_kwargs()["sslmode"] == "require"
    dialog.sslmode.setCurrentIndex(dialog.sslmode.findData("disable"))
    assert "sslmode=disable" in dialog.url()


def test_the_connection_test_uses_the_tls_settings_and_says_what_failed(dialog, monkeypatch):
    tried: list[str] = []

    def refuse(url):
        tried.append(url)
        raise DatabaseError("db.tls_failed", where="db.bank.example:5432", reason="untrusted",
                            what={"ko": "서버 인증서를 신뢰할 수 없습니다",
                                  "en": "the server's certificate is not trusted"})

    monkeypatch.setattr(first_run, "check_connection", refuse)
    dialog.sslrootcert.setText("/etc/beacon/ca.crt")
    assert dialog.test_connection() is False
    assert tried == [dialog.url()] and "sslrootcert=/etc/beacon/ca.crt" in tried[0]
    assert "certificate is not trusted" in dialog.result.text() and "s3cret" not in dialog.result.text()


@pytest.mark.parametrize("language", ["ko", "en"])
def test_every_input_is_named_and_the_dialog_fits_a_small_screen(qtbot, language):
    install_language(language)
    dialog = FirstRunDialog(language=language)
    qtbot.addWidget(dialog)
    inputs = dialog.findChildren(QLineEdit) + dialog.findChildren(QComboBox) + dialog.findChildren(QSpinBox)
    inputs = [w for w in inputs if not isinstance(w.parent(), (QComboBox, QSpinBox))]  # not their inner editors
    buttons = dialog.findChildren(QAbstractButton)
    unnamed = [w.objectName() for w in inputs if not w.accessibleName()]
    unnamed += [w.objectName() for w in buttons if not (w.accessibleName() or w.text())]
    assert unnamed == []
    size = dialog.sizeHint().expandedTo(dialog.minimumSizeHint())
    assert size.width() <= 1366 and size.height() <= 768 - 60, size  # leave room for a task bar
    install_language("en")


def test_tab_goes_through_the_tls_fields_each_followed_by_its_browse_button(dialog):
    names, widget = [], dialog.sslmode
    for _ in range(7):
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() == widget.focusPolicy().NoFocus:
            widget = widget.nextInFocusChain()
        names.append(widget.objectName())
    assert names == ["sslrootcert", "browse_sslrootcert", "sslcert", "browse_sslcert", "sslkey", "browse_sslkey",
                     "test_connection"]
