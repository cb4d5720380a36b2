"""Every word the prevention wing shows a person, and the words it reads incidents with.

`TEXTS`: reasons, group names and the command's lines, Korean and English side by side (key →
{"ko": ..., "en": ...}); the modules of this package hold the keys. Templates name their
`{placeholders}`, filled by `Catalog.pick`/`Catalog.pair`.

`CONCEPTS`: what the similar-case search treats as one idea in either language — a typed "로그인이 느려요"
meets a recorded "login is slow". Each entry lists its surface forms per language, separated by "|";
Korean forms match anywhere in a word (particles attach: 로그인이), English forms as whole words or with
a plain ending (fails, failed, slowly); where two forms overlap, the longer one is the idea (공동인증서 is
a certificate, not an authentication). `GENERIC` names the concepts
that say little about which fault it is (an error, a failure), so they weigh less. `STOPWORDS` are words
that never make two incidents alike; `PARTICLES` the endings stripped from a Korean word before it is
compared (로그인이 → 로그인).

Keys of `TEXTS` carry their module's prefix where one was given (`changes.`, `reliability.`).

The problem-candidate detector and the early warning have their own: `CANDIDATE_TEXTS` and `WARNING_TEXTS`
(catalogs), and `SYNONYMS`, `CANDIDATE_STOPWORDS` and `KO_ENDINGS`, the vocabulary the detector matches
titles with (words that mean the same in a bank's incident titles, in either language, count as one).
"""

from __future__ import annotations

from desktop.i18n import Catalog

TEXTS = Catalog({
    # changes.py: "what changed?"
    "changes.same_application": {"ko": "같은 업무시스템", "en": "same application"},
    "changes.related_ci": {"ko": "관련 구성 항목 {ci} ({path})", "en": "related CI {ci} ({path})"},
    "changes.before": {"ko": "발생 {duration} 전", "en": "{duration} before it occurred"},
    "changes.before_registered": {"ko": "등록 {duration} 전 (발생 시각 미기재)",
                                  "en": "{duration} before it was registered (no occurrence time given)"},
    "changes.rel.runs_on": {"ko": "실행 기반", "en": "runs on"},
    "changes.rel.depends_on": {"ko": "의존", "en": "depends on"},
    "changes.rel.connects_to": {"ko": "연결", "en": "connects to"},
    "changes.rel.part_of": {"ko": "상위 항목", "en": "part of"},
    "changes.kind.change": {"ko": "변경", "en": "Change"},
    "changes.kind.work_order": {"ko": "작업 지시", "en": "Work order"},
    "changes.mark_suspected": {"ko": "의심 원인 지정", "en": "Mark suspected cause"},
    "changes.suspected_cause": {"ko": "의심 원인", "en": "Suspected cause"},
    "changes.not_in_list": {
        "ko": "이 장애 발생 전 {days}일 안에 같은 업무시스템이나 관련 구성 항목에서 완료된 변경·작업 지시가 아닙니다",
        "en": "not a change or work order completed on this incident's application or its related CIs in the "
              "{days} days before it",
    },
    # reliability.py
    "reliability.scope_application": {"ko": "업무시스템", "en": "Application"},
    "reliability.scope_ci": {"ko": "구성 항목", "en": "CI"},
    # groups of suggestions
    "group.open": {"ko": "처리 중인 같은 업무시스템 장애 (중복 가능성)",
                   "en": "Open incidents on the same application (possible duplicates)"},
    "group.open_any": {"ko": "처리 중인 비슷한 장애 (중복 가능성)",
                       "en": "Similar open incidents (possible duplicates)"},
    "group.problem": {"ko": "진행 중인 문제와 알려진 오류", "en": "Open problems and known errors"},
    "group.closed": {"ko": "최근 종결된 비슷한 장애", "en": "Recently closed similar incidents"},
    # why a case was suggested: the parts, joined with " · "
    "reason.words": {"ko": "일치 단어: {words}", "en": "matching words: {words}"},
    "reason.like_title": {"ko": "제목 글자 유사 {percent}%", "en": "title {percent}% alike in its letters"},
    "reason.same_application": {"ko": "같은 업무시스템 ({name})", "en": "same application ({name})"},
    "reason.named_application": {"ko": "입력한 글에 나온 업무시스템 ({name})",
                                 "en": "the application your text names ({name})"},
    "reason.shared_ci": {"ko": "구성 항목 공유 ({name})", "en": "shares a CI ({name})"},
    "reason.registered_minutes": {"ko": "{n}분 전 등록", "en": "registered {n} min ago"},
    "reason.registered_hours": {"ko": "{n}시간 전 등록", "en": "registered {n} h ago"},
    "reason.registered_days": {"ko": "{n}일 전 등록", "en": "registered {n} d ago"},
    "reason.closed_today": {"ko": "오늘 종결", "en": "closed today"},
    "reason.closed_days": {"ko": "{n}일 전 종결", "en": "closed {n} d ago"},
    "reason.known_error": {"ko": "알려진 오류 (해결 방법 있음)", "en": "known error (workaround recorded)"},
    "reason.workaround": {"ko": "해결 방법 기록됨", "en": "workaround recorded"},
    "reason.joiner": {"ko": " · ", "en": " · "},
    # the workaround copied into an incident's actions when its known error is linked
    "workaround_action": {"ko": "[{number} 해결 방법] {workaround}", "en": "[{number} workaround] {workaround}"},
    "duplicate_reason": {"ko": "{number}와 같은 장애로 중복 등록", "en": "Duplicate of {number}"},
    "link_known_error": {"ko": "문제 연결 및 해결 방법 복사", "en": "Link problem and copy its workaround"},
    "no_workaround": {"ko": "해결 방법이 아직 기록되지 않았습니다", "en": "no workaround has been recorded yet"},
    "suggestion": {"ko": "유사 사례", "en": "similar case"},
    # `beacon prevention similar`
    "cli.heading": {"ko": "\"{text}\"와 비슷한 사례", "en": "Cases similar to \"{text}\""},
    "cli.none": {"ko": "  (없음)", "en": "  (none)"},
    "cli.score": {"ko": "점수 {score}", "en": "score {score}"},
    "cli.workaround": {"ko": "해결 방법", "en": "Workaround"},
    "cli.cause": {"ko": "원인", "en": "Cause"},
    "cli.resolution": {"ko": "처리 내용", "en": "Resolution"},
    "cli.why": {"ko": "이유", "en": "Why"},
    "cli.took": {"ko": "{ms} ms 동안 찾았습니다", "en": "searched in {ms} ms"},
    "cli.empty_text": {"ko": "--text에 찾을 제목을 적어 주세요", "en": "give the title to look for with --text"},
})

