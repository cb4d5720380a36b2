"""Every word a printed report shows, in Korean and English.

`LABELS` holds the report's own words, read through `labels.tr(key, lang)`; codes
that come from data (action kinds, notice kinds, clock states, link kinds) have
their own catalogs, read through `labels.from_catalog` with a readable fallback.
"""

from __future__ import annotations

from desktop.i18n import Catalog

LABELS = Catalog({
    # report titles
    "incident_report": {"ko": "장애 보고서", "en": "Incident report"},
    "problem_report": {"ko": "문제 보고서", "en": "Problem report"},
    "sla_report": {"ko": "월간 SLA 보고서", "en": "Monthly SLA report"},
    # the English subtitle under a Korean title (an English report prints none)
    "incident_report_sub": {"ko": "INCIDENT REPORT", "en": "INCIDENT REPORT"},
    "problem_report_sub": {"ko": "PROBLEM REPORT", "en": "PROBLEM REPORT"},
    "sla_report_sub": {"ko": "MONTHLY SLA REPORT", "en": "MONTHLY SLA REPORT"},
    # sections
    "basic": {"ko": "기본 정보", "en": "Basic information"},
    "description": {"ko": "장애 내용", "en": "Description"},
    "problem_description": {"ko": "문제 내용", "en": "Description"},
    "grade_history": {"ko": "등급 변경 이력", "en": "Grade changes"},
    "handlers": {"ko": "담당자 이력", "en": "Handlers"},
    "propagation": {"ko": "전파 내역", "en": "Propagation"},
    "sla": {"ko": "처리 시간 및 SLA", "en": "Handling time and SLA"},
    "elapsed_section": {"ko": "처리 기간 및 SLA", "en": "Duration and SLA"},
    "time_chart": {"ko": "타임 차트", "en": "Time chart"},
    "stage_times": {"ko": "단계별 소요 시간", "en": "Time per stage"},
    "actions": {"ko": "조치 내역", "en": "Actions"},
    "work_orders": {"ko": "작업 지시 및 결과", "en": "Work orders and results"},
    "linked": {"ko": "연관 변경 · 문제 · 서비스 요청", "en": "Linked changes, problems and service requests"},
    "linked_problem": {"ko": "연관 변경 · 서비스 요청", "en": "Linked changes and service requests"},
    "closure": {"ko": "원인 및 결과", "en": "Cause and result"},
    "analysis": {"ko": "원인 분석 및 해결", "en": "Analysis and solution"},
    "linked_incidents": {"ko": "연관 장애", "en": "Linked incidents"},
    "outside_changes": {"ko": "Beacon 밖에서 이루어진 변경", "en": "Changes made outside Beacon"},
    "outside_note": {"ko": "데이터베이스 감사 기록에서 옮긴 것으로, Beacon을 거치지 않고 데이터베이스 로그인이 "
                           "직접 바꾼 내용입니다. Beacon으로 바꾼 내용은 같은 트랜잭션에 처리 이력이 함께 남지만, "
                           "이 변경에는 그런 이력이 없습니다. 시각은 출력 기준 시간대, 값은 저장된 그대로(UTC)입니다.",
                     "en": "From the database's audit: changes a database login made directly, not through Beacon. "
                           "A change made through Beacon is recorded in the case's history in the same transaction; "
                           "these have no such record. Times are in the report's time zone; values as stored (UTC)."},
    "approval": {"ko": "결재", "en": "Approval"},
    "prepared": {"ko": "작성", "en": "Prepared"},
    "reviewed": {"ko": "검토", "en": "Reviewed"},
    "approved": {"ko": "승인", "en": "Approved"},
    "approval_blocked": {"ko": "미종결 · 결재 불가", "en": "Not closed · no sign-off"},
    "approval_blocked_sub": {"ko": "종결 후 최종 보고서에 결재", "en": "Sign the final report after closure"},
    "approval_blocked_month": {"ko": "집계 중 · 결재 불가", "en": "Month running · no sign-off"},
    "approval_blocked_month_sub": {"ko": "월이 끝난 뒤 다시 출력", "en": "Print again after the month ends"},
    "interim_case": {"ko": "중간 보고 · 미종결 ({state}) — {at} 출력 시점 기준이며 결재용 최종 보고서가 아닙니다",
                     "en": "Interim report · not closed ({state}) — as of {at}; not the final report for sign-off"},
    "interim_month": {"ko": "중간 집계 · {month}은 아직 끝나지 않았습니다 — {at} 출력 시점 기준",
                      "en": "Interim figures · {month} has not ended yet — as of {at}"},
    "at_a_glance": {"ko": "한눈에 보기", "en": "At a glance"},
    "elapsed_until": {"ko": "경과 시간 (종결까지)", "en": "Elapsed (to closure)"},
    "elapsed_now": {"ko": "경과 시간 (출력 시점까지)", "en": "Elapsed (so far)"},
    "not_yet": {"ko": "아직 없음", "en": "not yet"},
    "not_entered": {"ko": "(아직 입력되지 않음 — 종결 시 입력)", "en": "(not entered yet — given at closure)"},
    # fields
    "number": {"ko": "번호", "en": "Number"},
    "incident_number": {"ko": "장애 번호", "en": "Incident no."},
    "problem_number": {"ko": "문제 번호", "en": "Problem no."},
    "title": {"ko": "제목", "en": "Title"},
    "application": {"ko": "업무시스템", "en": "Application"},
    "incident_type": {"ko": "장애 유형", "en": "Incident type"},
    "urgency": {"ko": "긴급도", "en": "Urgency"},
    "impact": {"ko": "영향도", "en": "Impact"},
    "grade": {"ko": "장애 등급", "en": "Grade"},
    "problem_grade": {"ko": "등급", "en": "Grade"},
    "state": {"ko": "상태", "en": "State"},
    "registered_by": {"ko": "등록자", "en": "Registered by"},
    "registered_at": {"ko": "등록 일시", "en": "Registered"},
    "occurred_at": {"ko": "발생 일시", "en": "Occurred"},
    "accepted_at": {"ko": "접수 일시", "en": "Accepted"},
    "resolved_at": {"ko": "해결 일시", "en": "Resolved"},
    "closed_at": {"ko": "종결 일시", "en": "Closed"},
    "problem_closed_at": {"ko": "종료 일시", "en": "Closed"},
    "cancelled_at": {"ko": "취소 일시", "en": "Cancelled"},
    "assignee": {"ko": "담당자", "en": "Assignee"},
    "team": {"ko": "담당 팀", "en": "Team"},
    "parent": {"ko": "상위 장애", "en": "Parent incident"},
    "children": {"ko": "하위 장애", "en": "Child incidents"},
    "reopen_count": {"ko": "재처리 횟수", "en": "Reopened"},
    "resolution": {"ko": "조치 결과 요약", "en": "Resolution"},
    "cause": {"ko": "장애 원인", "en": "Cause"},
    "result": {"ko": "처리 결과", "en": "Result"},
    "follow_up_plan": {"ko": "향후 조치 계획", "en": "Follow-up plan"},
    "recurrence_prevention": {"ko": "재발 방지 대책", "en": "Recurrence prevention"},
    "cancel_reason": {"ko": "취소 사유", "en": "Cancel reason"},
    "root_cause": {"ko": "근본 원인", "en": "Root cause"},
    "workaround": {"ko": "임시 해결 방안", "en": "Workaround"},
    "solution": {"ko": "해결 방안", "en": "Solution"},
    "verification_result": {"ko": "결과 확인 내용", "en": "Verification result"},
    "known_error": {"ko": "알려진 오류", "en": "Known error"},
    "known_error_yes": {"ko": "등록됨 ({at})", "en": "Recorded ({at})"},
    "verification_count": {"ko": "결과 확인 횟수", "en": "Verifications"},
    "propagation_recorded": {"ko": "알림 발송 기록 그대로입니다: 누구에게, 언제, 어떤 경로로 알렸고 결과가 어땠는지.",
                             "en": "As recorded in the notification outbox: who was told, when, on which channel, "
                                   "and with what result."},
    "no_notices": {"ko": "이 장애에 대해 발송된 알림이 없습니다 (발송 기록 없음).",
                   "en": "No notice was sent for this incident (nothing in the notification outbox)."},
    "initial_grade": {"ko": "최초 등급", "en": "Initial grade"},
    "no_grade_change": {"ko": "등급 변경 없음 — 등록 시 등급 {grade} 유지",
                        "en": "No grade change — kept {grade} from registration"},
    "elapsed_total": {"ko": "총 경과 시간", "en": "Total elapsed"},
    "elapsed_total_detail": {"ko": "등록 → {end}", "en": "Registered → {end}"},
    "until_now": {"ko": "현재(출력 시점)", "en": "now (time of printing)"},
    "count_suffix": {"ko": "{n}건", "en": "{n}"},
    "times_suffix": {"ko": "{n}회", "en": "{n}"},
    "none": {"ko": "없음", "en": "None"},
    "rel_title": {"ko": "업무시스템·구성 항목별 안정성 ({start} ~ {end}, 12개월)",
                  "en": "Reliability by application and CI ({start} to {end}, 12 months)"},
    "rel_by_application": {"ko": "업무시스템별", "en": "By application"},
    "rel_by_ci": {"ko": "구성 항목별", "en": "By CI"},
    "rel_ranked": {"ko": "가장 불안정한 순 (MTBF 낮은 순, 같으면 MTTR 긴 순)",
                   "en": "least reliable first (lowest MTBF, then longest MTTR)"},
    "rel_col_application": {"ko": "업무시스템", "en": "Application"},
    "rel_col_ci": {"ko": "구성 항목", "en": "CI"},
    "rel_col_total": {"ko": "총 복구 시간", "en": "Total to restore"},
    "rel_col_recurrence": {"ko": "재발률", "en": "Recurrence"},
    "rel_col_coverage": {"ko": "문제 연결률", "en": "Problem cov."},
    "rel_footnote": {
        "ko": "기간: 보고 월까지 12개월(현지 달력 월), 그 기간에 등록된 장애(취소 제외)"
              ". 복구 시간: 발생 시각(없으면 등록 시각)부터 복구(해결, 없으면 종결)까지."
              " 총 복구 시간은 복구된 장애의 합, MTTR(평균 복구 시간)은 그 합 ÷ 복구"
              " 건수. 중단 시간: 그 장애 중 하나라도 발생~복구 사이였던 기간 내 시간(겹치"
              "면 한 번, 미복구는 기간 끝까지). MTBF(평균 고장 간격): (기간 - 중단"
              " 시간) ÷ 장애 건수. 재발률: 같은 업무시스템에서 30일 안에 같은 제목(대소"
              "문자·숫자·공백·문장부호 무시)의 장애가 앞서 발생한 장애의 비율. 문제 연결률:"
              " 문제에 연결된 장애의 비율. 구성 항목은 그 위에서 실행되거나 그에 의존·연결하"
              "는(여러 단계 포함) 모든 업무시스템의 장애를 셉니다.",
        "en": "Window: the 12 local calendar months ending with the report's month; incidents registered in it, "
              "cancelled ones left out. Time to restore: from occurrence (registration when none was given) to "
              "restoration (resolved, else closed). Total to restore sums the restored incidents; MTTR (mean time to "
              "restore) is that total over the number restored. Downtime: the window's time during which at least "
              "one of the incidents was between occurrence and restoration (overlaps once; unrestored ones to the "
              "window's end). MTBF (mean time between failures): (window - downtime) ÷ incidents. Recurrence: the "
              "share that repeat an incident of the same application with the same title (ignoring case, digits, "
              "spaces, punctuation) that occurred in the 30 days before. Problem coverage: the share linked to a "
              "problem. A CI counts the incidents of every application that runs on, depends on or connects to it, "
              "in any number of steps.",
    },
    "wc_title": {"ko": "무엇이 바뀌었나: 발생 전 {days}일 안에 완료된 변경·작업 지시",
                 "en": "What changed: changes and work orders completed in the {days} days before it"},
    "wc_title_registered": {"ko": "무엇이 바뀌었나: 등록 전 {days}일 안에 완료된 변경·작업 지시 (발생 시각 미기재)",
                            "en": "What changed: changes and work orders completed in the {days} days before it was "
                                  "registered (no occurrence time)"},
    "wc_none": {"ko": "이 업무시스템과 관련 구성 항목에서 그 기간에 완료된 변경·작업 지시가 없습니다.",
                "en": "Nothing was completed on this application or its related CIs in that time."},
    "wc_note": {"ko": "변경은 적용 시각, 작업 지시는 완료 시각 기준, 최근 순. "
                      "관련 구성 항목은 이 업무시스템이 실행되거나 의존·연결하는 항목입니다.",
                "en": "Changes count when put in, work orders when finished; newest first. Related CIs are those the "
                      "application runs on, depends on or connects to."},
    "wc_col_completed": {"ko": "완료", "en": "Completed"},
    "wc_col_why": {"ko": "표시 이유", "en": "Why listed"},
    "wc_suspected": {"ko": "의심 원인", "en": "Suspected cause"},
    "wc_kind_change": {"ko": "변경", "en": "Change"},
    "wc_kind_work_order": {"ko": "작업 지시", "en": "Work order"},
    "unassigned": {"ko": "미배정", "en": "Unassigned"},
    "dash": {"ko": "-", "en": "-"},
    "yes": {"ko": "예", "en": "Yes"},
    "no": {"ko": "아니오", "en": "No"},
    "continued": {"ko": "(계속)", "en": "(continued)"},
    # table columns
    "col_no": {"ko": "No", "en": "No"},
    "col_at": {"ko": "일시", "en": "Time"},
    "col_actor": {"ko": "처리자", "en": "By"},
    "col_kind": {"ko": "구분", "en": "Kind"},
    "col_body": {"ko": "내용", "en": "Details"},
    "col_minutes": {"ko": "소요", "en": "Spent"},
    "col_before": {"ko": "변경 전", "en": "Before"},
    "col_after": {"ko": "변경 후", "en": "After"},
    "col_login": {"ko": "DB 로그인", "en": "Database login"},
    "col_field": {"ko": "테이블.항목", "en": "Table.column"},
    "value_null": {"ko": "(값 없음)", "en": "(no value)"},
    "outside_insert": {"ko": "행 추가", "en": "row added"},
    "outside_delete": {"ko": "행 삭제", "en": "row deleted"},
    "col_reason": {"ko": "사유", "en": "Reason"},
    "col_changed_by": {"ko": "변경자", "en": "Changed by"},
    "col_handler": {"ko": "담당자", "en": "Handler"},
    "col_team": {"ko": "팀", "en": "Team"},
    "col_via": {"ko": "계기", "en": "Through"},
    "col_recipient": {"ko": "수신자", "en": "Recipient"},
    "col_role": {"ko": "전파 사유", "en": "Why"},
    "col_notice": {"ko": "통보 구분", "en": "Notice"},
    "col_told": {"ko": "통보 일시", "en": "Queued"},
    "col_sent": {"ko": "결과", "en": "Result"},
    "col_channel": {"ko": "경로", "en": "Channel"},
    "col_clock": {"ko": "구분", "en": "Clock"},
    "col_basis": {"ko": "기준", "en": "Basis"},
    "col_target": {"ko": "목표", "en": "Target"},
    "col_actual": {"ko": "실적", "en": "Actual"},
    "col_paused": {"ko": "일시정지", "en": "Paused"},
    "col_margin": {"ko": "잔여 / 초과", "en": "Left / over"},
    "col_verdict": {"ko": "결과", "en": "Result"},
    "col_stage": {"ko": "단계", "en": "Stage"},
    "col_start": {"ko": "시작", "en": "Start"},
    "col_end": {"ko": "종료", "en": "End"},
    "col_duration": {"ko": "소요 시간", "en": "Duration"},
    "col_number": {"ko": "번호", "en": "Number"},
    "col_title": {"ko": "제목", "en": "Title"},
    "col_state": {"ko": "상태", "en": "State"},
    "col_issued": {"ko": "지시 일시", "en": "Issued"},
    "col_finished": {"ko": "완료 일시", "en": "Finished"},
    "col_result": {"ko": "지시 내용 / 결과", "en": "Instructions / result"},
    "col_relation": {"ko": "구분", "en": "Relation"},
    "col_opened": {"ko": "등록 일시", "en": "Opened"},
    "col_grade": {"ko": "등급", "en": "Grade"},
    "col_application": {"ko": "업무시스템", "en": "Application"},
    "instructions": {"ko": "지시", "en": "Instructions"},
    "wo_result": {"ko": "결과", "en": "Result"},
    "wo_returned": {"ko": "반송 사유", "en": "Returned because"},
    "due": {"ko": "기한", "en": "Due"},
    "minutes_short": {"ko": "{n}분", "en": "{n} min"},
    "pending_send": {"ko": "미발송", "en": "not sent"},
    "sent_ok": {"ko": "{at} 발송", "en": "sent {at}"},
    "read_at": {"ko": "{at} 읽음", "en": "read {at}"},
    "attempts": {"ko": "시도 {n}회", "en": "tries: {n}"},
    # SLA
    "clock_response": {"ko": "응답 (접수)", "en": "Response (accept)"},
    "clock_resolution": {"ko": "해결", "en": "Resolution"},
    "clock_response_short": {"ko": "응답", "en": "Response"},
    "clock_resolution_short": {"ko": "해결", "en": "Resolution"},
    "no_clocks": {"ko": "이 건에는 SLA 시계가 없습니다.", "en": "This case has no SLA clocks."},
    "paused_note": {"ko": "일시정지(고객 응답 대기·재처리 전 종결 기간)는 실적에서 뺍니다.",
                    "en": "Paused time (waiting for the customer, closed before a reopen) is not counted."},
    # time chart
    "legend_waiting": {"ko": "고객 응답 대기", "en": "Waiting for customer"},
    "marker_action": {"ko": "조치", "en": "Actions"},
    "marker_work_order": {"ko": "작업 지시", "en": "Work orders"},
    "marker_change": {"ko": "변경", "en": "Changes"},
    "marker_event": {"ko": "주요 이벤트", "en": "Key events"},
    "marker_incident": {"ko": "연관 장애", "en": "Incidents"},
    "due_response": {"ko": "응답 목표", "en": "Response due"},
    "due_resolution": {"ko": "해결 목표", "en": "Resolution due"},
    "due_outside": {"ko": "{what} {at} (차트 범위 밖)", "en": "{what} {at} (outside the chart)"},
    "chart_range": {"ko": "표시 범위 {start} ~ {end} · 눈금 {step}",
                    "en": "Shown {start} – {end} · ticks every {step}"},
    "stage_total": {"ko": "합계", "en": "Total"},
    "of_which_waiting": {"ko": "(고객 대기 {d} 포함)", "en": "(incl. {d} waiting)"},
    "milestone": {"ko": "시점", "en": "point in time"},
    # footer
    "printed": {"ko": "출력 일시 {at}", "en": "Printed {at}"},
    # monthly
    "summary": {"ko": "요약", "en": "Summary"},
    "period": {"ko": "대상 기간", "en": "Period"},
    "scope": {"ko": "범위", "en": "Scope"},
    "time_zone": {"ko": "기준 시간대", "en": "Time zone"},
    "all": {"ko": "전체", "en": "All"},
    "total": {"ko": "합계", "en": "Total"},
    "registered_count": {"ko": "등록 건수", "en": "Registered"},
    "response_rate": {"ko": "적기 응답률", "en": "On-time response"},
    "resolution_rate": {"ko": "적기 해결률", "en": "On-time resolution"},
    "backlog": {"ko": "월말 미결", "en": "Open at month end"},
    "backlog_as_of": {"ko": "{day} 24:00 기준", "en": "as of {day} 24:00"},
    "backlog_now": {"ko": "현재 미결", "en": "Open now"},
    "backlog_now_sub": {"ko": "출력 시점 기준", "en": "as of printing"},
    "reopen_rate": {"ko": "재처리율", "en": "Reopen rate"},
    "cancelled_excluded": {"ko": "취소 {n}건 제외", "en": "{n} cancelled not counted"},
    "judged_of": {"ko": "{met}/{judged}건", "en": "{met} of {judged}"},
    "counts_by_grade_state": {"ko": "등급 · 상태별 건수 (현재 상태)", "en": "Incidents by grade and state (state now)"},
    "states_as_of_now": {"ko": "이달에 등록된 장애를 출력 시점({at})의 상태로 셉니다. 요약의 '월말 미결'은 월말 시점에 "
                               "열려 있던 건(이전 달 등록 포함)입니다.",
                         "en": "Incidents registered this month, counted by their state at printing ({at}). "
                               "'Open at month end' in the summary counts what was open when the month ended, "
                               "including incidents from earlier months."},
    "states_as_of_now_running": {"ko": "이달에 등록된 장애를 출력 시점({at})의 상태로 셉니다. 요약의 '현재 미결'은 "
                                       "지금 열려 있는 건(이전 달 등록 포함)입니다.",
                                 "en": "Incidents registered this month, counted by their state at printing ({at}). "
                                       "'Open now' in the summary counts what is open now, including incidents "
                                       "from earlier months."},
    "rates_by_grade": {"ko": "등급별 적기 처리율과 처리 시간", "en": "On-time rates and times by grade"},
    "rates_by_application": {"ko": "업무시스템별 적기 처리율", "en": "On-time rates by application"},
    "rates_by_team": {"ko": "팀별 적기 처리율", "en": "On-time rates by team"},
    "worst_breaches": {"ko": "SLA 초과가 큰 건 (상위 {n})", "en": "Largest SLA overruns (top {n})"},
    "trend": {"ko": "12개월 추이", "en": "12-month trend"},
    "col_count": {"ko": "건수", "en": "Count"},
    "col_response_rate": {"ko": "적기 응답률", "en": "Resp. on time"},
    "col_resolution_rate": {"ko": "적기 해결률", "en": "Resol. on time"},
    "col_mean_accept": {"ko": "접수 평균", "en": "Accept mean"},
    "col_median_accept": {"ko": "접수 중앙값", "en": "Accept median"},
    "col_mean_resolve": {"ko": "해결 평균", "en": "Resolve mean"},
    "col_median_resolve": {"ko": "해결 중앙값", "en": "Resolve median"},
    "col_backlog": {"ko": "월말 미결", "en": "Open at end"},
    "col_backlog_now": {"ko": "현재 미결", "en": "Open now"},
    "col_month": {"ko": "월", "en": "Month"},
    "col_overrun": {"ko": "초과", "en": "Over by"},
    "col_unit": {"ko": "시간 기준", "en": "Time basis"},
    "unit_wall": {"ko": "경과(24시간)", "en": "Wall clock"},
    "unit_business": {"ko": "업무시간 ({h}시간/일)", "en": "Business ({h} h/day)"},
    "no_data": {"ko": "해당 기간에 등록된 장애가 없습니다.", "en": "No incidents were registered in this period."},
    "no_breaches": {"ko": "SLA를 초과한 건이 없습니다.", "en": "No SLA clock was missed."},
    "chart_counts_by_grade": {"ko": "등급별 등록 건수", "en": "Incidents by grade"},
    "chart_rates_by_grade": {"ko": "등급별 적기 처리율 (%)", "en": "On-time rate by grade (%)"},
    "chart_rates_by_application": {"ko": "업무시스템별 적기 해결률 (%)", "en": "On-time resolution by application (%)"},
    "chart_trend_counts": {"ko": "월별 등록 건수", "en": "Incidents per month"},
    "chart_trend_rates": {"ko": "월별 적기 처리율 (%)", "en": "On-time rates per month (%)"},
    "rates_note": {"ko": "적기 처리율 = 목표 내 처리 건 ÷ 판정된 건 (진행 중인 건은 판정 전). "
                         "처리 시간은 등급의 SLA 달력 기준(24×7은 경과 시간, 업무 달력은 업무시간)입니다.",
                   "en": "On-time rate = clocks met ÷ clocks judged (running clocks are not judged yet). "
                         "Times are in each grade's SLA calendar: wall clock on 24×7, business time otherwise."},
    "breach_note": {"ko": "초과 = 판정 기준 실적 - 목표. 업무 달력 건은 업무시간 기준입니다.",
                    "en": "Over by = judged figure - target; business-calendar clocks count business time."},
    "other_team": {"ko": "(팀 미지정)", "en": "(no team)"},
    "margin_left": {"ko": "잔여 {time}", "en": "{time} left"},
    "margin_over": {"ko": "초과 {time}", "en": "{time} over"},
    "month": {"ko": "{year}년 {month}", "en": "{month} {year}"},
})

