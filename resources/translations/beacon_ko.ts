<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AddMemberDialog</name>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="52"/>
        <source>Add to the propagation group of {0}</source>
        <translation>{0} 전파 그룹에 추가</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="57"/>
        <source>e.g. branch liaison for this system</source>
        <translation>예: 이 시스템의 영업점 연락 담당</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="59"/>
        <source>Why</source>
        <translation>사유</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="61"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="62"/>
        <source>Add</source>
        <translation>추가</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../desktop/views/pages.py" line="492"/>
        <source>Search titles</source>
        <translation>제목 검색</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../desktop/views/table_models.py" line="380"/>
        <source>Number</source>
        <translation>번호</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="380"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="380"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="380"/>
        <source>Assignee</source>
        <translation>담당자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="380"/>
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
    <name>CiEditor</name>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="107"/>
        <source>Search code or name</source>
        <translation>코드 또는 이름 검색</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="111"/>
        <source>All kinds</source>
        <translation>모든 종류</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="114"/>
        <source>Show retired</source>
        <translation>폐기된 항목 표시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="119"/>
        <location filename="../../desktop/views/admin/cis.py" line="161"/>
        <location filename="../../desktop/views/admin/cis.py" line="187"/>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="119"/>
        <location filename="../../desktop/views/admin/cis.py" line="187"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="119"/>
        <location filename="../../desktop/views/admin/cis.py" line="165"/>
        <source>Impact</source>
        <translation>영향도</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="122"/>
        <location filename="../../desktop/views/admin/cis.py" line="368"/>
        <source>New configuration item</source>
        <translation>새 구성 항목</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="162"/>
        <source>Name (Korean)</source>
        <translation>이름 (한국어)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="163"/>
        <source>Name (English)</source>
        <translation>이름 (영어)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="164"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="166"/>
        <source>Team</source>
        <translation>팀</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="167"/>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="168"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="171"/>
        <location filename="../../desktop/views/admin/cis.py" line="372"/>
        <source>Retire</source>
        <translation>폐기</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="174"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="187"/>
        <source>Relation</source>
        <translation>관계</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="198"/>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="201"/>
        <source>Remove selected</source>
        <translation>선택 항목 삭제</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="216"/>
        <source>Number</source>
        <translation>번호</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="216"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="216"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="217"/>
        <source>Grade</source>
        <translation>등급</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="217"/>
        <source>Registered</source>
        <translation>등록 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="226"/>
        <source>Relations</source>
        <translation>관계</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="227"/>
        <source>Incidents of this item</source>
        <translation>이 항목의 장애</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="263"/>
        <source>Configuration items</source>
        <translation>구성 항목</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="277"/>
        <location filename="../../desktop/views/admin/cis.py" line="281"/>
        <source>— none —</source>
        <translation>— 없음 —</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="310"/>
        <location filename="../../desktop/views/admin/cis.py" line="455"/>
        <source>{0} (retired)</source>
        <translation>{0} (폐기됨)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="370"/>
        <source>in service</source>
        <translation>사용 중</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="370"/>
        <source>retired</source>
        <translation>폐기됨</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="372"/>
        <source>Return to service</source>
        <translation>다시 사용</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="407"/>
        <source>Saved {0}.</source>
        <translation>{0}을(를) 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="423"/>
        <source>{0} is retired: it is no longer offered for new incidents; its history stays.</source>
        <translation>{0}을(를) 폐기했습니다. 새 장애 등록에는 더 이상 나오지 않으며 이력은 그대로 남습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="424"/>
        <source>{0} is in service again.</source>
        <translation>{0}을(를) 다시 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="431"/>
        <source>Delete configuration item</source>
        <translation>구성 항목 삭제</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="432"/>
        <source>Delete {0} for good? Only an item no case refers to can be deleted.</source>
        <translation>{0}을(를) 완전히 삭제할까요? 어떤 장애·문제·변경도 참조하지 않는 항목만 삭제할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="443"/>
        <source>Deleted {0}.</source>
        <translation>{0}을(를) 삭제했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="461"/>
        <source>Relations ({0})</source>
        <translation>관계 ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="480"/>
        <source>Relation added.</source>
        <translation>관계를 추가했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="493"/>
        <source>Relation removed.</source>
        <translation>관계를 삭제했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/cis.py" line="509"/>
        <source>Incidents of this item ({0})</source>
        <translation>이 항목의 장애 ({0})</translation>
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
    <name>CopyRowDialog</name>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="109"/>
        <source>Copy owners to other CIs</source>
        <translation>다른 구성 항목에 담당자 복사</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="110"/>
        <source>Click the configuration items that should get the owners of {0} (every role):</source>
        <translation>{0}의 담당자를 그대로 받을 구성 항목을 클릭해 고르세요 (모든 역할):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="128"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="129"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="114"/>
        <source>Filter by code or name</source>
        <translation>코드 또는 이름으로 거르기</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="155"/>
        <source>Grade</source>
        <translation>등급</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="125"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="155"/>
        <source>Number</source>
        <translation>번호</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="155"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="156"/>
        <source>SLA clock</source>
        <translation>SLA 시계</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="156"/>
        <source>Due</source>
        <translation>목표 시각</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="156"/>
        <source>Remaining</source>
        <translation>남은 시간</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="166"/>
        <location filename="../../desktop/views/dashboard.py" line="169"/>
        <source>On-time response</source>
        <translation>적기 접수율</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="166"/>
        <location filename="../../desktop/views/dashboard.py" line="169"/>
        <location filename="../../desktop/views/dashboard.py" line="172"/>
        <source>On-time resolution</source>
        <translation>적기 처리율</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="172"/>
        <source>Registered</source>
        <translation>등록</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="172"/>
        <source>Closed</source>
        <translation>종결</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="175"/>
        <source>No incidents</source>
        <translation>장애 없음</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="227"/>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="268"/>
        <source>Could not load the dashboard: {0}</source>
        <translation>대시보드를 불러오지 못했습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="287"/>
        <source>Dashboard {0}</source>
        <translation>대시보드 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="289"/>
        <source>Open incidents by grade ({0})</source>
        <translation>등급별 미결 장애 ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="290"/>
        <source>Open incidents by state</source>
        <translation>상태별 미결 장애</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="291"/>
        <source>About to breach: {0} clocks past due</source>
        <translation>SLA 임박·초과: 목표 시각이 지난 시계 {0}개</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="292"/>
        <source>About to breach</source>
        <translation>SLA 임박·초과</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="293"/>
        <source>On-time rates this month by grade</source>
        <translation>이번 달 등급별 적기 처리율</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="296"/>
        <source>On-time rates this month by application (top {0} of {1})</source>
        <translation>이번 달 업무시스템별 적기 처리율 (상위 {0}개 / 전체 {1}개)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="299"/>
        <source>On-time rates this month by application</source>
        <translation>이번 달 업무시스템별 적기 처리율</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="300"/>
        <source>12-month trend</source>
        <translation>최근 12개월 추이</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="307"/>
        <source> · only incidents you registered</source>
        <translation> · 내가 등록한 장애만</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="308"/>
        <source>Updated {0}</source>
        <translation>{0} 기준</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="310"/>
        <location filename="../../desktop/views/dashboard.py" line="313"/>
        <source>{0}: {1} open — click to list them</source>
        <translation>{0}: 미결 {1}건 — 클릭하면 목록을 엽니다</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="325"/>
        <source>{0} incidents</source>
        <translation>{0}건</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="326"/>
        <source>{0}: {1} incidents this month