# One idea, its forms per language. Keys are internal; people see the forms.
CONCEPTS = Catalog({
    "login": {"ko": "로그인|로그온", "en": "login|log in|logon|log on|sign-in|sign in|signin|logging in"},
    "slow": {"ko": "지연|느림|느려|느린|늦게|늦어|늦음|오래 걸|버벅",
             "en": "slow|delay|latency|lag|sluggish|takes long"},
    "error": {"ko": "오류|에러", "en": "error|errors|exception|fault"},
    "fail": {"ko": "실패|안됨|안 됨|안되|안 되|불가|거절|거부",
             "en": "fail|failure|cannot|can't|unable|not working|rejected|declined|denied"},
    "access": {"ko": "접속|연결|접근", "en": "access|connect|connection|unreachable|reach"},
    "disconnect": {"ko": "끊김|끊어|끊겨|단절|다운|중단",
                   "en": "disconnect|drop|dropped|down|outage|interrupted|cut off"},
    "freeze": {"ko": "멈춤|멈춰|먹통|응답 없|응답없|정지|굳음",
               "en": "freeze|froze|frozen|hang|hangs|stuck|unresponsive"},
    "crash": {"ko": "강제 종료|강제종료|비정상 종료|튕김|튕겨|꺼짐",
              "en": "crash|force close|force-close|abort|killed"},
    "transfer": {"ko": "이체|송금", "en": "transfer|transferred|transferring|remittance|wire"},
    "batch": {"ko": "배치|일괄 작업", "en": "batch|nightly job"},
    "timeout": {"ko": "타임아웃|시간 초과|시간초과", "en": "timeout|timed out|time-out|time out"},
    "memory": {"ko": "메모리", "en": "memory|oom|heap"},
    "disk": {"ko": "디스크|저장 공간", "en": "disk|storage|filesystem"},
    "certificate": {"ko": "인증서", "en": "certificate|cert"},
    "authentication": {"ko": "본인인증|생체인증|인증", "en": "authentication|authenticate|verification|biometric"},
    "balance": {"ko": "잔액|잔고", "en": "balance"},
    "mismatch": {"ko": "불일치|안 맞|안맞|차이", "en": "mismatch|discrepancy|differ|does not match|doesn't match"},
    "missing": {"ko": "누락|미반영|미수신|미적재|빠짐|안 들어|안 보|안보여",
                "en": "missing|not reflected|not received|not loaded|omitted"},
    "inquiry": {"ko": "조회", "en": "inquiry|lookup|look up|query|view"},
    "screen": {"ko": "화면", "en": "screen|page"},
    "server": {"ko": "서버", "en": "server|host"},
    "database": {"ko": "데이터베이스|디비", "en": "database|db"},
    "network": {"ko": "네트워크|회선|전용선", "en": "network|line|circuit"},
    "printer": {"ko": "프린터|인자|출력|인쇄", "en": "printer|print"},
    "mail": {"ko": "메일", "en": "mail|e-mail|email"},
    "approval": {"ko": "승인", "en": "approval|authorization|authorisation|approve"},
    "upload": {"ko": "첨부|업로드", "en": "attachment|upload"},
    "notification": {"ko": "푸시|알림", "en": "push|notification|alert"},
    "report": {"ko": "보고서|리포트", "en": "report"},
    "exchange_rate": {"ko": "환율", "en": "exchange rate|fx rate"},
    "interest": {"ko": "이자", "en": "interest"},
    "password": {"ko": "비밀번호|암호", "en": "password|passcode|pin"},
    "surge": {"ko": "급증|폭주|몰림", "en": "surge|spike|flood"},
    "card": {"ko": "카드", "en": "card"},
    "gateway": {"ko": "게이트웨이", "en": "gateway"},
    "response": {"ko": "응답", "en": "response|respond"},
    "app": {"ko": "앱|어플", "en": "app"},
    "terminal": {"ko": "단말", "en": "terminal"},
    "call": {"ko": "통화|전화|콜 연결", "en": "call|phone"},
    "send": {"ko": "발송|전송|보내|보냄", "en": "send|sent|sending|outgoing|delivery"},
    "launch": {"ko": "실행|구동", "en": "launch|startup|start up|on start"},
    "history": {"ko": "거래내역|거래 내역|내역", "en": "transaction history|history|statement"},
    "passbook": {"ko": "통장", "en": "passbook|bankbook"},
})

