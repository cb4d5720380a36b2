<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../desktop/views/pages.py" line="207" />
        <source>All states</source>
        <translation>전체 상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="209" />
        <source>Open</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="213" />
        <source>Search titles</source>
        <translation>제목 검색</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../desktop/views/table_models.py" line="146" />
        <source>Number</source>
        <translation>번호</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="146" />
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="146" />
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="146" />
        <source>Assignee</source>
        <translation>담당자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="146" />
        <source>Opened</source>
        <translation>등록 일시</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../desktop/views/case_view.py" line="118" />
        <source>Report (PDF)</source>
        <translation>보고서 (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="119" />
        <source>Save report…</source>
        <translation>보고서 저장…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="127" />
        <source>Overview</source>
        <translation>개요</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="128" />
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="130" />
        <source>Work orders</source>
        <translation>작업 지시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="131" />
        <source>Links</source>
        <translation>연결된 건</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="133" />
        <source>Propagation</source>
        <translation>전파 내역</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="134" />
        <source>History</source>
        <translation>이력</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="148" />
        <source>Reporter</source>
        <translation>등록자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="149" />
        <location filename="../../desktop/views/case_view.py" line="197" />
        <source>Assignee</source>
        <translation>담당자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="150" />
        <source>Team</source>
        <translation>담당 팀</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="153" />
        <source>Urgency</source>
        <translation>긴급도</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="153" />
        <source>Impact</source>
        <translation>영향도</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="154" />
        <source>Registered</source>
        <translation>등록 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="155" />
        <source>Accepted</source>
        <translation>접수 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="156" />
        <source>Closed</source>
        <translation>종결 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="158" />
        <source>Parent incident</source>
        <translation>상위 장애</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="160" />
        <source>Child incidents</source>
        <translation>하위 장애</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="161" />
        <source>Description</source>
        <translation>내용</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="161" />
        <location filename="../../desktop/views/case_view.py" line="181" />
        <source>Resolution</source>
        <translation>조치 결과 요약</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="162" />
        <source>Cause</source>
        <translation>장애 원인</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="162" />
        <source>Result</source>
        <translation>처리 결과</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="163" />
        <source>Follow-up plan</source>
        <translation>향후 조치 계획</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="164" />
        <source>Recurrence prevention</source>
        <translation>재발 방지 대책</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="164" />
        <source>Root cause</source>
        <translation>근본 원인</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="165" />
        <source>Workaround</source>
        <translation>임시 해결 방안</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="165" />
        <source>Solution</source>
        <translation>해결 방안</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="166" />
        <source>Instructions</source>
        <translation>작업 내용</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="166" />
        <source>Cancel reason</source>
        <translation>취소 사유</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="178" />
        <source>Clock</source>
        <translation>시계</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="178" />
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="178" />
        <source>Elapsed</source>
        <translation>경과</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="178" />
        <source>Remaining</source>
        <translation>남은 시간</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="179" />
        <location filename="../../desktop/views/case_view.py" line="197" />
        <location filename="../../desktop/views/case_view.py" line="205" />
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="179" />
        <source>Due</source>
        <translation>목표 시각</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="181" />
        <source>Response</source>
        <translation>접수</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="182" />
        <source>Met</source>
        <translation>준수</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="182" />
        <source>Missed</source>
        <translation>미준수</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="182" />
        <source>Stopped</source>
        <translation>중지</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="183" />
        <source>Paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="183" />
        <source>On track</source>
        <translation>정상</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="183" />
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="184" />
        <source>Breached</source>
        <translation>위반</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="187" />
        <source> (business time)</source>
        <translation> (업무시간 기준)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="197" />
        <location filename="../../desktop/views/case_view.py" line="205" />
        <source>Number</source>
        <translation>번호</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="197" />
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="198" />
        <source>Issued</source>
        <translation>지시 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="205" />
        <source>Link</source>
        <translation>연결</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="211" />
        <source>Recipient</source>
        <translation>수신자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="211" />
        <source>Why</source>
        <translation>수신 사유</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="211" />
        <source>Notice</source>
        <translation>알림</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="211" />
        <source>Channel</source>
        <translation>채널</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="212" />
        <source>Status</source>
        <translation>전달 상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="212" />
        <source>Written</source>
        <translation>발생 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="212" />
        <source>Delivered</source>
        <translation>전달 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="220" />
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="220" />
        <source>What</source>
        <translation>구분</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="220" />
        <source>Who</source>
        <translation>처리자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="220" />
        <source>From → to</source>
        <translation>상태 변화</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="221" />
        <source>Note</source>
        <translation>내용</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="89" />
        <source>Changed by someone else</source>
        <translation>다른 사용자가 먼저 변경함</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="91" />
        <source>Reload the case</source>
        <translation>다시 불러오기</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="92" />
        <source>Keep editing</source>
        <translation>계속 편집</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop/views/pages.py" line="289" />
        <source>Grade</source>
        <translation>등급</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="289" />
        <source>Incidents</source>
        <translation>장애</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="289" />
        <source>On-time response</source>
        <translation>적기 접수율</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="290" />
        <source>On-time resolution</source>
        <translation>적기 처리율</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="290" />
        <source>Median to resolve</source>
        <translation>처리 시간 중앙값</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="291" />
        <source>Open at month end</source>
        <translation>월말 미결</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="297" />
        <source>Last month's SLA report (PDF)</source>
        <translation>지난달 SLA 보고서 (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="318" />
        <source>SLA this month ({0})</source>
        <translation>이번 달 SLA ({0})</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop/views/first_run.py" line="34" />
        <source>Welcome to Beacon ITSM</source>
        <translation>Beacon ITSM에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="35" />
        <source>On this computer (a local file)</source>
        <translation>이 컴퓨터에 (로컬 파일)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="40" />
        <source>Fill a new file with a demo bank to try things out</source>
        <translation>새 파일에 데모 은행 데이터를 채워 둘러보기</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="43" />
        <source>On the team's PostgreSQL server</source>
        <translation>팀의 PostgreSQL 서버에</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="61" />
        <source>Test connection</source>
        <translation>연결 시험</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="70" />
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="75" />
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="76" />
        <source>Port</source>
        <translation>포트</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="77" />
        <source>Database</source>
        <translation>데이터베이스</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="78" />
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="79" />
        <source>Password</source>
        <translation>암호</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="85" />
        <source>Where should Beacon keep its data?</source>
        <translation>Beacon 데이터를 어디에 둘까요?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="110" />
        <source>Connected.</source>
        <translation>연결되었습니다.</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../desktop/views/pages.py" line="245" />
        <source>Mark all read</source>
        <translation>모두 읽음으로 표시</translation>
    </message>
</context>
<context>
    <name>IncidentListPage</name>
    <message>
        <location filename="../../desktop/views/pages.py" line="88" />
        <source>All states</source>
        <translation>전체 상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="90" />
        <source>Open</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="95" />
        <source>All grades</source>
        <translation>전체 등급</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="100" />
        <source>All applications</source>
        <translation>전체 업무시스템</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="105" />
        <source>Any time</source>
        <translation>전체 기간</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="105" />
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="105" />
        <source>Last 30 days</source>
        <translation>최근 30일</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="106" />
        <source>Last 365 days</source>
        <translation>최근 1년</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="110" />
        <source>Search title and description</source>
        <translation>제목·내용 검색</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="121" />
        <source>Assign…</source>
        <translation>담당자 지정…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="121" />
        <source>Regrade…</source>
        <translation>등급 변경…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="122" />
        <source>Close…</source>
        <translation>일괄 종결…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="147" />
        <source>{0} shown (more load as you scroll)</source>
        <translation>{0}건 표시 (스크롤하면 더 불러옴)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="185" />
        <source>Bulk action</source>
        <translation>일괄 처리 결과</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../desktop/views/table_models.py" line="102" />
        <source>Number</source>
        <translation>번호</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="102" />
        <source>Grade</source>
        <translation>등급</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="102" />
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="102" />
        <source>Application</source>
        <translation>업무시스템</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="102" />
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="103" />
        <source>Assignee</source>
        <translation>담당자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="103" />
        <source>Registered</source>
        <translation>등록 일시</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="47" />
        <source>Sign in to Beacon ITSM</source>
        <translation>Beacon ITSM 로그인</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="57" />
        <source>User name</source>
        <translation>아이디</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="58" />
        <source>Password</source>
        <translation>암호</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="60" />
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/views/main_window.py" line="51" />
        <source>Beacon ITSM — {0}</source>
        <translation>Beacon ITSM — {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="66" />
        <source>My work</source>
        <translation>내 업무</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="66" />
        <source>Incidents</source>
        <translation>장애</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="66" />
        <source>Problems</source>
        <translation>문제</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="66" />
        <source>Changes</source>
        <translation>변경</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="67" />
        <source>Work orders</source>
        <translation>작업 지시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="67" />
        <location filename="../../desktop/views/main_window.py" line="143" />
        <source>Inbox</source>
        <translation>알림함</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="67" />
        <source>Dashboard</source>
        <translation>대시보드</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="122" />
        <source>&amp;Case</source>
        <translation>건(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="123" />
        <source>&amp;New incident…</source>
        <translation>새 장애 등록(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="127" />
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="131" />
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="137" />
        <source>Light theme</source>
        <translation>밝은 테마</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="137" />
        <source>Dark theme</source>
        <translation>어두운 테마</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="143" />
        <source>Inbox ({0})</source>
        <translation>알림함 ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="144" />
        <source>{0} — {1} unread</source>
        <translation>{0} — 읽지 않은 알림 {1}건</translation>
    </message>
</context>
<context>
    <name>RegisterIncidentDialog</name>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="210" />
        <source>Register an incident</source>
        <translation>장애 등록</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="213" />
        <source>What is wrong, in one line</source>
        <translation>무엇이 문제인지 한 줄로</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="216" />
        <source>What happened, since when, who is affected</source>
        <translation>무슨 일이, 언제부터, 누구에게 영향을 주는지</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="237" />
        <source>Title *</source>
        <translation>제목 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="238" />
        <source>Application *</source>
        <translation>업무시스템 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="239" />
        <source>Impact (from the application)</source>
        <translation>영향도 (업무시스템 기준)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="240" />
        <source>Urgency *</source>
        <translation>긴급도 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="241" />
        <source>Grade (urgency × impact)</source>
        <translation>등급 (긴급도 × 영향도)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="242" />
        <source>Incident type *</source>
        <translation>장애 유형 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="243" />
        <source>Occurred at</source>
        <translation>발생 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="244" />
        <source>Description *</source>
        <translation>내용 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="250" />
        <source>Register</source>
        <translation>등록</translation>
    </message>
</context>
<context>
    <name>ReportRunner</name>
    <message>
        <location filename="../../desktop/views/reports.py" line="75" />
        <source>Save report</source>
        <translation>보고서 저장</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="187" />
        <source>Fields marked * are required.</source>
        <translation>* 표시 항목은 필수입니다.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="37" />
        <source>Beacon ITSM</source>
        <translation>Beacon ITSM</translation>
    </message>
</context>
</TS>