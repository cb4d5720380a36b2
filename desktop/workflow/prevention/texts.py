"""Every word the prevention wing shows or reads: problem candidates, the early warning, and the small
bilingual vocabulary the detector matches titles with.

Korean and English side by side; the modules of this package hold keys. `CANDIDATE_TEXTS` and
`WARNING_TEXTS` are catalogs (key → {"ko": ..., "en": ...}); `SYNONYMS`, `STOPWORDS` and `KO_ENDINGS`
are the vocabulary: words that mean the same thing in a bank's incident titles, in either language,
count as one word when titles are compared (and the evidence says which).
"""

from __future__ import annotations

from desktop.i18n import Catalog

CANDIDATE_TEXTS = Catalog({
    "page": {"ko": "문제 후보", "en": "Problem candidates"},
    "create_problem": {"ko": "문제 등록", "en": "Create problem"},
    "dismiss": {"ko": "후보 제외", "en": "Dismiss"},
    "dismiss_reason": {"ko": "제외 사유", "en": "Reason for dismissing"},
    "problem_title": {"ko": "[반복 장애] {application}: {words}", "en": "[Recurring] {application}: {words}"},
    "problem_description": {
        "ko": "{count}건의 비슷한 장애가 {first} ~ {last} 사이에 반복되었습니다 (공통 단어: {words}). "
              "총 장애 시간 {downtime}.\n\n{numbers}",
        "en": "{count} similar incidents recurred between {first} and {last} (common words: {words}). "
              "Total downtime {downtime}.\n\n{numbers}"},
    "why": {
        "ko": "{application}에서 {days}일 안에 {peak}건 (기준 {min}건 이상 / {window}일), 공통 단어: {words}",
        "en": "{peak} incidents on {application} within {days} days (threshold: {min} in {window} days), "
              "common words: {words}"},
    "no_words": {"ko": "(원인이 비슷함)", "en": "(similar causes)"},
    "assigned_matrix": {"ko": "업무시스템의 문제 관리자 (매트릭스)",
                        "en": "the application's problem manager (matrix)"},
    "assigned_actor": {"ko": "등록한 문제 관리자 본인", "en": "the problem manager who created it"},
    "assigned_team": {"ko": "업무시스템 담당 팀의 문제 관리자", "en": "a problem manager of the application's team"},
    "assigned_any": {"ko": "문제 관리자", "en": "a problem manager"},
    "not_linked_state": {"ko": "{number}: 현재 상태({state})에서는 문제를 연결할 수 없음",
                         "en": "{number}: cannot be linked to a problem in its state ({state})"},
    "group": {"ko": "문제 후보", "en": "problem candidate"},
    "incidents_of_group": {"ko": "후보의 장애", "en": "the candidate's incidents"},
    "reason": {"ko": "제외 사유", "en": "reason"},
    "days": {"ko": "조회 일수", "en": "days to look back"},
    "at_least_one": {"ko": "1 이상의 정수", "en": "a whole number of at least 1"},
    "dismissed_before": {"ko": "{who}이(가) {when}에 제외함: {reason}", "en": "Dismissed by {who} on {when}: {reason}"},
    # the CLI's table
    "cli.none": {"ko": "문제 후보가 없습니다 (최근 {days}일).", "en": "No problem candidates (last {days} days)."},
    "cli.header": {"ko": "문제 후보 {count}개 (최근 {days}일, {min}건 이상 / {window}일)",
                   "en": "{count} problem candidates (last {days} days, {min} or more in {window} days)"},
    "cli.group": {"ko": "{application} · {count}건 · {first} ~ {last} · 장애 시간 {downtime} · 공통: {words}",
                  "en": "{application} · {count} incidents · {first} to {last} · downtime {downtime} · "
                        "common: {words}"},
})

WARNING_TEXTS = Catalog({
    "note": {"ko": "대형 장애 조기 경보: {application}에 {minutes}분 안에 장애 {count}건",
             "en": "Major incident early warning: {count} incidents on {application} within {minutes} minutes"},
    "note_ci": {"ko": "대형 장애 조기 경보: {ci}을(를) 함께 쓰는 업무시스템에 {minutes}분 안에 장애 {count}건",
                "en": "Major incident early warning: {count} incidents within {minutes} minutes on applications "
                      "sharing {ci}"},
    "make_parent": {"ko": "상위 장애 지정", "en": "Make parent"},
    "handled": {"ko": "조기 경보 처리", "en": "Handle early warning"},
    "warning": {"ko": "조기 경보", "en": "early warning"},
    "parent_not_in_burst": {"ko": "{number}은(는) 이 경보의 장애가 아닙니다",
                            "en": "{number} is not one of this warning's incidents"},
})