GENERIC = ("error", "fail", "response")

STOPWORDS = Catalog({
    "words": {
        "ko": "장애|문제|발생|현상|관련|확인|요청|문의|계속|자꾸|갑자기|현재|지금|일부|전체|너무|매우|많이|자주|다시|"
              "건|중|시|후|때|등|및|또는|에서|으로|이후|이전|오늘|어제|부터|까지|있음|없음|됨|함|합니다|입니다|"
              "해요|돼요|안|못|좀|바랍니다|부탁|드립니다",
        "en": "a|an|the|of|on|in|at|to|for|with|by|from|is|are|was|were|be|been|it|its|this|that|and|or|not|no|"
              "after|before|when|while|since|during|please|issue|problem|incident|again|very|some|all|our|we|"
              "users|user|customer|customers|still|keeps|keep|getting|get|got|does|do|has|have|had|see|seen",
    },
})

# Endings stripped from a Korean word before comparing (longest first).
PARTICLES = ("에서는", "으로는", "에서", "으로", "에게", "까지", "부터", "이나", "하고", "이랑",
             "이", "가", "을", "를", "은", "는", "에", "의", "로", "와", "과", "도", "만", "요")
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

CANDIDATE_STOPWORDS = frozenset((
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

# what the wing's effects do, for a process owner choosing effects (`engine.effects.describe`)
EFFECT_DESCRIPTIONS = Catalog({
    "early_warning": {"ko": "몇 분 안에 같은 업무시스템(또는 구성 항목을 공유하는 업무시스템)에 장애가 몰리면 "
                            "팀장과 담당자에게 한 번 알립니다 (대형 장애 조기 경보)",
                      "en": "tells the team leads and handlers once when incidents burst on one application (or on "
                            "applications sharing a CI) within minutes (major-incident early warning)"},
})
