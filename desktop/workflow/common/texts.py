"""Every word the common wing shows a person: the names of the kinds of record, what each setting holds.

Korean and English side by side (key → {"ko": ..., "en": ...}); the modules of this package hold
the keys. Templates name their `{placeholders}`, filled by `Catalog.pick`/`Catalog.pair`.
"""

from __future__ import annotations

from desktop.i18n import Catalog

KIND_LABELS = Catalog({
    "incident": {"ko": "장애", "en": "Incident"},
    "problem": {"ko": "문제", "en": "Problem"},
    "change": {"ko": "변경", "en": "Change"},
    "work_order": {"ko": "작업 지시", "en": "Work order"},
    "case": {"ko": "건", "en": "Case"},
    "application": {"ko": "업무시스템", "en": "Application"},
    "team": {"ko": "팀", "en": "Team"},
})

# Organisation settings (`settings.SCHEMA`): what each may hold and what it means; and what none may hold.
SETTING_TEXTS = Catalog({
    "boolean": {"ko": "true 또는 false", "en": "true or false"},
    "organization_name.allowed": {"ko": '문자열 또는 {"ko": …, "en": …}', "en": 'text or {"ko": …, "en": …}'},
    "organization_name.meaning": {"ko": "보고서에 찍히는 조직 이름", "en": "the organisation's name on reports"},
    "time_zone.allowed": {"ko": 'IANA 시간대 (예: "Asia/Seoul")', "en": 'an IANA time zone (e.g. "Asia/Seoul")'},
    "time_zone.meaning": {"ko": "조직의 시간대", "en": "the organisation's time zone"},
    "incident_types.allowed": {"ko": "code·name·name_en 객체의 배열",
                               "en": "an array of objects with code, name and name_en"},
    "incident_types.meaning": {"ko": "장애 유형 목록", "en": "the incident types"},
    "reopen_window_days.allowed": {"ko": "0~3650의 정수", "en": "a whole number 0 to 3650"},
    "reopen_window_days.meaning": {"ko": "종결 후 재처리할 수 있는 일수",
                                   "en": "days a closed incident may be reopened"},
    "close_problem_resolves_incidents.meaning": {"ko": "문제 종결 시 연결 장애도 해결",
                                                 "en": "closing a problem resolves its incidents"},
    "demo_loaded.meaning": {"ko": "데모 데이터를 불러왔는지", "en": "whether the demo is loaded"},
    "what_changed_days.allowed": {"ko": "1~90의 정수", "en": "a whole number 1 to 90"},
    "what_changed_days.meaning": {"ko": "장애 발생 전 며칠 안에 완료된 변경·작업 지시를 '무엇이 바뀌었나'에 보일지",
                                  "en": "how many days before an incident 'What changed?' looks for completed "
                                        "changes and work orders"},
    "delivery_max_attempts.allowed": {"ko": "1~100의 정수", "en": "a whole number 1 to 100"},
    "delivery_max_attempts.meaning": {"ko": "알림 발송 최대 시도 횟수", "en": "attempts before a notice is dead"},
    "smtp.allowed": {"ko": "host·port(1~65535)·security(plain|starttls|ssl)·username·password·from_address·"
                           "from_name 객체",
                     "en": "an object of host, port (1-65535), security (plain|starttls|ssl), username, password, "
                           "from_address, from_name"},
    "smtp.meaning": {"ko": "메일 서버", "en": "the mail server"},
    "propagation_roles.allowed": {"ko": "역할 코드의 배열", "en": "an array of role codes"},
    "propagation_roles.meaning": {"ko": "전파 그룹에 드는 매트릭스 역할", "en": "matrix roles told about incidents"},
    "intake.allowed": {"ko": 'JSON 객체 (README "Monitoring intake")',
                       "en": 'a JSON object (README "Monitoring intake")'},
    "intake.meaning": {"ko": "모니터링 수신 설정", "en": "the monitoring intake"},
    "intake.keys": {"ko": "다음 키만: {keys}", "en": "only the keys {keys}"},
    "intake.ci_labels.allowed": {"ko": "레이블 이름 (또는 그 목록)", "en": "a label name (or a list of them)"},
    "intake.map.allowed": {"ko": "문자열 → 문자열 객체", "en": "an object of text → text"},
    "intake.text.allowed": {"ko": "500자 이하 문자열", "en": "text of at most 500 characters"},
    "intake.boolean.allowed": {"ko": "true 또는 false", "en": "true or false"},
    "intake.max_body_bytes.allowed": {"ko": "1024 이상의 정수", "en": "a whole number ≥ 1024"},
    "intake.triage_application.allowed": {
        "ko": "활성 업무시스템의 코드 (빈 값: 아무것도 매핑되지 않은 경보는 보류되어 관리 화면에 남음)",
        "en": "the code of an active application (empty: an alert nothing maps is held and listed for "
              "administrators)"},
    "problem_candidates.allowed": {
        "ko": "min_incidents(2~100)·window_days(1~365)·lookback_days(1~3650)·min_similarity(0.1~1.0) 객체",
        "en": "an object of min_incidents (2-100), window_days (1-365), lookback_days (1-3650), "
              "min_similarity (0.1-1.0)"},
    "problem_candidates.meaning": {"ko": "문제 후보: 며칠 안에 몇 건 이상 비슷한 장애가 반복되면 묶을지",
                                   "en": "problem candidates: how many similar incidents within how many days"},
    "early_warning.allowed": {"ko": "min_incidents(2~100)·window_minutes(1~1440) 객체",
                              "en": "an object of min_incidents (2-100), window_minutes (1-1440)"},
    "early_warning.meaning": {"ko": "대형 장애 조기 경보: 몇 분 안에 몇 건 이상 등록되면 알릴지",
                              "en": "major-incident early warning: how many incidents within how many minutes"},
    "sr_systems.allowed": {"ko": "이름 → {url, …} 객체", "en": "an object of name → {url, …}"},
    "sr_systems.meaning": {"ko": "SR을 보내는 외부 시스템", "en": "systems service requests go to"},
    "sr_secrets.allowed": {"ko": "이름 → (헤더 → 값) 객체", "en": "an object of name → (header → value)"},
    "sr_secrets.meaning": {"ko": "SR 시스템에 보내는 비밀 헤더 (관리자와 발송 서비스만 읽음)",
                           "en": "secret headers sent to SR systems (read by administrators and the dispatcher only)"},
    "sign_in_delay_seconds.allowed": {"ko": "0~60 사이의 초", "en": "seconds from 0 to 60"},
    "sign_in_delay_seconds.meaning": {"ko": "틀린 암호 한 번마다 기다리는 시간",
                                      "en": "the wait after each wrong password"},
    "sign_in_max_failures.allowed": {"ko": "0~100의 정수 (0은 잠그지 않음)",
                                     "en": "a whole number 0 to 100 (0 never locks)"},
    "sign_in_max_failures.meaning": {"ko": "계정을 잠그기 전까지 허용하는 연속 실패 횟수",
                                     "en": "wrong passwords in a row before the account locks"},
    "sign_in_lockout_minutes.allowed": {"ko": "0~10080의 정수 (분)", "en": "a whole number of minutes, 0 to 10080"},
    "sign_in_lockout_minutes.meaning": {"ko": "계정이 잠겨 있는 시간", "en": "how long a locked account stays locked"},
    "intake_tokens.allowed": {"ko": "'beacon intake token' 으로만 바꿀 수 있습니다",
                              "en": "changed with 'beacon intake token' only"},
    "intake_tokens.meaning": {"ko": "수신 토큰의 해시", "en": "hashes of the intake tokens"},
    "process_shipped_ignored.allowed": {
        "ko": "관리 > 프로세스 화면에서 기본 프로세스 업그레이드를 무시할 때만 바뀝니다",
        "en": "changed only by ignoring a shipped process upgrade in Administration > Processes",
    },
    "process_shipped_ignored.meaning": {
        "ko": "관리자가 무시한 기본 프로세스 파일 (프로세스별 체크섬)",
        "en": "the shipped process files an administrator ignored (checksum per process)",
    },
    "too_deep": {"ko": "{limit}단계보다 깊게 중첩되지 않은 값", "en": "a value nested at most {limit} deep"},
    "not_finite": {"ko": "NaN·Infinity가 아닌 수", "en": "a number that is not NaN or Infinity"},
    "bad_text": {"ko": "NUL 문자가 없는 (10만 자 이하) 문자열", "en": "text without NUL characters (at most 100,000)"},
    "lone_surrogate": {"ko": "올바른 유니코드 문자열 (짝 없는 서로게이트 불가)",
                       "en": "valid Unicode text (no lone surrogates)"},
})