# Words that mean one thing, in Korean and English: the first is the concept's name in the evidence.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "error": ("오류", "에러", "error", "errors", "fault", "failure", "fail", "failed", "failing", "실패", "fails"),
    "slow": ("지연", "느림", "느려짐", "느려", "느린", "속도저하", "저하", "slow", "slowness", "slowdown", "delay",
             "delayed", "latency", "sluggish", "lag"),
    "timeout": ("타임아웃", "시간초과", "timeout", "timeouts", "timed", "응답없음", "무응답"),
    "down": ("중단", "다운", "불가", "먹통", "down", "outage", "unavailable", "unreachable", "stopped", "dead"),
    "login": ("로그인", "login", "logon", "log-in", "signin", "sign-in", "로그온"),
    "connect": ("접속", "연결", "connect", "connection", "connections", "connecting", "connectivity"),
    "transfer": ("이체", "송금", "transfer", "transfers", "remittance", "wire"),
    "payment": ("결제", "지급", "payment", "payments", "pay"),
    "batch": ("배치", "batch", "job", "jobs"),
    "print": ("출력", "인쇄", "print", "printing", "printer", "프린터"),
    "query": ("조회", "inquiry", "query", "lookup", "search", "검색"),
    "certificate": ("인증서", "certificate", "cert", "certificates"),
    "auth": ("인증", "authentication", "auth", "otp"),
    "password": ("비밀번호", "패스워드", "암호", "password", "passwords"),
    "account": ("계좌", "account", "accounts"),
    "card": ("카드", "card", "cards"),
    "loan": ("대출", "loan", "loans"),
    "fx": ("환전", "외환", "환율", "fx", "exchange", "currency"),
    "duplicate": ("중복", "이중", "duplicate", "duplicated", "double", "twice"),
    "missing": ("누락", "missing", "lost", "absent"),
    "screen": ("화면", "screen", "page", "pages", "ui"),
    "report": ("보고서", "리포트", "report", "reports"),
    "database": ("db", "데이터베이스", "database"),
    "disk": ("디스크", "disk", "storage", "용량"),
    "memory": ("메모리", "memory", "oom"),
    "mobile": ("모바일", "mobile", "앱"),
    "statement": ("명세서", "거래내역", "statement", "statements"),
    "balance": ("잔액", "잔고", "balance"),
    "interest": ("이자", "금리", "interest"),
    "approval": ("승인", "결재", "approval", "approve"),
    "upload": ("업로드", "upload", "uploads", "첨부"),
    "download": ("다운로드", "download", "downloads"),
    "sync": ("동기화", "sync", "synchronization", "replication"),
    "cut": ("마감", "closing", "cutoff", "eod"),
}

STOPWORDS = frozenset((
    "the", "a", "an", "on", "in", "of", "is", "to", "for", "and", "or", "with", "at", "after", "when", "not",
    "from", "by", "be", "was", "are", "we", "our", "it", "its", "this", "that", "some", "all", "no", "cannot",
    "can", "does", "did", "do", "during", "again", "while", "very", "still", "issue", "issues", "problem",
    "incident", "occurs", "occurred", "occurring", "happens", "users", "user", "customer", "customers",
    "발생", "현상", "문제", "장애", "건", "및", "중", "시", "관련", "일부", "계속", "다시", "간헐적", "간헐", "사용자",
    "고객", "확인", "요청", "안됨", "됨", "안", "못함", "함",
))

# Particles and endings cut from a Korean word before it is compared ("로그인이" → "로그인"), longest first.
KO_ENDINGS = ("에서는", "으로는", "에서의", "하면서", "되었음", "되어서", "했습니다", "합니다", "됩니다", "되지",
              "에서", "으로", "에게", "까지", "부터", "하여", "해서", "하는", "되는", "되어", "됨", "함", "시",
              "이", "가", "은", "는", "을", "를", "의", "에", "로", "와", "과", "도", "만", "중")