On-time response {2} ({3} of {4})
On-time resolution {5} ({6} of {7})
Click to list them</source>
        <translation>{0}: 이번 달 {1}건
적기 응답률 {2} ({4}건 중 {3}건)
적기 해결률 {5} ({7}건 중 {6}건)
클릭하면 목록을 엽니다</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="331"/>
        <source>{0}, registered {1}, not cancelled</source>
        <translation>{0}, {1} 등록, 취소 제외</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="339"/>
        <source>{0}-{1}: {2} registered, {3} closed
On-time resolution {4}
Click to list the month&apos;s incidents</source>
        <translation>{0}-{1}: 등록 {2}건, 종결 {3}건
적기 해결률 {4}
클릭하면 그 달의 장애 목록을 엽니다</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="342"/>
        <source>Registered {0}</source>
        <translation>{0} 등록</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="347"/>
        <source>Response</source>
        <translation>응답</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="347"/>
        <source>Resolution</source>
        <translation>해결</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="355"/>
        <source>{0} (business)</source>
        <translation>{0} (업무시간)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="356"/>
        <source>{0} overdue</source>
        <translation>{0} 초과</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="362"/>
        <source>Click to open {0}</source>
        <translation>클릭하면 {0}을(를) 엽니다</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="370"/>
        <source>No open incident is near its SLA target</source>
        <translation>SLA 목표에 임박한 미결 장애가 없습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dashboard.py" line="131"/>
        <source>Last month&apos;s SLA report (PDF)</source>
        <translation>지난달 SLA 보고서 (PDF)</translation>
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
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="159"/>
        <source>Import refused</source>
        <translation>가져오기 거부됨</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="160"/>
        <source>{0}: {1} bad rows. Nothing was imported; fix the file and import it again.</source>
        <translation>{0}: 잘못된 행 {1}개. 아무것도 가져오지 않았습니다. 파일을 고친 뒤 다시 가져오세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="165"/>
        <source>Line</source>
        <translation>행</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="165"/>
        <source>Column</source>
        <translation>열</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="165"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="166"/>
        <source>Problem</source>
        <translation>문제점</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="176"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../desktop/views/pages.py" line="554"/>
        <source>Mark all read</source>
        <translation>모두 읽음으로 표시</translation>
    </message>
