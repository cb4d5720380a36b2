"""Drive cases through the workflow services and read the text of the PDFs made from them."""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta
from typing import Any

from pypdf import PdfReader

from desktop.workflow.cases import case_service as cs
from tests.bank import Bank

CLOSE = {"resolution": "WAS 재기동으로 세션 풀 회복", "cause": "세션 풀 고갈", "result": "서비스 정상화",
         "follow_up_plan": "세션 풀 모니터링 강화", "recurrence_prevention": "세션 풀 상한 확대와 누수 점검"}


def pdf_pages(data: bytes, pages: slice | None = None) -> list[str]:
    """The extracted text of each page (or of the pages in `pages`)."""
    reader = PdfReader(io.BytesIO(data))
    chosen = reader.pages[pages] if pages is not None else reader.pages
    return [page.extract_text() or "" for page in chosen]


def pdf_text(data: bytes) -> str:
    return "\n".join(pdf_pages(data))


def page_total(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def body_text(data: bytes, pages: slice | None = None) -> str:
    """The text between the header band and the footer of every page, in reading order.

    Page furniture (running header, page number, print time) is left out, so a
    paragraph that runs over a page break reads on without interruption.
    """
    reader = PdfReader(io.BytesIO(data))
    chosen = reader.pages[pages] if pages is not None else reader.pages
    parts: list[str] = []
    for page in chosen:
        height = float(page.mediabox.height)

        def visit(text: str, cm: Any, tm: Any, font: Any, size: Any, height: float = height) -> None:
            y = tm[5] * cm[3] + cm[5]
            if 36 < y < height - 36:  # below the header band (11 mm) and above the footer rule (11 mm)
                parts.append(text)

        page.extract_text(visitor_text=visit)
    return "".join(parts)


def squash(text: str) -> str:
    """Text without any whitespace: wrapping may put a line break anywhere a space was (or inside a word)."""
    return re.sub(r"\s+", "", text)


class Incident:
    """One incident moved by the bank's people at given times (naive UTC)."""

    def __init__(self, bank: Bank, at: datetime, *, urgency: str = "high", title: str = "인터넷뱅킹 로그인 지연",
                 description: str = "로그인 10초 이상 소요") -> None:
        self.bank = bank
        result = cs.register_incident(actor_id=bank.id("customer"), title=title, description=description,
                                      application_id=bank.app.id, urgency=urgency, incident_type="application",
                                      now=at)
        self.id = result.case_id
        self.number = result.number

    def fire(self, name: str, at: datetime, by: str = "handler", **fields: Any) -> None:
        cs.transition(actor_id=self.bank.id(by), case_id=self.id, name=name, version=None, fields=fields or None,
                      now=at)

    def handle(self, at: datetime, *, accept_after: int = 5) -> datetime:
        """Accept and start; returns when handling started."""
        started = at + timedelta(minutes=accept_after)
        self.fire("accept", started)
        self.fire("start", started)
        return started

    def action(self, at: datetime, body: str, *, kind: str = "investigation", by: str = "handler",
               minutes: int | None = None) -> None:
        cs.add_action(actor_id=self.bank.id(by), case_id=self.id, body=body, kind=kind, acted_at=at,
                      minutes_spent=minutes, now=at)

    def work_order(self, at: datetime, done_at: datetime, *, result: str = "힙 덤프 분석 완료, 누수 지점 확인") -> str:
        issued = cs.issue_work_order(actor_id=self.bank.id("handler"), parent_id=self.id, title="힙 덤프 분석",
                                     instructions="WAS 1호기 힙 덤프를 받아 분석", now=at)
        cs.start_work_order(actor_id=self.bank.id("second"), case_id=issued.case_id, version=None, now=at)
        cs.complete_work_order(actor_id=self.bank.id("second"), case_id=issued.case_id, version=None, result=result,
                               now=done_at)
        return issued.number

    def change(self, at: datetime) -> str:
        return cs.request_change(actor_id=self.bank.id("handler"), parent_id=self.id, title="세션 풀 설정 변경",
                                 description="max 200 → 400", now=at).number

    def problem(self, at: datetime) -> str:
        return cs.link_problem(actor_id=self.bank.id("handler"), incident_id=self.id,
                               new_problem={"title": "세션 풀 고갈 반복", "description": "월말마다 재발"},
                               now=at).problem_number

    def close(self, at: datetime, **texts: Any) -> None:
        self.fire("close", at, **{**CLOSE, **texts})
