"""The signed-in user and language of this client window (view-side state)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.workflow.common.actors import Actor


@dataclass
class ClientSession:
    """Who is signed in, where, and in which language the window speaks."""

    actor: Actor
    database_url: str
    language: str = "ko"
    time_zone: str = "Asia/Seoul"
    locked: frozenset[str] = frozenset()  # settings the organisation's site file locks (View menu disables them)
    theme: str = "light"

    def pick(self, ko: str, en: str) -> str:
        """Data labels come in both languages; show the one the user chose."""
        return en if self.language == "en" and en else ko