</context>
<context>
    <name>IncidentListPage</name>
    <message>
        <location filename="../../desktop/views/pages.py" line="322"/>
        <source>All grades</source>
        <translation>전체 등급</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="327"/>
        <source>All applications</source>
        <translation>전체 업무시스템</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="334"/>
        <source>Search title and description</source>
        <translation>제목·내용 검색</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="338"/>
        <source>Click to remove this filter</source>
        <translation>누르면 이 필터를 해제합니다</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="353"/>
        <source>Assign…</source>
        <translation>담당자 지정…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="353"/>
        <source>Regrade…</source>
        <translation>등급 변경…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="354"/>
        <source>Close…</source>
        <translation>일괄 종결…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="475"/>
        <source>Bulk action</source>
        <translation>일괄 처리 결과</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../desktop/views/table_models.py" line="311"/>
        <source>Number</source>
        <translation>번호</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="311"/>
        <source>Grade</source>
        <translation>등급</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="311"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="311"/>
        <source>Application</source>
        <translation>업무시스템</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="311"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="312"/>
        <source>Assignee</source>
        <translation>담당자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="312"/>
        <source>Registered</source>
        <translation>등록 일시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="312"/>
        <source>Resolve within</source>
        <translation>해결 기한까지</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="342"/>
        <source>{0} over</source>
        <translation>{0} 초과</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="344"/>
        <source>Paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="344"/>
        <source>Met</source>
        <translation>준수</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="344"/>
        <source>Missed</source>
        <translation>미준수</translation>
    </message>
    <message>
        <location filename="../../desktop/views/table_models.py" line="363"/>
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
        <location filename="../../desktop/views/main_window.py" line="56"/>
        <source>Beacon ITSM — {0}</source>
        <translation>Beacon ITSM — {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="73"/>
        <source>My work</source>
        <translation>내 업무</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="73"/>
        <source>Incidents</source>
        <translation>장애</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="73"/>
        <source>Problems</source>
        <translation>문제</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="73"/>
        <source>Changes</source>
        <translation>변경</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="74"/>
        <source>Work orders</source>
        <translation>작업 지시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="74"/>
        <location filename="../../desktop/views/main_window.py" line="192"/>
        <source>Inbox</source>
        <translation>알림함</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="74"/>
        <source>Dashboard</source>
        <translation>대시보드</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="74"/>
        <source>Administration</source>
        <translation>관리</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="94"/>
        <source>Beacon ITSM</source>
        <translation>Beacon ITSM</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="154"/>
        <source>&amp;Case</source>
        <translation>건(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="155"/>
        <source>&amp;New incident…</source>
        <translation>새 장애 등록(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="159"/>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="163"/>
        <source>&amp;Find in list</source>
        <translation>목록에서 찾기(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="167"/>
        <source>&amp;Go</source>
        <translation>이동(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="173"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="179"/>
        <source>Light theme</source>
        <translation>밝은 테마</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="179"/>
        <source>Dark theme</source>
        <translation>어두운 테마</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="192"/>
        <source>Inbox ({0})</source>
        <translation>알림함 ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="193"/>
        <source>{0} — {1} unread</source>
        <translation>{0} — 읽지 않은 알림 {1}건</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="233"/>
        <source> (+{0} more)</source>
        <translation> (외 {0}건)</translation>
    </message>
</context>
<context>
    <name>MatrixEditor</name>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="204"/>
        <source>Search CI, code or person</source>
        <translation>구성 항목, 코드, 담당자 검색</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="206"/>
        <source>Only flagged</source>
        <translation>경고만 보기</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="212"/>
        <source>Import CSV…</source>
        <translation>CSV 가져오기…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="213"/>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="214"/>
        <source>Copy row…</source>
        <translation>행 복사…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="215"/>
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="216"/>
        <source>Discard changes</source>
        <translation>변경 취소</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="217"/>
        <location filename="../../desktop/views/admin/matrix.py" line="563"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="232"/>
        <location filename="../../desktop/views/admin/matrix.py" line="595"/>
        <source>Pick a cell to edit its people.</source>
        <translation>담당자를 바꿀 칸을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="239"/>
        <source>Up</source>
        <translation>위로</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="240"/>
        <source>Down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="241"/>
        <source>Remove</source>
        <translation>빼기</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="249"/>
        <source>Add to cell</source>
        <translation>칸에 추가</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="253"/>
        <source>Cell</source>
        <translation>칸</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="266"/>
        <source>Who gets an incident on this application</source>
        <translation>이 업무시스템에 장애가 등록되면</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="297"/>
        <source>Owner matrix</source>
        <translation>담당자 매트릭스</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="350"/>
        <source>Undone.</source>
        <translation>되돌렸습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="354"/>
        <source>Changes discarded; the saved matrix is shown.</source>
        <translation>변경을 취소했습니다. 저장된 매트릭스를 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="359"/>
        <source>Nothing to save.</source>
        <translation>저장할 변경이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="367"/>
        <source>Saved: {0} cells ({1} people added, {2} taken out).</source>
        <translation>저장했습니다: {0}칸 (추가 {1}명, 제외 {2}명).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="392"/>
        <source>{0} is already in this cell.</source>
        <translation>{0}님은 이미 이 칸에 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="422"/>
        <source>Pick the row to copy first.</source>
        <translation>먼저 복사할 행을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="431"/>
        <source>Copied to {0} CIs; not saved yet.</source>
        <translation>구성 항목 {0}개에 복사했습니다. 아직 저장하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="435"/>
        <source>Import owner matrix</source>
        <translation>담당자 매트릭스 가져오기</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="436"/>
        <location filename="../../desktop/views/admin/matrix.py" line="443"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="441"/>
        <source>Export owner matrix</source>
        <translation>담당자 매트릭스 내보내기</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="453"/>
        <source>Cannot read {0}: {1}</source>
        <translation>{0}을(를) 읽을 수 없습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="457"/>
        <source>{0}: {1} bad rows; nothing imported.</source>
        <translation>{0}: 잘못된 행 {1}개. 아무것도 가져오지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="463"/>
        <source>The matrix changed since it was loaded; discard or save, then import again.</source>
        <translation>불러온 뒤 매트릭스가 바뀌었습니다. 변경을 취소하거나 저장한 뒤 다시 가져오세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="466"/>
        <source>{0}: {1} rows read, {2} cells change. Not saved yet: check, then Save.</source>
        <translation>{0}: {1}행을 읽었고 {2}칸이 바뀝니다. 아직 저장하지 않았습니다. 확인한 뒤 저장하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="480"/>
        <source>Cannot write {0}: {1}</source>
        <translation>{0}에 쓸 수 없습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="482"/>
        <source> (the saved matrix; unsaved edits are not in it)</source>
        <translation> (저장된 매트릭스입니다. 저장하지 않은 변경은 들어 있지 않습니다)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="483"/>
        <source>Exported to {0}.</source>
        <translation>{0}(으)로 내보냈습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="497"/>
        <source>Configuration item</source>
        <translation>구성 항목</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="507"/>
        <source>Not linked to an application</source>
        <translation>업무시스템에 연결되지 않음</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="532"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="547"/>
        <source>(no team)</source>
        <translation>(팀 없음)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="554"/>
        <source>{0} applications have no primary handler: </source>
        <translation>주담당자가 없는 업무시스템 {0}개: </translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="558"/>
        <source>Every application has a primary handler.</source>
        <translation>모든 업무시스템에 주담당자가 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="563"/>
        <source>Save ({0})</source>
        <translation>저장 ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="614"/>
        <source>Pick a row of an application to see who would get its incidents.</source>
        <translation>업무시스템 행을 고르면 장애를 누가 받는지 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="623"/>
        <source>Assigned to: {0}</source>
        <translation>배정: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="626"/>
        <source>Assigned to the team {0}, nobody in person</source>
        <translation>{0} 팀에 배정 (담당자 없음)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="628"/>
        <source>Nobody is assigned</source>
        <translation>아무에게도 배정되지 않음</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="630"/>
        <source>Told it is theirs: {0}</source>
        <translation>배정 알림: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="632"/>
        <source>Propagation group told:</source>
        <translation>전파 대상:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="632"/>
        <source>nobody</source>
        <translation>없음</translation>
    </message>
</context>
<context>
    <name>ProcessEditor</name>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="194"/>
        <source>Process</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="205"/>
        <source>● start   double border: final state   dashed: SLA clocks paused   ↻ stays in the state</source>
        <translation>● 시작   이중 테두리: 최종 상태   점선: SLA 시계 정지   ↻ 상태 유지</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="218"/>
        <source>Validate</source>
        <translation>검증</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="219"/>
        <source>Save as new version</source>
        <translation>새 버전으로 저장</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="220"/>
        <source>Discard changes</source>
        <translation>변경 취소</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="231"/>
        <source>Definition (TOML)</source>
        <translation>정의 (TOML)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="237"/>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="237"/>
        <source>In force</source>
        <translation>적용</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="237"/>
        <source>Open cases</source>
        <translation>열린 건</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="238"/>
        <source>All cases</source>
        <translation>전체 건</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="238"/>
        <source>Saved at</source>
        <translation>저장 시각</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="238"/>
        <source>Saved by</source>
        <translation>저장한 사람</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="244"/>
        <source>Put this version in force</source>
        <translation>이 버전 적용</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="245"/>
        <source>Edit from this version</source>
        <translation>이 버전으로 편집</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="249"/>
        <source>Versions (open cases keep the version they started with)</source>
        <translation>버전 (열린 건은 시작한 버전을 그대로 따릅니다)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="281"/>
        <location filename="../../desktop/views/admin/processes.py" line="288"/>
        <location filename="../../desktop/views/admin/processes.py" line="297"/>
        <source>Processes</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="289"/>
        <source>Your edits to this process are not saved. Discard them?</source>
        <translation>이 프로세스의 편집 내용이 저장되지 않았습니다. 버릴까요?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="298"/>
        <source>Put version %1 in force? New cases will start on it; open cases keep their version.</source>
        <translation>버전 %1을(를) 적용할까요? 새 건은 이 버전으로 시작하고, 열린 건은 원래 버전을 따릅니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="331"/>
        <location filename="../../desktop/views/admin/processes.py" line="388"/>
        <source>Version %1 (in force)</source>
        <translation>버전 %1 (적용 중)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="340"/>
        <source>in force</source>
        <translation>적용 중</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="341"/>
        <source>(shipped)</source>
        <translation>(기본 제공)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="361"/>
        <source>Version in force: v%1 — %2 open case(s) on it</source>
        <translation>적용 중인 버전: v%1 — 이 버전의 열린 건 %2건</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="386"/>
        <source>Version %1</source>
        <translation>버전 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="417"/>
        <source>Line %1: %2</source>
        <translation>%1행: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="425"/>
        <source>states added</source>
        <translation>추가된 상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="426"/>
        <source>states removed</source>
        <translation>삭제된 상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="427"/>
        <source>transitions added</source>
        <translation>추가된 전이</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="428"/>
        <source>transitions removed</source>
        <translation>삭제된 전이</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="429"/>
        <source>transitions changed</source>
        <translation>바뀐 전이</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="432"/>
        <source>no change to states or transitions</source>
        <translation>상태와 전이 변경 없음</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="438"/>
        <source>Your edit (not saved yet)</source>
        <translation>편집 중인 정의 (아직 저장 안 됨)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="443"/>
        <source>The definition is valid (%1).</source>
        <translation>정의가 올바릅니다 (%1).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="458"/>
        <source>Saved as version %1: new cases start on it; open cases keep their version.</source>
        <translation>버전 %1(으)로 저장했습니다: 새 건은 이 버전으로 시작하고, 열린 건은 원래 버전을 따릅니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="471"/>
        <source>Editing a copy of version %1; Save stores it as a new version.</source>
        <translation>버전 %1의 복사본을 편집 중입니다. 저장하면 새 버전이 됩니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/processes.py" line="486"/>
        <source>Version %1 is in force again: new cases start on it.</source>
        <translation>버전 %1을(를) 다시 적용했습니다: 새 건은 이 버전으로 시작합니다.</translation>
    </message>
</context>
<context>
    <name>PropagationEditor</name>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="112"/>
        <source>Search applications</source>
        <translation>업무시스템 검색</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="127"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="127"/>
        <source>Team</source>
        <translation>팀</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="127"/>
        <source>Rule</source>
        <translation>포함 규칙</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="127"/>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="135"/>
        <source>Add person…</source>
        <translation>사람 추가…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="136"/>
        <source>Remove from group…</source>
        <translation>그룹에서 제외…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="137"/>
        <source>Put back</source>
        <translation>다시 포함</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="144"/>
        <source>Members</source>
        <translation>구성원</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="156"/>
        <source>Who</source>
        <translation>수신자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="156"/>
        <source>Why</source>
        <translation>사유</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="156"/>
        <source>Channels</source>
        <translation>채널</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="160"/>
        <source>Preview: who a sample incident would reach</source>
        <translation>미리보기: 예시 장애 알림을 받는 사람</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="163"/>
        <source>Notice</source>
        <translation>알림</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="191"/>
        <source>Propagation groups</source>
        <translation>전파 그룹</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="230"/>
        <source>{0}: {1} people are told; grey rows were taken out by hand.</source>
        <translation>{0}: {1}명에게 알립니다. 회색 행은 수동으로 제외된 사람입니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="286"/>
        <source>Added; saved.</source>
        <translation>추가하고 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="297"/>
        <source>Removed; saved.</source>
        <translation>제외하고 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="305"/>
        <source>Put back; saved.</source>
        <translation>다시 포함하고 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="311"/>
        <source>In-app</source>
        <translation>앱 알림</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="311"/>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="311"/>
        <source>Webhook</source>
        <translation>웹훅</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="85"/>
        <source>Remove {0} from the group</source>
        <translation>{0}님을 그룹에서 제외</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="87"/>
        <source>e.g. on leave until March</source>
        <translation>예: 3월까지 휴직</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="89"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="90"/>
        <source>Remove</source>
        <translation>빼기</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/propagation.py" line="94"/>
        <source>Why</source>
        <translation>사유</translation>
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
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="47"/>
        <source>Reset password of {0}</source>
        <translation>{0}의 암호 재설정</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="51"/>
        <source>empty: generate one</source>
        <translation>비워 두면 자동 생성</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="52"/>
        <source>At least {0} characters. Leave empty and Beacon makes one up and shows it once.</source>
        <translation>{0}자 이상 입력하세요. 비워 두면 Beacon이 암호를 만들어 한 번만 보여 줍니다.</translation>
    </message>
</context>
<context>
    <name>SavedFilterBar</name>
    <message>
        <location filename="../../desktop/views/pages.py" line="99"/>
        <source>Save filter…</source>
        <translation>필터 저장…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="102"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="107"/>
        <source>Saved filters</source>
        <translation>저장된 필터</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="116"/>
        <source>(choose)</source>
        <translation>(선택)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="131"/>
        <source>Save filter</source>
        <translation>필터 저장</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="132"/>
        <source>Name of this filter:</source>
        <translation>필터 이름:</translation>
    </message>
</context>
<context>
    <name>TeamsPanel</name>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="448"/>
        <location filename="../../desktop/views/admin/users.py" line="467"/>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="448"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="448"/>
        <location filename="../../desktop/views/admin/users.py" line="471"/>
        <source>Parent team</source>
        <translation>상위 팀</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="449"/>
        <source>Active members</source>
        <translation>활성 구성원</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="449"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="468"/>
        <source>Name (Korean)</source>
        <translation>이름 (한국어)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="469"/>
        <source>Name (English)</source>
        <translation>이름 (영어)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="470"/>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="472"/>
        <location filename="../../desktop/views/admin/users.py" line="564"/>
        <source>New team</source>
        <translation>새 팀</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="475"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="478"/>
        <location filename="../../desktop/views/admin/users.py" line="566"/>
        <source>Disable</source>
        <translation>사용 중지</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="514"/>
        <source>active</source>
        <translation>활성</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="514"/>
        <source>disabled</source>
        <translation>사용 중지됨</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="532"/>
        <source>— none —</source>
        <translation>— 없음 —</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="566"/>
        <source>Enable</source>
        <translation>사용 재개</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="588"/>
        <source>Saved {0}.</source>
        <translation>{0}을(를) 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="604"/>
        <source>Team {0} disabled.</source>
        <translation>팀 {0}을(를) 사용 중지했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="605"/>
        <source>Team {0} enabled.</source>
        <translation>팀 {0}을(를) 다시 사용합니다.</translation>
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
    <name>UserEditor</name>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="82"/>
        <source>Users</source>
        <translation>사용자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="83"/>
        <source>Teams</source>
        <translation>팀</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="90"/>
        <source>Users and teams</source>
        <translation>사용자 및 팀</translation>
    </message>
</context>
<context>
    <name>UserPicker</name>
    <message>
        <location filename="../../desktop/views/admin/matrix.py" line="65"/>
        <source>Search people by name or team</source>
        <translation>이름 또는 팀으로 사람 검색</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="114"/>
        <source>Search name, user name, e-mail or team</source>
        <translation>이름, 아이디, 이메일 또는 팀 검색</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="118"/>
        <source>Active users</source>
        <translation>활성 사용자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="119"/>
        <source>Disabled users</source>
        <translation>사용 중지된 사용자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="120"/>
        <source>All users</source>
        <translation>모든 사용자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="121"/>
        <location filename="../../desktop/views/admin/users.py" line="174"/>
        <source>User name</source>
        <translation>아이디</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="121"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="121"/>
        <location filename="../../desktop/views/admin/users.py" line="180"/>
        <source>Team</source>
        <translation>팀</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="122"/>
        <location filename="../../desktop/views/admin/users.py" line="186"/>
        <source>Roles</source>
        <translation>역할</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="122"/>
        <source>Last sign-in</source>
        <translation>최근 로그인</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="124"/>
        <location filename="../../desktop/views/admin/users.py" line="346"/>
        <source>New user</source>
        <translation>새 사용자</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="171"/>
        <source>empty: generate one</source>
        <translation>비워 두면 자동 생성</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="172"/>
        <source>Password</source>
        <translation>암호</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="175"/>
        <source>Name (Korean)</source>
        <translation>이름 (한국어)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="176"/>
        <source>Name (English)</source>
        <translation>이름 (영어)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="177"/>
        <location filename="../../desktop/views/admin/users.py" line="196"/>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="178"/>
        <source>Phone</source>
        <translation>전화</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="179"/>
        <source>Job title</source>
        <translation>직위</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="181"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="182"/>
        <source>Time zone</source>
        <translation>시간대</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="194"/>
        <source>Notices (in-app always)</source>
        <translation>알림 (앱 내 알림은 항상)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="200"/>
        <source>empty: the user&apos;s e-mail</source>
        <translation>비워 두면 사용자 이메일</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="201"/>
        <source>Webhook</source>
        <translation>웹훅</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="211"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="214"/>
        <location filename="../../desktop/views/admin/users.py" line="350"/>
        <source>Disable</source>
        <translation>사용 중지</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="217"/>
        <source>Reset password…</source>
        <translation>암호 재설정…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="230"/>
        <source>New password, shown only now — pass it on:</source>
        <translation>새 암호 (지금 한 번만 표시됩니다. 본인에게 전달하세요):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="268"/>
        <source>— none —</source>
        <translation>— 없음 —</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="285"/>
        <source>{0} (disabled)</source>
        <translation>{0} (사용 중지됨)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="348"/>
        <source>active</source>
        <translation>활성</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="348"/>
        <source>disabled</source>
        <translation>사용 중지됨</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="350"/>
        <source>Enable</source>
        <translation>사용 재개</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="394"/>
        <source>Saved {0}.</source>
        <translation>{0}을(를) 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="415"/>
        <source>{0} can no longer sign in; their history stays.</source>
        <translation>{0}은(는) 더 이상 로그인할 수 없습니다. 이력은 그대로 남습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="413"/>
        <source>{0} can sign in again.</source>
        <translation>{0}은(는) 다시 로그인할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="418"/>
        <source>{0} open case(s) are still assigned to them: hand them over.</source>
        <translation>처리 중인 건 {0}건이 아직 이 사용자에게 배정되어 있습니다. 다른 담당자에게 넘기세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/admin/users.py" line="434"/>
        <source>Password of {0} reset.</source>
        <translation>{0}의 암호를 재설정했습니다.</translation>
    </message>
</context>
<context>
    <name>_ListPage</name>
    <message>
        <location filename="../../desktop/views/pages.py" line="187"/>
        <source>Other users changed the list — refresh</source>
        <translation>다른 사용자가 목록을 변경했습니다 — 새로 고침</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="201"/>
        <source> (more load as you scroll)</source>
        <translation> (스크롤하면 더 불러옵니다)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="202"/>
        <source>{0} shown</source>
        <translation>{0}건 표시</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="205"/>
        <source>Could not load the list: {0}</source>
        <translation>목록을 불러오지 못했습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="245"/>
        <source>Anyone</source>
        <translation>담당자 전체</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="246"/>
        <source>Me</source>
        <translation>나</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="247"/>
        <source>Unassigned</source>
        <translation>미배정</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="260"/>
        <source>Any time</source>
        <translation>전체 기간</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="260"/>
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="260"/>
        <source>Last 30 days</source>
        <translation>최근 30일</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="261"/>
        <source>Last 365 days</source>
        <translation>최근 1년</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="268"/>
        <source>All states</source>
        <translation>전체 상태</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages.py" line="269"/>
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
