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
