<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CaseListPage</name>
    <message>
        <source>Search titles</source>
        <translation>제목 검색</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Number</source>
        <translation>번호</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>담당자</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>등록 일시</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Report (PDF)</source>
        <translation>보고서 (PDF)</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>보고서 저장…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>개요</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>작업 지시</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>연결된 건</translation>
    </message>
    <message>
        <source>Propagation</source>
        <translation>전파 내역</translation>
    </message>
    <message>
        <source>History</source>
        <translation>이력</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>등록자</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>담당자</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>담당 팀</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>긴급도</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>영향도</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>등록 일시</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>접수 일시</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>종결 일시</translation>
    </message>
    <message>
        <source>Parent incident</source>
        <translation>상위 장애</translation>
    </message>
    <message>
        <source>Child incidents</source>
        <translation>하위 장애</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>조치 결과 요약</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>장애 원인</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>처리 결과</translation>
    </message>
    <message>
        <source>Follow-up plan</source>
        <translation>향후 조치 계획</translation>
    </message>
    <message>
        <source>Recurrence prevention</source>
        <translation>재발 방지 대책</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>근본 원인</translation>
    </message>
    <message>
        <source>Workaround</source>
        <translation>임시 해결 방안</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>해결 방안</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>작업 내용</translation>
    </message>
    <message>
        <source>Cancel reason</source>
        <translation>취소 사유</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>시계</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>경과</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>남은 시간</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>목표 시각</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>접수</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>준수</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>미준수</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>위반</translation>
    </message>
    <message>
        <source> (business time)</source>
        <translation> (업무시간 기준)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>번호</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>지시 일시</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>수신자</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>수신 사유</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>전달 상태</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>발생 일시</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>전달 일시</translation>
    </message>
    <message>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <source>What</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>처리자</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>상태 변화</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>내용</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>다른 사용자가 먼저 변경함</translation>
    </message>
    <message>
        <source>Reload the case</source>
        <translation>다시 불러오기</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>계속 편집</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Grade</source>
        <translation>등급</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>장애</translation>
    </message>
    <message>
        <source>On-time response</source>
        <translation>적기 접수율</translation>
    </message>
    <message>
        <source>On-time resolution</source>
        <translation>적기 처리율</translation>
    </message>
    <message>
        <source>Median to resolve</source>
        <translation>처리 시간 중앙값</translation>
    </message>
    <message>
        <source>Open at month end</source>
        <translation>월말 미결</translation>
    </message>
    <message>
        <source>Last month&apos;s SLA report (PDF)</source>
        <translation>지난달 SLA 보고서 (PDF)</translation>
    </message>
    <message>
        <source>SLA this month ({0})</source>
        <translation>이번 달 SLA ({0})</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Beacon ITSM</source>
        <translation>Beacon ITSM에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <source>On this computer (a local file)</source>
        <translation>이 컴퓨터에 (로컬 파일)</translation>
    </message>
    <message>
        <source>Fill a new file with a demo bank to try things out</source>
        <translation>새 파일에 데모 은행 데이터를 채워 둘러보기</translation>
    </message>
    <message>
        <source>On the team&apos;s PostgreSQL server</source>
        <translation>팀의 PostgreSQL 서버에</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>연결 시험</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>포트</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>데이터베이스</translation>
    </message>
    <message>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>암호</translation>
    </message>
    <message>
        <source>Where should Beacon keep its data?</source>
        <translation>Beacon 데이터를 어디에 둘까요?</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>연결되었습니다.</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Mark all read</source>
        <translation>모두 읽음으로 표시</translation>
    </message>
