"""A labelled fixture for similar cases: incidents that really recur, written the way different people write
them (Korean and English, other words for the same fault), among unrelated noise.

Each group is one fault that came back: the same application, paraphrased titles, the same cause. A test asks
for each incident's similar cases and counts how many of its group come back in the top k (recall) and how many
of what comes back is of its group (precision). The noise shares applications and words with the groups
(another fault of Internet Banking, another "slow"), so a search that goes by the application or by one word
alone scores badly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from desktop.models import CIRelation, ConfigurationItem, ImpactLevel, Incident, User
from tests import factories

NOW = datetime(2026, 6, 30, 3, 0)  # UTC

# code, Korean name, English name
APPLICATIONS = (
    ("APP-IB", "인터넷뱅킹", "Internet Banking"),
    ("APP-MB", "모바일뱅킹", "Mobile Banking"),
    ("APP-CORE", "계정계", "Core Banking"),
    ("APP-CARD", "카드승인", "Card Authorization"),
    ("APP-GW", "그룹웨어", "Groupware"),
    ("APP-EXT", "대외계(금융결제원 연계)", "External Gateway (KFTC)"),
    ("APP-BRANCH", "영업점 단말", "Branch Terminal"),
    ("APP-INFO", "정보계", "Information System (DW)"),
)

# group name → (application code, cause, resolution, titles as different people wrote them)
GROUPS: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "ib_login_slow": ("APP-IB", "WAS 세션 풀 고갈", "WAS 재기동", (
        "인터넷뱅킹 로그인 지연",
        "인터넷뱅킹 로그인이 너무 느려요",
        "Internet Banking login is slow",
        "로그인 시 응답 지연 심함",
        "Internet Banking sign-in takes long",
        "인터넷뱅킹 로그인 10초 이상 지연",
    )),
    "mb_transfer_fail": ("APP-MB", "이체 한도 테이블 잠금", "잠금 세션 정리", (
        "모바일뱅킹 간편이체 실패",
        "모바일 간편이체 오류로 송금 안 됨",
        "Mobile Banking quick transfer fails",
        "간편이체 실패 다수 발생",
        "Transfer failed in the mobile app",
    )),
    "core_batch_late": ("APP-CORE", "배치 선행 작업 대기", "선행 작업 재실행", (
        "계정계 배치 작업 지연",
        "야간 배치가 늦게 끝남",
        "Core Banking nightly batch delayed",
        "계정계 일괄 작업 지연으로 개시 늦어짐",
        "Batch job running late on core banking",
    )),
    "card_timeout": ("APP-CARD", "VAN 전용회선 지연", "회선 절체", (
        "카드승인 응답시간 초과",
        "카드 승인 타임아웃 발생",
        "Card authorization timeout",
        "Card approval timed out at VAN",
        "카드 승인 시간 초과 급증",
    )),
    "gw_mail_slow": ("APP-GW", "메일 큐 적체", "메일 큐 정리", (
        "그룹웨어 메일 발송 지연",
        "메일이 늦게 발송됨",
        "Groupware outgoing mail delayed",
        "Sending email is slow in Groupware",
        "그룹웨어 메일 전송 느림",
    )),
    "ib_cert_login": ("APP-IB", "인증서 검증 모듈 오류", "검증 모듈 재배포", (
        "인터넷뱅킹 공동인증서 로그인 실패",
        "인증서 로그인 안 됨",
        "Certificate login fails on Internet Banking",
        "공동인증서 로그인 오류",
        "Cannot sign in with my certificate",
    )),
    "ext_interbank_slow": ("APP-EXT", "금융결제원 회선 지연", "백업 회선 전환", (
        "타행이체 금융결제원 응답 지연",
        "타행 송금 응답이 늦음",
        "Interbank transfer response from KFTC delayed",
        "KFTC response slow for interbank transfers",
        "타행이체 응답 느림",
    )),
    "mb_app_crash": ("APP-MB", "앱 배포 버전 호환 오류", "이전 버전 롤백", (
        "모바일뱅킹 앱 실행 시 강제 종료",
        "앱이 실행하자마자 꺼짐",
        "Mobile Banking app crashes on launch",
        "App force closes at startup",
        "모바일 앱 실행 중 튕김",
    )),
    "ib_history_missing": ("APP-IB", "조회 쿼리 조건 오류", "쿼리 수정 배포", (
        "인터넷뱅킹 거래내역 조회 결과 누락",
        "거래내역 일부가 안 보임",
        "Transaction history missing entries in Internet Banking",
        "거래 내역 조회 시 누락 건 발생",
        "Internet Banking history inquiry omits transactions",
    )),
    "branch_passbook": ("APP-BRANCH", "프린터 드라이버 충돌", "드라이버 재설치", (
        "영업점 통장 프린터 인자 오류",
        "통장 인쇄가 안 됨",
        "Passbook printer error at branch",
        "영업점 통장 프린터 고장",
        "Branch passbook printing fails",
    )),
}

# unrelated incidents, some on the groups' applications and with their words
NOISE: tuple[tuple[str, str], ...] = (
    ("APP-IB", "인터넷뱅킹 이체 처리 중 오류 발생"),
    ("APP-IB", "인터넷뱅킹 WAS 메모리 부족"),
    ("APP-IB", "Internet Banking unusual login attempts surge"),
    ("APP-IB", "인터넷뱅킹 접속 불가"),
    ("APP-MB", "모바일뱅킹 푸시 알림 미수신"),
    ("APP-MB", "Mobile Banking balance shown wrong"),
    ("APP-MB", "모바일뱅킹 생체인증 등록 오류"),
    ("APP-CORE", "계정계 원장 잔액 불일치"),
    ("APP-CORE", "Core banking TP monitor process died"),
    ("APP-CORE", "계정계 이자 계산 결과 오류"),
    ("APP-CARD", "해외 카드 승인 거절 급증"),
    ("APP-CARD", "카드 부정사용 탐지 경보 누락"),
    ("APP-CARD", "Check card payment not withdrawn"),
    ("APP-GW", "그룹웨어 게시판 조회 느림"),
    ("APP-GW", "전자결재 상신 오류"),
    ("APP-GW", "Groupware attachment upload fails"),
    ("APP-EXT", "오픈뱅킹 API 호출 실패"),
    ("APP-EXT", "대외계 인증서 갱신 누락"),
    ("APP-EXT", "CMS withdrawal result file not received"),
    ("APP-BRANCH", "영업점 단말 로그인 실패"),
    ("APP-BRANCH", "Branch terminal screen freezes"),
    ("APP-BRANCH", "번호표 발행기 연동 오류"),
    ("APP-INFO", "정보계 ETL 작업 실패"),
    ("APP-INFO", "경영정보 보고서 조회 지연"),
    ("APP-INFO", "DW server disk usage over threshold"),
    ("APP-INFO", "규제 보고 데이터 건수 불일치"),
    ("APP-IB", "인터넷뱅킹 공지사항 게시 요청"),
    ("APP-MB", "Mobile Banking FAQ page typo"),
    ("APP-CORE", "계정계 마감 후 거래 반영 누락"),
    ("APP-CARD", "카드 VAN 전용회선 단절"),
)


@dataclass
class Fixture:
    apps: dict[str, ConfigurationItem]
    label: dict[int, str] = field(default_factory=dict)  # incident id → group ("" for noise)
    members: dict[str, list[int]] = field(default_factory=dict)
    titles: dict[int, str] = field(default_factory=dict)
    application: dict[int, int] = field(default_factory=dict)
    reporter: User | None = None


def make_fixture(reporter: User, *, seed: int = 21) -> Fixture:
    """The applications (IB and MB share a gateway server), the groups and the noise, registered over the last
    80 days before NOW; most closed with the group's cause, the newest of a group sometimes still open."""
    rng = random.Random(seed)
    high = ImpactLevel.get(ImpactLevel.code == "high")
    apps = {code: factories.application(code=code, name=name, name_en=name_en, impact=high)
            for code, name, name_en in APPLICATIONS}
    gateway = ConfigurationItem.create(code="SRV-APIGW", name="API 게이트웨이 서버", name_en="API gateway server",
                                       kind="server", impact=high)
    for code in ("APP-IB", "APP-MB"):
        CIRelation.create(source=apps[code], target=gateway, kind="runs_on")
    fixture = Fixture(apps=apps, reporter=reporter)
    rows: list[tuple[str, str, str, str, str]] = []
    for group, (code, cause, resolution, titles) in GROUPS.items():
        rows += [(group, code, title, cause, resolution) for title in titles]
    rows += [("", code, title, "기타 원인", "조치 완료") for code, title in NOISE]
    rng.shuffle(rows)
    for i, (group, code, title, cause, resolution) in enumerate(rows):
        registered = NOW - timedelta(days=80 * (len(rows) - i) / len(rows), minutes=rng.randint(0, 600))
        still_open = registered > NOW - timedelta(days=6) and rng.random() < 0.6
        closed = None if still_open else registered + timedelta(hours=rng.randint(1, 30))
        incident: Incident = factories.incident(
            reporter=reporter, app=apps[code], at=registered, title=title, description="",
            state="in_progress" if still_open else "closed", closed_at=closed, resolved_at=closed,
            cause="" if still_open else cause, resolution="" if still_open else resolution)
        fixture.label[incident.case_id] = group
        fixture.titles[incident.case_id] = title
        fixture.application[incident.case_id] = apps[code].id
        if group:
            fixture.members.setdefault(group, []).append(incident.case_id)
    return fixture