ACTION_KINDS = Catalog({
    "note": {"ko": "메모", "en": "Note"},
    "investigation": {"ko": "조사", "en": "Investigation"},
    "fix": {"ko": "조치", "en": "Fix"},
    "contact": {"ko": "연락", "en": "Contact"},
    "workaround": {"ko": "임시 조치", "en": "Workaround"},
    "comment": {"ko": "의견", "en": "Comment"},
})

NOTICE_KINDS = Catalog({
    "registered": {"ko": "등록", "en": "Registered"},
    "assigned": {"ko": "배정", "en": "Assigned"},
    "accepted": {"ko": "접수", "en": "Accepted"},
    "regraded": {"ko": "등급 변경", "en": "Grade changed"},
    "closed": {"ko": "종결", "en": "Closed"},
    "cancelled": {"ko": "취소", "en": "Cancelled"},
    "reopened": {"ko": "재처리", "en": "Reopened"},
    "sla_warning": {"ko": "SLA 경고", "en": "SLA warning"},
    "sla_breach": {"ko": "SLA 초과", "en": "SLA breach"},
    "work_order_issued": {"ko": "작업 지시", "en": "Work order issued"},
    "work_order_start": {"ko": "작업 시작", "en": "Work started"},
    "work_order_complete": {"ko": "작업 완료", "en": "Work done"},
    "work_order_return": {"ko": "작업 반송", "en": "Work returned"},
})

