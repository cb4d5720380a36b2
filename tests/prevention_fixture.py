"""A labelled fixture for the problem-candidate detector: incidents that really recur, with their titles
paraphrased in Korean and English as different people write them, among unrelated noise.

Each recurring group is one fault on one application (`label`), written four to seven times within a
month in different words; the noise is one-off incidents on the same applications, some sharing a word
or two with a group ("login" on a transfer fault), and a few faults that recur too slowly (once a month)
to count. `expected()` is the truth the detector is scored against.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

# the applications (code → Korean and English names): their names say nothing about which fault it is
APPLICATIONS: dict[str, tuple[str, str]] = {
    "IB": ("인터넷뱅킹", "Internet banking"),
    "MB": ("모바일뱅킹", "Mobile banking"),
    "CORE": ("계정계", "Core banking"),
    "CARD": ("카드승인", "Card authorisation"),
    "FX": ("외환", "Foreign exchange"),
    "DW": ("정보계", "Data warehouse"),
}

# fault → paraphrases (Korean and English), as different customers and monitoring would title them
RECURRING: dict[str, tuple[str, list[str], list[str]]] = {
    "ib-login": (
        "IB",
        [
            "인터넷뱅킹 로그인 오류",
            "로그인 시 에러 발생",
            "인터넷뱅킹 로그인이 안됨 (오류)",
            "로그인 실패 오류 메시지",
            "Internet banking login error",
            "Login fails with an error",
            "users get login errors on internet banking",
        ],
        ["세션 서버 메모리 부족", "Session server out of memory"],
    ),
    "ib-cert": (
        "IB",
        [
            "공동인증서 인증 오류",
            "인증서 로그인 인증 실패",
            "인증서 인증 에러 발생",
            "Certificate authentication error",
            "certificate auth failed on sign-in",
        ],
        ["인증서 검증 모듈 오류", "certificate validation module fault"],
    ),
    "mb-transfer-slow": (
        "MB",
        [
            "모바일뱅킹 이체 지연",
            "이체 처리 느림",
            "모바일 이체 속도저하",
            "이체 응답 지연 발생",
            "Mobile transfer slow",
            "Transfers are delayed in the mobile app",
            "transfer latency high",
        ],
        ["이체 배치와 DB 락 경합", "DB lock contention with transfer batch"],
    ),
    "core-batch": (
        "CORE",
        [
            "야간 배치 작업 실패",
            "마감 배치 오류로 중단",
            "배치 작업이 실패함",
            "Nightly batch job failed",
            "batch job failure overnight",
            "EOD batch failed",
        ],
        ["배치 스케줄러 디스크 용량 부족", "scheduler disk full"],
    ),
    "card-approval-timeout": (
        "CARD",
        [
            "카드 승인 타임아웃",
            "카드 승인 응답없음",
            "카드 승인 시간초과 발생",
            "Card approval timeout",
            "card approvals timing out",
            "approval timeout on card payments",
        ],
        ["VAN 회선 지연", "VAN line latency"],
    ),
    "fx-rate-missing": (
        "FX",
        [
            "환율 조회 누락",
            "외환 환율 누락 발생",
            "환율 정보가 누락됨",
            "FX rate missing",
            "exchange rate missing in query screen",
        ],
        ["환율 수신 인터페이스 오류", "rate feed interface error"],
    ),
    "dw-report-print": (
        "DW",
        ["보고서 출력 오류", "리포트 인쇄 에러", "보고서 출력 안됨", "Report printing error", "reports fail to print"],
        ["출력 서버 스풀 가득참", "print spool full"],
    ),
    "ib-statement-dup": (
        "IB",
        [
            "거래내역 중복 조회",
            "거래내역이 중복 표시됨",
            "명세서 중복 발생",
            "Duplicate statement entries",
            "statement shows duplicated transactions",
        ],
        ["조회 쿼리 조인 오류", "query join bug"],
    ),
}

# one-off incidents (no group): some share words with the groups above
NOISE: list[tuple[str, str]] = [
    ("IB", "이체 화면 글자 깨짐"),
    ("IB", "Password reset email not received"),
    ("IB", "공지사항 팝업 미표시"),
    ("IB", "비밀번호 변경 화면 오류"),
    ("IB", "Banner image broken on main page"),
    ("IB", "약관 링크 404"),
    ("MB", "모바일 앱 푸시 알림 미수신"),
    ("MB", "App crashes on Android 14 camera"),
    ("MB", "지문 등록 안내 문구 오타"),
    ("MB", "잔액 표시 소수점 오류"),
    ("MB", "Mobile login button misaligned"),
    ("MB", "QR 결제 화면 멈춤"),
    ("CORE", "계좌 개설 서식 누락"),
    ("CORE", "이자 계산 결과 검증 요청"),
    ("CORE", "Core ledger archive slow"),
    ("CORE", "대출 상환 스케줄 표시 오류"),
    ("CORE", "Customer address sync error"),
    ("CARD", "카드 분실 신고 접수 지연"),
    ("CARD", "Card limit screen shows old value"),
    ("CARD", "가맹점 정산 파일 누락"),
    ("FX", "외화 송금 수수료 표시 오류"),
    ("FX", "SWIFT message format warning"),
    ("FX", "환전 우대율 문구 수정"),
    ("DW", "DW 적재 지연"),
    ("DW", "Dashboard chart colours wrong"),
    ("DW", "월간 통계 수치 불일치"),
]

# faults that recur, but too slowly to be a candidate (one a month)
SLOW: dict[str, tuple[str, list[str]]] = {
    "ib-slow-monthly": ("IB", ["인터넷뱅킹 접속 지연", "Internet banking connection slow", "접속 속도 느림"]),
    "card-print-monthly": ("CARD", ["카드 명세서 출력 오류", "Card statement print error", "명세서 인쇄 에러"]),
}


@dataclass(frozen=True)
class FixtureIncident:
    key: int
    application: str
    title: str
    cause: str
    registered_at: datetime
    label: str  # the recurring fault, or "" for noise


def build(*, seed: int = 21, now: datetime = datetime(2026, 6, 30, 9, 0)) -> list[FixtureIncident]:
    """The fixture's incidents, oldest first (same seed, same incidents)."""
    rng = random.Random(seed)
    out: list[FixtureIncident] = []
    for label, (app, titles, causes) in RECURRING.items():
        start = now - timedelta(days=rng.randint(10, 80))
        count = rng.randint(4, min(7, len(titles)))
        for i, title in enumerate(rng.sample(titles, count)):
            at = start + timedelta(days=rng.uniform(0, 25), hours=rng.uniform(0, 8))
            cause = rng.choice(causes) if i % 2 == 0 else ""
            out.append(FixtureIncident(0, app, title, cause, min(at, now - timedelta(hours=1)), label))
    for app, title in NOISE:
        out.append(FixtureIncident(0, app, title, "", now - timedelta(days=rng.uniform(1, 85)), ""))
    for _label, (app, titles) in SLOW.items():
        for i, title in enumerate(titles):
            # one a month: never three within the window (the label is empty: not a candidate)
            out.append(FixtureIncident(0, app, title, "", now - timedelta(days=5 + 34 * i), ""))
    out.sort(key=lambda f: f.registered_at)
    return [
        FixtureIncident(i + 1, f.application, f.title, f.cause, f.registered_at, f.label) for i, f in enumerate(out)
    ]


def expected(incidents: list[FixtureIncident]) -> dict[str, set[int]]:
    """The true groups: label → the keys of its incidents."""
    groups: dict[str, set[int]] = {}
    for f in incidents:
        if f.label:
            groups.setdefault(f.label, set()).add(f.key)
    return groups


def score(found: list[set[int]], truth: dict[str, set[int]]) -> tuple[float, float]:
    """Pairwise precision and recall: of the incident pairs the detector put together, how many truly recur
    together; of the pairs that truly do, how many it found."""

    def pairs(groups: list[set[int]]) -> set[tuple[int, int]]:
        return {(a, b) for g in groups for a in g for b in g if a < b}

    got, want = pairs(found), pairs(list(truth.values()))
    precision = len(got & want) / len(got) if got else 0.0
    recall = len(got & want) / len(want) if want else 1.0
    return precision, recall