</context>
<context>
    <name>IncidentListPage</name>
    <message>
        <source>All grades</source>
        <translation>전체 등급</translation>
    </message>
    <message>
        <source>All applications</source>
        <translation>전체 업무시스템</translation>
    </message>
    <message>
        <source>Search title and description</source>
        <translation>제목·내용 검색</translation>
    </message>
    <message>
        <source>Click to remove this filter</source>
        <translation>누르면 이 필터를 해제합니다</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>담당자 지정…</translation>
    </message>
    <message>
        <source>Regrade…</source>
        <translation>등급 변경…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>일괄 종결…</translation>
    </message>
    <message>
        <source>Bulk action</source>
        <translation>일괄 처리 결과</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <source>Number</source>
        <translation>번호</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>등급</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>업무시스템</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>담당자</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>등록 일시</translation>
    </message>
    <message>
        <source>Resolve within</source>
        <translation>해결 기한까지</translation>
    </message>
    <message>
        <source>{0} over</source>
        <translation>{0} 초과</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>준수</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>미준수</translation>
    </message>
    <message>
        <source>Due {0}</source>
        <translation>기한 {0}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to Beacon ITSM</source>
        <translation>Beacon ITSM 로그인</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>아이디</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>암호</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Beacon ITSM — {0}</source>
        <translation>Beacon ITSM — {0}</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>내 업무</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>장애</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>변경</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>작업 지시</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>알림함</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>대시보드</translation>
    </message>
    <message>
        <source>Beacon ITSM</source>
        <translation>Beacon ITSM</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>건(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New incident…</source>
        <translation>새 장애 등록(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find in list</source>
        <translation>목록에서 찾기(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>이동(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>Light theme</source>
        <translation>밝은 테마</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>어두운 테마</translation>
    </message>
    <message>
        <source>Inbox ({0})</source>
        <translation>알림함 ({0})</translation>
    </message>
    <message>
        <source>{0} — {1} unread</source>
        <translation>{0} — 읽지 않은 알림 {1}건</translation>
    </message>
    <message>
        <source> (+{0} more)</source>
        <translation> (외 {0}건)</translation>
    </message>
</context>
<context>
    <name>RegisterIncidentDialog</name>
    <message>
        <source>Register an incident</source>
        <translation>장애 등록</translation>
    </message>
    <message>
        <source>What is wrong, in one line</source>
        <translation>무엇이 문제인지 한 줄로</translation>
    </message>
    <message>
        <source>What happened, since when, who is affected</source>
        <translation>무슨 일이, 언제부터, 누구에게 영향을 주는지</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>제목 *</translation>
    </message>
    <message>
        <source>Application *</source>
        <translation>업무시스템 *</translation>
    </message>
    <message>
        <source>Impact (from the application)</source>
        <translation>영향도 (업무시스템 기준)</translation>
    </message>
    <message>
        <source>Urgency *</source>
        <translation>긴급도 *</translation>
    </message>
    <message>
        <source>Grade (urgency × impact)</source>
        <translation>등급 (긴급도 × 영향도)</translation>
    </message>
    <message>
        <source>Incident type *</source>
        <translation>장애 유형 *</translation>
    </message>
    <message>
        <source>Occurred at</source>
        <translation>발생 일시</translation>
    </message>
    <message>
        <source>Description *</source>
        <translation>내용 *</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>등록</translation>
    </message>
</context>
<context>
    <name>ReportRunner</name>
    <message>
        <source>Save report</source>
        <translation>보고서 저장</translation>
    </message>
</context>
<context>
    <name>SavedFilterBar</name>
    <message>
        <source>Save filter…</source>
        <translation>필터 저장…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>저장된 필터</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(선택)</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>필터 저장</translation>
    </message>
    <message>
        <source>Name of this filter:</source>
        <translation>필터 이름:</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>Fields marked * are required.</source>
        <translation>* 표시 항목은 필수입니다.</translation>
    </message>
</context>
<context>
    <name>_ListPage</name>
    <message>
        <source>Other users changed the list — refresh</source>
        <translation>다른 사용자가 목록을 변경했습니다 — 새로 고침</translation>
    </message>
    <message>
        <source> (more load as you scroll)</source>
        <translation> (스크롤하면 더 불러옵니다)</translation>
    </message>
    <message>
        <source>{0} shown</source>
        <translation>{0}건 표시</translation>
    </message>
    <message>
        <source>Could not load the list: {0}</source>
        <translation>목록을 불러오지 못했습니다: {0}</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>담당자 전체</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>나</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>미배정</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>전체 기간</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>최근 30일</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>최근 1년</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>전체 상태</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>진행 중</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Beacon ITSM</source>
        <translation>Beacon ITSM</translation>
    </message>
</context>
</TS>