CHANNELS = Catalog({
    "inapp": {"ko": "앱 알림", "en": "In-app"},
    "email": {"ko": "이메일", "en": "E-mail"},
    "webhook": {"ko": "웹훅", "en": "Webhook"},
})

NOTICE_REASONS = Catalog({
    "manual_add": {"ko": "수동 추가", "en": "Added by hand"},
    "reporter": {"ko": "등록자", "en": "Reporter"},
    "assignee": {"ko": "담당자", "en": "Assignee"},
    "issuer": {"ko": "지시자", "en": "Issuer"},
    "parent_assignee": {"ko": "상위 건 담당자", "en": "Parent's assignee"},
})

NOTICE_STATUS = Catalog({
    "pending": {"ko": "발송 대기", "en": "Pending"},
    "sent": {"ko": "발송", "en": "Sent"},
    "failed": {"ko": "실패 (재시도 중)", "en": "Failed (retrying)"},
    "dead": {"ko": "발송 불가", "en": "Undeliverable"},
})

CLOCK_STATES = Catalog({
    "met": {"ko": "준수", "en": "Met"},
    "missed": {"ko": "초과 (위반)", "en": "Missed"},
    "stopped": {"ko": "판정 없음", "en": "Not judged"},
    "paused": {"ko": "일시정지 중", "en": "Paused"},
    "on_track": {"ko": "진행 중", "en": "On track"},
    "warning": {"ko": "진행 중 (경고)", "en": "On track (warning)"},
    "breached": {"ko": "진행 중 (초과)", "en": "Running, breached"},
})

