<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../desktop/views/pages.py" line="485"/>
        <source>Search titles</source>
        <translation>제목 검색</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../desktop/views/table_models.py" line="378"/>
        <source>Number</source>
        <translation>번호</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="378"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="378"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="378"/>
        <source>Assignee</source>
        <translation>담당자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="378"/>
        <source>Opened</source>
        <translation>등록 일시</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../desktop/views/case_view.py" line="147"/>
        <source>Report (PDF)</source>
        <translation>보고서 (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="148"/>
        <source>Save report…</source>
        <translation>보고서 저장…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="165"/>
        <source>Overview</source>
        <translation>개요</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="169"/>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="171"/>
        <source>Work orders</source>
        <translation>작업 지시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="186"/>
        <source>Links</source>
        <translation>연결된 건</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="175"/>
        <source>Propagation</source>
        <translation>전파 내역</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="168"/>
        <source>Actions</source>
        <translation>조치 내역</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="172"/>
        <source>Change</source>
        <translation>변경</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="174"/>
        <location filename="../../desktop/views/case_view.py" line="235"/>
        <source>Linked problem</source>
        <translation>연관 문제</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="177"/>
        <location filename="../../desktop/views/case_view.py" line="240"/>
        <source>Linked incidents</source>
        <translation>연관 장애</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="181"/>
        <source>Time chart</source>
        <translation>타임 차트</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="182"/>
        <source>History</source>
        <translation>이력</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="221"/>
        <source>Reporter</source>
        <translation>등록자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="222"/>
        <location filename="../../desktop/views/case_view.py" line="451"/>
        <source>Assignee</source>
        <translation>담당자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="223"/>
        <source>Team</source>
        <translation>담당 팀</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="226"/>
        <source>Urgency</source>
        <translation>긴급도</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="226"/>
        <source>Impact</source>
        <translation>영향도</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="227"/>
        <location filename="../../desktop/views/case_view.py" line="238"/>
        <location filename="../../desktop/views/case_view.py" line="492"/>
        <source>Registered</source>
        <translation>등록 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="228"/>
        <source>Accepted</source>
        <translation>접수 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="229"/>
        <location filename="../../desktop/views/case_view.py" line="239"/>
        <location filename="../../desktop/views/case_view.py" line="461"/>
        <source>Closed</source>
        <translation>종결 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="231"/>
        <source>Parent incident</source>
        <translation>상위 장애</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="233"/>
        <source>Child incidents</source>
        <translation>하위 장애</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="241"/>
        <source>Description</source>
        <translation>내용</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="241"/>
        <source>Resolution</source>
        <translation>조치 결과 요약</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="242"/>
        <source>Cause</source>
        <translation>장애 원인</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="242"/>
        <source>Result</source>
        <translation>처리 결과</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="243"/>
        <source>Follow-up plan</source>
        <translation>향후 조치 계획</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="244"/>
        <source>Recurrence prevention</source>
        <translation>재발 방지 대책</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="247"/>
        <location filename="../../desktop/views/case_view.py" line="276"/>
        <location filename="../../desktop/views/case_view.py" line="478"/>
        <source>Root cause</source>
        <translation>근본 원인</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="247"/>
        <location filename="../../desktop/views/case_view.py" line="276"/>
        <location filename="../../desktop/views/case_view.py" line="478"/>
        <source>Workaround</source>
        <translation>임시 해결 방안</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="248"/>
        <location filename="../../desktop/views/case_view.py" line="277"/>
        <source>Solution</source>
        <translation>해결 방안</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="245"/>
        <source>Instructions</source>
        <translation>작업 내용</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="245"/>
        <source>Cancel reason</source>
        <translation>취소 사유</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="261"/>
        <source>Root cause and workaround</source>
        <translation>근본 원인 및 임시 해결 방안</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="266"/>
        <source>Known error since {when}</source>
        <translation>{when}부터 알려진 오류</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="270"/>
        <source>Not a known error yet</source>
        <translation>아직 알려진 오류 아님</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="275"/>
        <location filename="../../desktop/views/case_view.py" line="477"/>
        <source>Known error</source>
        <translation>알려진 오류</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="277"/>
        <source>Verification</source>
        <translation>결과 확인</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="279"/>
        <source>— not recorded yet</source>
        <translation>— 아직 기록 없음</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="295"/>
        <source>Log an action</source>
        <translation>조치 내역 등록</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="299"/>
        <source>What was done, what was found</source>
        <translation>무엇을 했고 무엇을 확인했는지</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="306"/>
        <source>When it was done, in your time zone; earlier than now if you log it afterwards</source>
        <translation>조치한 일시(내 시간대). 나중에 기록하는 경우 실제 조치 시각으로 입력하세요</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="311"/>
        <source>not given</source>
        <translation>입력 안 함</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="312"/>
        <source> min</source>
        <translation>분</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="318"/>
        <source>Add action</source>
        <translation>조치 등록</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="328"/>
        <source>Now</source>
        <translation>지금</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="333"/>
        <source>Minutes spent</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="336"/>
        <location filename="../../desktop/views/case_view.py" line="343"/>
        <source>Kind</source>
        <translation>구분</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="340"/>
        <source>What was done *</source>
        <translation>조치 내용 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="341"/>
        <source>When it was done</source>
        <translation>조치 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="343"/>
        <source>Done at</source>
        <translation>조치 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="343"/>
        <source>Written at</source>
        <translation>기록 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="344"/>
        <source>Minutes</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="344"/>
        <source>What was done</source>
        <translation>조치 내용</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="352"/>
        <source>Investigation</source>
        <translation>조사</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="352"/>
        <source>Note</source>
        <comment>action kind</comment>
        <translation>메모</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="353"/>
        <source>Fix</source>
        <translation>수정</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="353"/>
        <source>Contact</source>
        <translation>연락</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="354"/>
        <source>Comment</source>
        <translation>의견</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="354"/>
        <source>Workaround</source>
        <comment>action kind</comment>
        <translation>임시 조치</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="379"/>
        <source>Logged afterwards: written at {written}</source>
        <translation>사후 기록: {written}에 입력됨</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="418"/>
        <source>Stages as bands, actions and other events as marks, SLA targets as dashed lines. Point at a mark for details.</source>
        <translation>단계는 막대로, 조치와 주요 이벤트는 표식으로, SLA 목표는 점선으로 표시합니다. 표식에 마우스를 올리면 자세한 내용이 보입니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="429"/>
        <source>Clock</source>
        <translation>시계</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="429"/>
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="429"/>
        <source>Elapsed</source>
        <translation>경과</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="429"/>
        <source>Remaining</source>
        <translation>남은 시간</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="430"/>
        <location filename="../../desktop/views/case_view.py" line="451"/>
        <location filename="../../desktop/views/case_view.py" line="460"/>
        <location filename="../../desktop/views/case_view.py" line="477"/>
        <location filename="../../desktop/views/case_view.py" line="491"/>
        <location filename="../../desktop/views/case_view.py" line="507"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="430"/>
        <source>Due</source>
        <translation>목표 시각</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="433"/>
        <source>Met</source>
        <translation>준수</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="433"/>
        <source>Missed</source>
        <translation>미준수</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="433"/>
        <source>Stopped</source>
        <translation>중지</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="434"/>
        <source>Paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="434"/>
        <source>On track</source>
        <translation>정상</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="434"/>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="435"/>
        <source>Breached</source>
        <translation>위반</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="451"/>
        <location filename="../../desktop/views/case_view.py" line="460"/>
        <location filename="../../desktop/views/case_view.py" line="477"/>
        <location filename="../../desktop/views/case_view.py" line="491"/>
        <location filename="../../desktop/views/case_view.py" line="507"/>
        <source>Number</source>
        <translation>번호</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="451"/>
        <location filename="../../desktop/views/case_view.py" line="460"/>
        <location filename="../../desktop/views/case_view.py" line="477"/>
        <location filename="../../desktop/views/case_view.py" line="491"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="452"/>
        <source>Issued</source>
        <translation>지시 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="460"/>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="461"/>
        <source>Requested</source>
        <translation>요청 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="461"/>
        <source>Planned</source>
        <translation>계획 일정</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="461"/>
        <source>Implemented</source>
        <translation>구현 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="463"/>
        <source>Program</source>
        <translation>프로그램</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="463"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="463"/>
        <source>Infrastructure</source>
        <translation>인프라</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="472"/>
        <source>A change runs its own process and may close after this case. Double-click a row to open it.</source>
        <translation>변경은 별도 프로세스로 진행되며 이 건보다 늦게 종료될 수 있습니다. 행을 두 번 클릭하면 열립니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="474"/>
        <source>No change has been requested from this case.</source>
        <translation>이 건에서 요청한 변경이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="482"/>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="482"/>
        <source>No</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="487"/>
        <source>Double-click a problem to open it.</source>
        <translation>문제를 두 번 클릭하면 열립니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="488"/>
        <source>No problem is linked. &apos;Link problem&apos; registers one from this incident.</source>
        <translation>연결된 문제가 없습니다. &apos;문제 연결&apos;로 이 장애에서 문제를 등록할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="491"/>
        <source>Grade</source>
        <translation>등급</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="503"/>
        <source>Double-click an incident to open it.</source>
        <translation>장애를 두 번 클릭하면 열립니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="504"/>
        <source>No incident is linked to this problem yet.</source>
        <translation>이 문제에 연결된 장애가 아직 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="507"/>
        <source>Link</source>
        <translation>연결</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="513"/>
        <source>Recipient</source>
        <translation>수신자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="513"/>
        <source>Why</source>
        <translation>수신 사유</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="513"/>
        <source>Notice</source>
        <translation>알림</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="513"/>
        <source>Channel</source>
        <translation>채널</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="514"/>
        <source>Status</source>
        <translation>전달 상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="514"/>
        <source>Written</source>
        <translation>발생 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="514"/>
        <source>Delivered</source>
        <translation>전달 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="522"/>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="522"/>
        <source>What</source>
        <translation>구분</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="343"/>
        <location filename="../../desktop/views/case_view.py" line="522"/>
        <source>Who</source>
        <translation>처리자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="432"/>
        <source>Response</source>
        <comment>SLA clock</comment>
        <translation>응답</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="432"/>
        <source>Resolution</source>
        <comment>SLA clock</comment>
        <translation>해결</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="441"/>
        <source> (business time, 1d = {hours}h)</source>
        <translation> (업무시간 기준, 1일 = {hours}시간)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="522"/>
        <source>From → to</source>
        <translation>상태 변화</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_view.py" line="523"/>
        <source>Note</source>
        <translation>내용</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="89"/>
        <source>Changed by someone else</source>
        <translation>다른 사용자가 먼저 변경함</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="91"/>
        <source>Reload the case</source>
        <translation>다시 불러오기</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="92"/>
        <source>Keep editing</source>
        <translation>계속 편집</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop/views/pages.py" line="594"/>
        <source>Grade</source>
        <translation>등급</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="594"/>
        <source>Incidents</source>
        <translation>장애</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="594"/>
        <source>On-time response</source>
        <translation>적기 접수율</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="595"/>
        <source>On-time resolution</source>
        <translation>적기 처리율</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="595"/>
        <source>Median to resolve</source>
        <translation>처리 시간 중앙값</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="596"/>
        <source>Open at month end</source>
        <translation>월말 미결</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="602"/>
        <source>Last month&apos;s SLA report (PDF)</source>
        <translation>지난달 SLA 보고서 (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="623"/>
        <source>SLA this month ({0})</source>
        <translation>이번 달 SLA ({0})</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop/views/first_run.py" line="34"/>
        <source>Welcome to Beacon ITSM</source>
        <translation>Beacon ITSM에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="35"/>
        <source>On this computer (a local file)</source>
        <translation>이 컴퓨터에 (로컬 파일)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="40"/>
        <source>Fill a new file with a demo bank to try things out</source>
        <translation>새 파일에 데모 은행 데이터를 채워 둘러보기</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="43"/>
        <source>On the team&apos;s PostgreSQL server</source>
        <translation>팀의 PostgreSQL 서버에</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="61"/>
        <source>Test connection</source>
        <translation>연결 시험</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="70"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="75"/>
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="76"/>
        <source>Port</source>
        <translation>포트</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="77"/>
        <source>Database</source>
        <translation>데이터베이스</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="78"/>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="79"/>
        <source>Password</source>
        <translation>암호</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="85"/>
        <source>Where should Beacon keep its data?</source>
        <translation>Beacon 데이터를 어디에 둘까요?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/first_run.py" line="110"/>
        <source>Connected.</source>
        <translation>연결되었습니다.</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../desktop/views/pages.py" line="545"/>
        <source>Mark all read</source>
        <translation>모두 읽음으로 표시</translation>
    </message>
</context>
<context>
    <name>IncidentListPage</name>
    <message>
        <location filename="../../desktop/views/pages.py" line="317"/>
        <source>All grades</source>
        <translation>전체 등급</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="322"/>
        <source>All applications</source>
        <translation>전체 업무시스템</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="329"/>
        <source>Search title and description</source>
        <translation>제목·내용 검색</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="333"/>
        <source>Click to remove this filter</source>
        <translation>누르면 이 필터를 해제합니다</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="346"/>
        <source>Assign…</source>
        <translation>담당자 지정…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="346"/>
        <source>Regrade…</source>
        <translation>등급 변경…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="347"/>
        <source>Close…</source>
        <translation>일괄 종결…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="468"/>
        <source>Bulk action</source>
        <translation>일괄 처리 결과</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../desktop/views/table_models.py" line="309"/>
        <source>Number</source>
        <translation>번호</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="309"/>
        <source>Grade</source>
        <translation>등급</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="309"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="309"/>
        <source>Application</source>
        <translation>업무시스템</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="309"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="310"/>
        <source>Assignee</source>
        <translation>담당자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="310"/>
        <source>Registered</source>
        <translation>등록 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="310"/>
        <source>Resolve within</source>
        <translation>해결 기한까지</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="340"/>
        <source>{0} over</source>
        <translation>{0} 초과</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="342"/>
        <source>Paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="342"/>
        <source>Met</source>
        <translation>준수</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="342"/>
        <source>Missed</source>
        <translation>미준수</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="361"/>
        <source>Due {0}</source>
        <translation>기한 {0}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="47"/>
        <source>Sign in to Beacon ITSM</source>
        <translation>Beacon ITSM 로그인</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="57"/>
        <source>User name</source>
        <translation>아이디</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="58"/>
        <source>Password</source>
        <translation>암호</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="60"/>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/views/main_window.py" line="54"/>
        <source>Beacon ITSM — {0}</source>
        <translation>Beacon ITSM — {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="71"/>
        <source>My work</source>
        <translation>내 업무</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="71"/>
        <source>Incidents</source>
        <translation>장애</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="71"/>
        <source>Problems</source>
        <translation>문제</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="71"/>
        <source>Changes</source>
        <translation>변경</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="72"/>
        <source>Work orders</source>
        <translation>작업 지시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="72"/>
        <location filename="../../desktop/views/main_window.py" line="179"/>
        <source>Inbox</source>
        <translation>알림함</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="72"/>
        <source>Dashboard</source>
        <translation>대시보드</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="72"/>
        <source>Administration</source>
        <translation>관리</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="92"/>
        <source>Beacon ITSM</source>
        <translation>Beacon ITSM</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="141"/>
        <source>&amp;Case</source>
        <translation>건(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="142"/>
        <source>&amp;New incident…</source>
        <translation>새 장애 등록(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="146"/>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="150"/>
        <source>&amp;Find in list</source>
        <translation>목록에서 찾기(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="154"/>
        <source>&amp;Go</source>
        <translation>이동(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="160"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="166"/>
        <source>Light theme</source>
        <translation>밝은 테마</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="166"/>
        <source>Dark theme</source>
        <translation>어두운 테마</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="179"/>
        <source>Inbox ({0})</source>
        <translation>알림함 ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="180"/>
        <source>{0} — {1} unread</source>
        <translation>{0} — 읽지 않은 알림 {1}건</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="220"/>
        <source> (+{0} more)</source>
        <translation> (외 {0}건)</translation>
    </message>
</context>
<context>
    <name>ProcessEditor</name>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="164"/>
        <source>Process</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="175"/>
        <source>● start   double border: final state   dashed: SLA clocks paused   ↻ stays in the state</source>
        <translation>● 시작   이중 테두리: 최종 상태   점선: SLA 시계 정지   ↻ 상태 유지</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="188"/>
        <source>Validate</source>
        <translation>검증</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="189"/>
        <source>Save as new version</source>
        <translation>새 버전으로 저장</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="190"/>
        <source>Discard changes</source>
        <translation>변경 취소</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="201"/>
        <source>Definition (TOML)</source>
        <translation>정의 (TOML)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="207"/>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="207"/>
        <source>In force</source>
        <translation>적용</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="207"/>
        <source>Open cases</source>
        <translation>열린 건</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="208"/>
        <source>All cases</source>
        <translation>전체 건</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="208"/>
        <source>Saved at</source>
        <translation>저장 시각</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="208"/>
        <source>Saved by</source>
        <translation>저장한 사람</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="214"/>
        <source>Put this version in force</source>
        <translation>이 버전 적용</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="215"/>
        <source>Edit from this version</source>
        <translation>이 버전으로 편집</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="219"/>
        <source>Versions (open cases keep the version they started with)</source>
        <translation>버전 (열린 건은 시작한 버전을 그대로 따릅니다)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="251"/>
        <location filename="../../desktop/views/admin/processes.py" line="258"/>
        <location filename="../../desktop/views/admin/processes.py" line="267"/>
        <source>Processes</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="259"/>
        <source>Your edits to this process are not saved. Discard them?</source>
        <translation>이 프로세스의 편집 내용이 저장되지 않았습니다. 버릴까요?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="268"/>
        <source>Put version %1 in force? New cases will start on it; open cases keep their version.</source>
        <translation>버전 %1을(를) 적용할까요? 새 건은 이 버전으로 시작하고, 열린 건은 원래 버전을 따릅니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="301"/>
        <location filename="../../desktop/views/admin/processes.py" line="358"/>
        <source>Version %1 (in force)</source>
        <translation>버전 %1 (적용 중)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="310"/>
        <source>in force</source>
        <translation>적용 중</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="311"/>
        <source>(shipped)</source>
        <translation>(기본 제공)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="331"/>
        <source>Version in force: v%1 — %2 open case(s) on it</source>
        <translation>적용 중인 버전: v%1 — 이 버전의 열린 건 %2건</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="356"/>
        <source>Version %1</source>
        <translation>버전 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="385"/>
        <source>Line %1: %2</source>
        <translation>%1행: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="393"/>
        <source>states added</source>
        <translation>추가된 상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="394"/>
        <source>states removed</source>
        <translation>삭제된 상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="395"/>
        <source>transitions added</source>
        <translation>추가된 전이</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="396"/>
        <source>transitions removed</source>
        <translation>삭제된 전이</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="397"/>
        <source>transitions changed</source>
        <translation>바뀐 전이</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="400"/>
        <source>no change to states or transitions</source>
        <translation>상태와 전이 변경 없음</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="406"/>
        <source>Your edit (not saved yet)</source>
        <translation>편집 중인 정의 (아직 저장 안 됨)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="411"/>
        <source>The definition is valid (%1).</source>
        <translation>정의가 올바릅니다 (%1).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="426"/>
        <source>Saved as version %1: new cases start on it; open cases keep their version.</source>
        <translation>버전 %1(으)로 저장했습니다: 새 건은 이 버전으로 시작하고, 열린 건은 원래 버전을 따릅니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="439"/>
        <source>Editing a copy of version %1; Save stores it as a new version.</source>
        <translation>버전 %1의 복사본을 편집 중입니다. 저장하면 새 버전이 됩니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="454"/>
        <source>Version %1 is in force again: new cases start on it.</source>
        <translation>버전 %1을(를) 다시 적용했습니다: 새 건은 이 버전으로 시작합니다.</translation>
    </message>
</context>
<context>
    <name>RegisterIncidentDialog</name>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="222"/>
        <source>Register an incident</source>
        <translation>장애 등록</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="225"/>
        <source>What is wrong, in one line</source>
        <translation>무엇이 문제인지 한 줄로</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="228"/>
        <source>What happened, since when, who is affected</source>
        <translation>무슨 일이, 언제부터, 누구에게 영향을 주는지</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="249"/>
        <source>Title *</source>
        <translation>제목 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="250"/>
        <source>Application *</source>
        <translation>업무시스템 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="251"/>
        <source>Impact (from the application)</source>
        <translation>영향도 (업무시스템 기준)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="252"/>
        <source>Urgency *</source>
        <translation>긴급도 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="253"/>
        <source>Grade (urgency × impact)</source>
        <translation>등급 (긴급도 × 영향도)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="254"/>
        <source>Incident type *</source>
        <translation>장애 유형 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="255"/>
        <source>Occurred at</source>
        <translation>발생 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="256"/>
        <source>Description *</source>
        <translation>내용 *</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="262"/>
        <source>Register</source>
        <translation>등록</translation>
    </message>
</context>
<context>
    <name>ReportRunner</name>
    <message>
        <location filename="../../desktop/views/reports.py" line="88"/>
        <source>Save report</source>
        <translation>보고서 저장</translation>
    </message>
</context>
<context>
    <name>SavedFilterBar</name>
    <message>
        <location filename="../../desktop/views/pages.py" line="95"/>
        <source>Save filter…</source>
        <translation>필터 저장…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="98"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="103"/>
        <source>Saved filters</source>
        <translation>저장된 필터</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="112"/>
        <source>(choose)</source>
        <translation>(선택)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="127"/>
        <source>Save filter</source>
        <translation>필터 저장</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="128"/>
        <source>Name of this filter:</source>
        <translation>필터 이름:</translation>
    </message>
</context>
<context>
    <name>TimeChart</name>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="91"/>
        <source>Actions</source>
        <translation>조치 내역</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="91"/>
        <source>Work orders</source>
        <translation>작업 지시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="91"/>
        <source>Changes</source>
        <translation>변경</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="92"/>
        <source>Linked incidents</source>
        <translation>연관 장애</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="92"/>
        <source>Key events</source>
        <translation>주요 이벤트</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="96"/>
        <source>Response due</source>
        <translation>응답 목표</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="96"/>
        <source>Resolution due</source>
        <translation>해결 목표</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="101"/>
        <source>Investigation</source>
        <translation>조사</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="101"/>
        <source>Note</source>
        <comment>action kind</comment>
        <translation>메모</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="102"/>
        <source>Fix</source>
        <translation>수정</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="102"/>
        <source>Contact</source>
        <translation>연락</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="103"/>
        <source>Comment</source>
        <translation>의견</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="103"/>
        <source>Workaround</source>
        <comment>action kind</comment>
        <translation>임시 조치</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="104"/>
        <source>Action</source>
        <translation>조치</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="107"/>
        <source>Grade change</source>
        <translation>등급 변경</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="107"/>
        <source>Reopened</source>
        <translation>재처리</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="108"/>
        <source>Cancelled</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="108"/>
        <source>Known error recorded</source>
        <translation>알려진 오류 등록</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="109"/>
        <source>Verification failed</source>
        <translation>결과 미흡</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="111"/>
        <source>Work order</source>
        <translation>작업 지시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="111"/>
        <source>Change</source>
        <translation>변경</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="112"/>
        <source>Linked incident</source>
        <translation>연관 장애</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="130"/>
        <source>{what} at {when} (outside the chart)</source>
        <translation>{what} {when} (차트 범위 밖)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="195"/>
        <source>… and {count} more here</source>
        <translation>… 이 위치에 {count}건 더</translation>
    </message>
    <message>
        <location filename="../../desktop/views/time_chart.py" line="229"/>
        <source>No time chart for this case.</source>
        <translation>이 건에는 타임 차트가 없습니다.</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="199"/>
        <source>Fields marked * are required.</source>
        <translation>* 표시 항목은 필수입니다.</translation>
    </message>
</context>
<context>
    <name>_ListPage</name>
    <message>
        <location filename="../../desktop/views/pages.py" line="183"/>
        <source>Other users changed the list — refresh</source>
        <translation>다른 사용자가 목록을 변경했습니다 — 새로 고침</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="197"/>
        <source> (more load as you scroll)</source>
        <translation> (스크롤하면 더 불러옵니다)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="198"/>
        <source>{0} shown</source>
        <translation>{0}건 표시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="201"/>
        <source>Could not load the list: {0}</source>
        <translation>목록을 불러오지 못했습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="241"/>
        <source>Anyone</source>
        <translation>담당자 전체</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="242"/>
        <source>Me</source>
        <translation>나</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="243"/>
        <source>Unassigned</source>
        <translation>미배정</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="256"/>
        <source>Any time</source>
        <translation>전체 기간</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="256"/>
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="256"/>
        <source>Last 30 days</source>
        <translation>최근 30일</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="257"/>
        <source>Last 365 days</source>
        <translation>최근 1년</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="264"/>
        <source>All states</source>
        <translation>전체 상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="266"/>
        <source>Open</source>
        <translation>진행 중</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="37"/>
        <source>Beacon ITSM</source>
        <translation>Beacon ITSM</translation>
    </message>
</context>
</TS>