LINK_KINDS = Catalog({
    "problem": {"ko": "문제", "en": "Problem"},
    "change": {"ko": "변경", "en": "Change"},
    "incident": {"ko": "장애", "en": "Incident"},
    "related": {"ko": "관련 건", "en": "Related"},
    "duplicate": {"ko": "중복 건", "en": "Duplicate"},
    "duplicated_by": {"ko": "중복 등록된 건", "en": "Duplicated by"},
    "parent": {"ko": "상위 장애", "en": "Parent incident"},
    "child": {"ko": "하위 장애", "en": "Child incident"},
    "service_request": {"ko": "서비스 요청", "en": "Service request"},
    "work_order": {"ko": "작업 지시", "en": "Work order"},
    "suspected_cause": {"ko": "의심 원인", "en": "Suspected cause"},
    "suspect_cleared": {"ko": "의심 원인 (해제됨)", "en": "Suspected cause (cleared)"},
})

SR_STATES = Catalog({
    "requested": {"ko": "요청", "en": "Requested"},
    "registered": {"ko": "등록됨", "en": "Registered"},
    "in_progress": {"ko": "진행", "en": "In progress"},
    "done": {"ko": "완료", "en": "Done"},
    "rejected": {"ko": "반려", "en": "Rejected"},
})

# Month names: in a period heading ("2026년 10월" / "October 2026") and on chart ticks ("10월" / "Oct").
MONTHS = Catalog({
    1: {"ko": "1월", "en": "January"},
    2: {"ko": "2월", "en": "February"},
    3: {"ko": "3월", "en": "March"},
    4: {"ko": "4월", "en": "April"},
    5: {"ko": "5월", "en": "May"},
    6: {"ko": "6월", "en": "June"},
    7: {"ko": "7월", "en": "July"},
    8: {"ko": "8월", "en": "August"},
    9: {"ko": "9월", "en": "September"},
    10: {"ko": "10월", "en": "October"},
    11: {"ko": "11월", "en": "November"},
    12: {"ko": "12월", "en": "December"},
})

SHORT_MONTHS = Catalog({
    1: {"ko": "1월", "en": "Jan"},
    2: {"ko": "2월", "en": "Feb"},
    3: {"ko": "3월", "en": "Mar"},
    4: {"ko": "4월", "en": "Apr"},
    5: {"ko": "5월", "en": "May"},
    6: {"ko": "6월", "en": "Jun"},
    7: {"ko": "7월", "en": "Jul"},
    8: {"ko": "8월", "en": "Aug"},
    9: {"ko": "9월", "en": "Sep"},
    10: {"ko": "10월", "en": "Oct"},
    11: {"ko": "11월", "en": "Nov"},
    12: {"ko": "12월", "en": "Dec"},
})
