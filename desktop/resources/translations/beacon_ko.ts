<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Beacon ITSM</source>
        <translation>Beacon ITSM 정보</translation>
    </message>
    <message>
        <source>SQLite file on this computer</source>
        <translation>이 컴퓨터의 SQLite 파일</translation>
    </message>
    <message>
        <source>PostgreSQL server (shared by the team)</source>
        <translation>PostgreSQL 서버 (팀 공용)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>데이터베이스</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>스키마 버전</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>로그인 사용자</translation>
    </message>
    <message>
        <source>Beacon ITSM is proprietary software, licensed to your organisation.&lt;br&gt;It includes: Qt for Python (PySide6, LGPL v3), qt-material (BSD 2-Clause), peewee (MIT), fpdf2 (LGPL v3), psycopg2 (LGPL v3), pypdfium2 and PDFium (Apache 2.0 / BSD 3-Clause), openpyxl (MIT), holidays (MIT), argon2-cffi (MIT), platformdirs (MIT) and the NanumGothic font (SIL Open Font License 1.1).</source>
        <translation>Beacon ITSM은 귀사에 사용 허가된 상용 소프트웨어입니다.&lt;br&gt;포함된 구성 요소: Qt for Python (PySide6, LGPL v3), qt-material (BSD 2-Clause), peewee (MIT), fpdf2 (LGPL v3), psycopg2 (LGPL v3), pypdfium2 및 PDFium (Apache 2.0 / BSD 3-Clause), openpyxl (MIT), holidays (MIT), argon2-cffi (MIT), platformdirs (MIT), 나눔고딕 글꼴 (SIL Open Font License 1.1).</translation>
    </message>
</context>
<context>
    <name>AcceptDialog</name>
    <message>
        <source>Assignee: {name}. The case stays theirs unless you tick &apos;Assign to me&apos;.</source>
        <translation>담당자: {name}. &apos;나에게 배정&apos;을 선택하지 않으면 담당자는 그대로입니다.</translation>
    </message>
    <message>
        <source>Assignee: {name}.</source>
        <translation>담당자: {name}.</translation>
    </message>
    <message>
        <source>Nobody is assigned: the case becomes yours.</source>
        <translation>담당자가 없어 접수하는 사람에게 배정됩니다.</translation>
    </message>
    <message>
        <source>Who will be told (this incident only)</source>
        <translation>전파 대상 (이 장애에만 적용)</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>Who will be told</source>
        <translation>전파 대상</translation>
    </message>
    <message>
        <source>Person to add</source>
        <translation>추가할 사용자</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제외</translation>
    </message>
    <message>
        <source>{reason} — for this incident</source>
        <translation>{reason} — 이 장애만</translation>
    </message>
    <message>
        <source>Not told this time: {names}</source>
        <translation>이번 전파에서 제외: {names}</translation>
    </message>
</context>
<context>
    <name>AddMemberDialog</name>
    <message>
        <source>Add to the propagation group of {0}</source>
        <translation>{0} 전파 그룹에 추가</translation>
    </message>
    <message>
        <source>e.g. branch liaison for this system</source>
        <translation>예: 이 시스템의 영업점 연락 담당</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>{0} — 1 incident</source>
        <translation>{0} — 1건</translation>
    </message>
    <message>
        <source>{0} — {1} incidents</source>
        <translation>{0} — {1}건</translation>
    </message>
    <message>
        <source>{0} of {1} selected can take this step.</source>
        <translation>선택한 {1}건 중 {0}건을 처리할 수 있습니다.</translation>
    </message>
    <message>
        <source>{0} cannot (marked ✕) and will be left as they are.</source>
        <translation>{0}건은 처리할 수 없어(✕ 표시) 그대로 둡니다.</translation>
    </message>
    <message>
        <source>Selected incidents</source>
        <translation>선택한 장애</translation>
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
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Can it?</source>
        <translation>처리 가능 여부</translation>
    </message>
    <message>
        <source>✓ yes</source>
        <translation>✓ 가능</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1}건)</translation>
    </message>
    <message>
        <source>{0} is not in the team of these incidents&apos; applications: {1}. Assign anyway?</source>
        <translation>{0}님은 다음 장애의 업무시스템 담당 팀 소속이 아닙니다: {1}. 그래도 지정할까요?</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>✕ left as it was</source>
        <translation>✕ 처리하지 않음</translation>
    </message>
    <message>
        <source>✓ done</source>
        <translation>✓ 완료</translation>
    </message>
    <message>
        <source>Done: {0} changed, {1} not.</source>
        <translation>완료: {0}건 처리, {1}건 미처리.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>닫기(&amp;C)</translation>
    </message>
</context>
<context>
    <name>CandidatesPage</name>
    <message>
        <source>Problem candidates</source>
        <translation>문제 후보</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>다시 찾기</translation>
    </message>
    <message>
        <source>Reading incidents… %p%</source>
        <translation>장애를 읽는 중… %p%</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>업무시스템</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>장애</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>Total downtime</source>
        <translation>총 장애 시간</translation>
    </message>
    <message>
        <source>Common words</source>
        <translation>공통 단어</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>번호</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>등록</translation>
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
        <source>Downtime</source>
        <translation>장애 시간</translation>
    </message>
    <message>
        <source>The group&apos;s incidents</source>
        <translation>후보의 장애</translation>
    </message>
    <message>
        <source>Create problem</source>
        <translation>문제 등록</translation>
    </message>
    <message>
        <source>Register a problem for these incidents, link them to it and give it to the problem manager</source>
        <translation>이 장애들로 문제를 등록하고 연결한 뒤 문제 관리자에게 배정합니다</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>후보 제외…</translation>
    </message>
    <message>
        <source>Looking for incidents that recur…</source>
        <translation>반복되는 장애를 찾는 중…</translation>
    </message>
    <message>
        <source>Could not look for candidates: {0}</source>
        <translation>문제 후보를 찾지 못했습니다: {0}</translation>
    </message>
    <message>
        <source>{0} groups in the last {1} days ({2} or more similar incidents within {3} days, {4} incidents read)</source>
        <translation>최근 {1}일 동안 {0}개 후보 ({3}일 안에 비슷한 장애 {2}건 이상, 장애 {4}건 확인)</translation>
    </message>
    <message>
        <source>{0} dismissed</source>
        <translation>제외 {0}개</translation>
    </message>
    <message>
        <source>No incidents recur without a problem.</source>
        <translation>문제 없이 반복되는 장애가 없습니다.</translation>
    </message>
    <message>
        <source>Why: {0}</source>
        <translation>근거: {0}</translation>
    </message>
    <message>
        <source>Dismissed before by {0} on {1} ({2}); a new incident joined it since.</source>
        <translation>{0}이(가) {1}에 제외함 ({2}); 그 뒤 새 장애가 더해졌습니다.</translation>
    </message>
    <message>
        <source>not restored</source>
        <translation>복구 전</translation>
    </message>
    <message>
        <source>{0}: {1} incidents ({2})</source>
        <translation>{0}: 장애 {1}건 ({2})</translation>
    </message>
    <message>
        <source>{0} registered; {1} incidents linked.</source>
        <translation>{0} 등록, 장애 {1}건 연결.</translation>
    </message>
    <message>
        <source>Not linked: {0}</source>
        <translation>연결 안 됨: {0}</translation>
    </message>
    <message>
        <source>Dismissed: {0}</source>
        <translation>제외함: {0}</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <source>Search titles</source>
        <translation>제목 검색</translation>
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
        <source>Actions</source>
        <translation>조치 내역</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변경</translation>
    </message>
    <message>
        <source>Linked problem</source>
        <translation>연관 문제</translation>
    </message>
    <message>
        <source>Linked incidents</source>
        <translation>연관 장애</translation>
    </message>
    <message>
        <source>Time chart</source>
        <translation>타임 차트</translation>
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
        <source>Occurred</source>
        <translation>발생 일시</translation>
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
        <source>Service requests</source>
        <translation>서비스 요청</translation>
    </message>
    <message>
        <source>Cancel reason</source>
        <translation>취소 사유</translation>
    </message>
    <message>
        <source>Root cause and workaround</source>
        <translation>근본 원인 및 임시 해결 방안</translation>
    </message>
    <message>
        <source>Known error since {when}</source>
        <translation>{when}부터 알려진 오류</translation>
    </message>
    <message>
        <source>Not a known error yet</source>
        <translation>아직 알려진 오류 아님</translation>
    </message>
    <message>
        <source>Known error</source>
        <translation>알려진 오류</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>결과 확인</translation>
    </message>
    <message>
        <source>— not recorded yet</source>
        <translation>— 아직 기록 없음</translation>
    </message>
    <message>
        <source>Log an action</source>
        <translation>조치 내역 등록</translation>
    </message>
    <message>
        <source>What was done, what was found</source>
        <translation>무엇을 했고 무엇을 확인했는지</translation>
    </message>
    <message>
        <source>When it was done, in your time zone; earlier than now if you log it afterwards</source>
        <translation>조치한 일시(내 시간대). 나중에 기록하는 경우 실제 조치 시각으로 입력하세요</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>입력 안 함</translation>
    </message>
    <message>
        <source>What changed?</source>
        <translation>무엇이 바뀌었나</translation>
    </message>
    <message>
        <source>Similar</source>
        <translation>유사 사례</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>중복</translation>
    </message>
    <message>
        <source>Cancel {0} as a duplicate of {1}? It is linked to {1} and leaves the open lists.</source>
        <translation>{0}을(를) {1}의 중복으로 취소할까요? {1}에 연결되고 처리 중 목록에서 빠집니다.</translation>
    </message>
    <message>
        <source> min</source>
        <translation>분</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>지금</translation>
    </message>
    <message>
        <source>Minutes spent</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>What was done *</source>
        <translation>조치 내용 *</translation>
    </message>
    <message>
        <source>When it was done</source>
        <translation>조치 일시</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>조치 일시</translation>
    </message>
    <message>
        <source>Written at</source>
        <translation>기록 일시</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>조치 내용</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>조사</translation>
    </message>
    <message>
        <source>Note</source>
        <comment>action kind</comment>
        <translation>메모</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>수정</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>연락</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>의견</translation>
    </message>
    <message>
        <source>Workaround</source>
        <comment>action kind</comment>
        <translation>임시 조치</translation>
    </message>
    <message>
        <source>Logged afterwards: written at {written}</source>
        <translation>사후 기록: {written}에 입력됨</translation>
    </message>
    <message>
        <source>Stages as bands, actions and other events as marks, SLA targets as dashed lines. Point at a mark for details.</source>
        <translation>단계는 막대로, 조치와 주요 이벤트는 표식으로, SLA 목표는 점선으로 표시합니다. 표식에 마우스를 올리면 자세한 내용이 보입니다.</translation>
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
        <source>Basis</source>
        <translation>기준</translation>
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
        <source>{0} over</source>
        <translation>{0} 초과</translation>
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
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>요청 일시</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>계획 일정</translation>
    </message>
    <message>
        <source>Implemented</source>
        <translation>구현 일시</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>프로그램</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Infrastructure</source>
        <translation>인프라</translation>
    </message>
    <message>
        <source>A change runs its own process and may close after this case. Double-click a row to open it.</source>
        <translation>변경은 별도 프로세스로 진행되며 이 건보다 늦게 종료될 수 있습니다. 행을 두 번 클릭하면 열립니다.</translation>
    </message>
    <message>
        <source>No change has been requested from this case.</source>
        <translation>이 건에서 요청한 변경이 없습니다.</translation>
    </message>
    <message>
        <source>System</source>
        <translation>대상 시스템</translation>
    </message>
    <message>
        <source>External ID</source>
        <translation>외부 번호</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>전달 상태</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>마지막 오류</translation>
    </message>
    <message>
        <source>Discarded by an administrator</source>
        <translation>관리자가 폐기함</translation>
    </message>
    <message>
        <source>No problem is linked. &apos;Link problem&apos; picks an open problem or a known error, or registers a new one from this incident.</source>
        <translation>연결된 문제가 없습니다. &apos;문제 연결&apos;에서 진행 중인 문제나 알려진 오류를 고르거나, 이 장애로 새 문제를 등록합니다.</translation>
    </message>
    <message>
        <source>Changed outside Beacon</source>
        <translation>Beacon 밖에서 변경</translation>
    </message>
    <message>
        <source>Changed by the database login %1 with %2, not through Beacon</source>
        <translation>Beacon을 거치지 않고 데이터베이스 로그인 %1이(가) %2(으)로 변경</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>of an SR in the other system</comment>
        <translation>처리 상태</translation>
    </message>
    <message>
        <source>&amp;Add action</source>
        <translation>조치 추가(&amp;A)</translation>
    </message>
    <message>
        <source>Requested</source>
        <comment>SR status</comment>
        <translation>요청</translation>
    </message>
    <message>
        <source>Registered</source>
        <comment>SR status</comment>
        <translation>등록됨</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>진행</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>반려</translation>
    </message>
    <message>
        <source>Retrying ({attempts} failed), next {when}</source>
        <translation>재시도 중 ({attempts}회 실패), 다음 시도 {when}</translation>
    </message>
    <message>
        <source>Recorded only (system not configured)</source>
        <translation>기록만 함 (연계 시스템 미설정)</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>전송 대기</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>전송 중</translation>
    </message>
    <message>
        <source>Delivered</source>
        <comment>SR delivery state</comment>
        <translation>전달됨</translation>
    </message>
    <message>
        <source>Failed after {attempts} attempts — an administrator can retry it</source>
        <translation>{attempts}회 시도 후 실패 — 관리자가 재시도할 수 있습니다</translation>
    </message>
    <message>
        <source>Sent through the outbox like every notice: retried until the other system answers, each delivery once.</source>
        <translation>알림과 같이 발송함(outbox)을 거쳐 보냅니다: 상대 시스템이 응답할 때까지 재시도하며, 한 건은 한 번만 전달됩니다.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>No</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>Double-click a problem to open it.</source>
        <translation>문제를 두 번 클릭하면 열립니다.</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>등급</translation>
    </message>
    <message>
        <source>Double-click an incident to open it.</source>
        <translation>장애를 두 번 클릭하면 열립니다.</translation>
    </message>
    <message>
        <source>No incident is linked to this problem yet.</source>
        <translation>이 문제에 연결된 장애가 아직 없습니다.</translation>
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
        <source>Response</source>
        <comment>SLA clock</comment>
        <translation>응답</translation>
    </message>
    <message>
        <source>Resolution</source>
        <comment>SLA clock</comment>
        <translation>해결</translation>
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
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>내 암호 변경</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>현재 암호</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>새 암호</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>새 암호 확인</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변경</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>두 새 암호가 서로 다릅니다.</translation>
    </message>
</context>
<context>
    <name>CiEditor</name>
    <message>
        <source>Search code or name</source>
        <translation>코드 또는 이름 검색</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>모든 종류</translation>
    </message>
    <message>
        <source>Show retired</source>
        <translation>폐기된 항목 표시</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>영향도</translation>
    </message>
    <message>
        <source>New configuration item</source>
        <translation>새 구성 항목</translation>
    </message>
    <message>
        <source>Name (Korean)</source>
        <translation>이름 (한국어)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>이름 (영어)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>팀</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>폐기</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>관계</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>선택 항목 삭제</translation>
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
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>등급</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>등록 일시</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>관계</translation>
    </message>
    <message>
        <source>Incidents of this item</source>
        <translation>이 항목의 장애</translation>
    </message>
    <message>
        <source>Configuration items</source>
        <translation>구성 항목</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— 없음 —</translation>
    </message>
    <message>
        <source>{0} (retired)</source>
        <translation>{0} (폐기됨)</translation>
    </message>
    <message>
        <source>in service</source>
        <translation>사용 중</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>폐기됨</translation>
    </message>
    <message>
        <source>Return to service</source>
        <translation>다시 사용</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>{0}을(를) 저장했습니다.</translation>
    </message>
    <message>
        <source>{0} is retired: it is no longer offered for new incidents; its history stays.</source>
        <translation>{0}을(를) 폐기했습니다. 새 장애 등록에는 더 이상 나오지 않으며 이력은 그대로 남습니다.</translation>
    </message>
    <message>
        <source>{0} is in service again.</source>
        <translation>{0}을(를) 다시 사용합니다.</translation>
    </message>
    <message>
        <source>Delete configuration item</source>
        <translation>구성 항목 삭제</translation>
    </message>
    <message>
        <source>Delete {0} for good? Only an item no case refers to can be deleted.</source>
        <translation>{0}을(를) 완전히 삭제할까요? 어떤 장애·문제·변경도 참조하지 않는 항목만 삭제할 수 있습니다.</translation>
    </message>
    <message>
        <source>Deleted {0}.</source>
        <translation>{0}을(를) 삭제했습니다.</translation>
    </message>
    <message>
        <source>Relations ({0})</source>
        <translation>관계 ({0})</translation>
    </message>
    <message>
        <source>Relation added.</source>
        <translation>관계를 추가했습니다.</translation>
    </message>
    <message>
        <source>Relation removed.</source>
        <translation>관계를 삭제했습니다.</translation>
    </message>
    <message>
        <source>Incidents of this item ({0})</source>
        <translation>이 항목의 장애 ({0})</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Against version %1, in force now. New cases would start on the new version; open cases keep theirs.</source>
        <translation>지금 사용 중인 버전 %1과(와) 비교합니다. 새 건은 새 버전으로 시작하고, 열린 건은 원래 버전을 유지합니다.</translation>
    </message>
    <message>
        <source>Saving is refused until they move or close.</source>
        <translation>이 건들을 옮기거나 종결할 때까지 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>No open case is in a state this version removes.</source>
        <translation>이 버전에서 빠지는 상태에 있는 열린 건은 없습니다.</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>변경 내용</translation>
    </message>
    <message>
        <source>No change to states, transitions, fields or roles.</source>
        <translation>상태·전이·필드·역할에 바뀐 것이 없습니다.</translation>
    </message>
    <message>
        <source>What changes</source>
        <translation>바뀌는 내용</translation>
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
    <name>CopyRowDialog</name>
    <message>
        <source>Copy owners to other CIs</source>
        <translation>다른 구성 항목에 담당자 복사</translation>
    </message>
    <message>
        <source>Click the configuration items that should get the owners of {0} (every role):</source>
        <translation>{0}의 담당자를 그대로 받을 구성 항목을 클릭해 고르세요 (모든 역할):</translation>
    </message>
    <message>
        <source>Configuration items to copy to</source>
        <translation>복사할 구성 항목</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Filter by code or name</source>
        <translation>코드 또는 이름으로 거르기</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Grade</source>
        <translation>등급</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
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
        <source>SLA clock</source>
        <translation>SLA 시계</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>목표 시각</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>남은 시간</translation>
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
        <source>Registered</source>
        <translation>등록</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>종결</translation>
    </message>
    <message>
        <source>No incidents</source>
        <translation>장애 없음</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>Could not load the dashboard: {0}</source>
        <translation>대시보드를 불러오지 못했습니다: {0}</translation>
    </message>
    <message>
        <source>Dashboard {0}</source>
        <translation>대시보드 {0}</translation>
    </message>
    <message>
        <source>Open incidents by grade ({0})</source>
        <translation>등급별 미결 장애 ({0})</translation>
    </message>
    <message>
        <source>Open incidents by state</source>
        <translation>상태별 미결 장애</translation>
    </message>
    <message>
        <source>SLA at risk: past due and due soon</source>
        <translation>SLA 위험: 기한 지남 · 곧 기한</translation>
    </message>
    <message>
        <source>1 incident</source>
        <translation>1건</translation>
    </message>
    <message>
        <source>{0}: {1} this month
On-time response {2} ({3} of {4})
On-time resolution {5} ({6} of {7})
Open incidents past their target count as missed
Click to list them</source>
        <translation>{0}: 이번 달 {1}
적기 응답률 {2} ({4}건 중 {3}건)
적기 해결률 {5} ({7}건 중 {6}건)
목표 시각이 지난 미결 장애는 미준수로 셉니다
클릭하면 목록을 엽니다</translation>
    </message>
    <message>
        <source>On-time rates this month by grade</source>
        <translation>이번 달 등급별 적기 처리율</translation>
    </message>
    <message>
        <source>On-time rates this month by application (top {0} of {1})</source>
        <translation>이번 달 업무시스템별 적기 처리율 (상위 {0}개 / 전체 {1}개)</translation>
    </message>
    <message>
        <source>On-time rates this month by application</source>
        <translation>이번 달 업무시스템별 적기 처리율</translation>
    </message>
    <message>
        <source>12-month trend</source>
        <translation>최근 12개월 추이</translation>
    </message>
    <message>
        <source>Reliability by application and CI, last 12 months</source>
        <translation>업무시스템·구성 항목별 안정성 (최근 12개월)</translation>
    </message>
    <message>
        <source> · only incidents you registered</source>
        <translation> · 내가 등록한 장애만</translation>
    </message>
    <message>
        <source>Updated {0}</source>
        <translation>{0} 기준</translation>
    </message>
    <message>
        <source>{0}: {1} open — click to list them</source>
        <translation>{0}: 미결 {1}건 — 클릭하면 목록을 엽니다</translation>
    </message>
    <message>
        <source>{0} incidents</source>
        <translation>{0}건</translation>
    </message>
    <message>
        <source>{0}, registered {1}, not cancelled</source>
        <translation>{0}, {1} 등록, 취소 제외</translation>
    </message>
    <message>
        <source>{0}-{1}: {2} registered, {3} closed
On-time resolution {4}
Click to list the month&apos;s incidents</source>
        <translation>{0}-{1}: 등록 {2}건, 종결 {3}건
적기 해결률 {4}
클릭하면 그 달의 장애 목록을 엽니다</translation>
    </message>
    <message>
        <source>Registered {0}</source>
        <translation>{0} 등록</translation>
    </message>
    <message>
        <source>Past due: {0}</source>
        <translation>기한 지남: {0}</translation>
    </message>
    <message>
        <source>(the {0} most overdue shown)</source>
        <translation>(가장 오래 지난 {0}건 표시)</translation>
    </message>
    <message>
        <source>Nothing is past its SLA target</source>
        <translation>SLA 목표 시각이 지난 미결 장애가 없습니다</translation>
    </message>
    <message>
        <source>Due soon (within {0} h) or in warning: {1}</source>
        <translation>곧 기한 ({0}시간 이내) · 경고: {1}</translation>
    </message>
    <message>
        <source>Nothing falls due in the next {0} hours</source>
        <translation>앞으로 {0}시간 안에 기한이 오는 장애가 없습니다</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>해결</translation>
    </message>
    <message>
        <source>{0} (business)</source>
        <translation>{0} (업무시간)</translation>
    </message>
    <message>
        <source>{0} overdue</source>
        <translation>{0} 초과</translation>
    </message>
    <message>
        <source>Click to open {0}</source>
        <translation>클릭하면 {0}을(를) 엽니다</translation>
    </message>
    <message>
        <source>Last month&apos;s SLA report (PDF)</source>
        <translation>지난달 SLA 보고서 (PDF)</translation>
    </message>
</context>
<context>
    <name>DeadLetterScreen</name>
    <message>
        <source>Queued</source>
        <translation>등록 시각</translation>
    </message>
    <message>
        <source>What</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>건</translation>
    </message>
    <message>
        <source>For</source>
        <translation>받는 사람</translation>
    </message>
    <message>
        <source>Where to</source>
        <translation>보낼 곳</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>시도</translation>
    </message>
    <message>
        <source>Why it failed</source>
        <translation>실패 사유</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>다시 보내기</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>폐기</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Notices and service requests that could not be delivered after every attempt. Fix the cause (address, system, mail server), then send them again; or discard them.</source>
        <translation>모든 시도 끝에 전달하지 못한 알림과 서비스 요청입니다. 원인(주소, 시스템, 메일 서버)을 고친 뒤 다시 보내거나 폐기하세요.</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>발송 불가</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>메일</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>웹훅</translation>
    </message>
    <message>
        <source>Service request</source>
        <translation>서비스 요청</translation>
    </message>
    <message>
        <source>{0} undelivered</source>
        <translation>발송 불가 {0}건</translation>
    </message>
    <message>
        <source>Nothing undelivered</source>
        <translation>발송 불가 건이 없습니다</translation>
    </message>
    <message>
        <source>Choose the rows to send again first</source>
        <translation>다시 보낼 행을 먼저 고르세요</translation>
    </message>
    <message>
        <source>{0} queued to be sent again</source>
        <translation>{0}건을 다시 보내도록 넣었습니다</translation>
    </message>
    <message>
        <source>{0} discarded; they will not be sent</source>
        <translation>{0}건을 폐기했습니다. 보내지 않습니다</translation>
    </message>
    <message>
        <source>Discard {0} undelivered items? They will never be sent.</source>
        <translation>발송 불가 {0}건을 폐기할까요? 다시는 보내지 않습니다.</translation>
    </message>
</context>
<context>
    <name>DismissDialog</name>
    <message>
        <source>Dismiss problem candidate</source>
        <translation>문제 후보 제외</translation>
    </message>
    <message>
        <source>Why is this no problem? It stays dismissed until another incident joins the group.</source>
        <translation>문제가 아닌 이유를 적어 주세요. 새 장애가 더해질 때까지 후보에서 제외됩니다.</translation>
    </message>
    <message>
        <source>Reason for dismissing</source>
        <translation>제외 사유</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>제외</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>DryRunDialog</name>
    <message>
        <source>Dry run: %1 (not saved, nothing is written)</source>
        <translation>시험 실행: %1 (저장 전, 아무것도 기록하지 않음)</translation>
    </message>
    <message>
        <source>A new case on</source>
        <translation>새 건 — 업무시스템</translation>
    </message>
    <message>
        <source>An open case, from where it stands</source>
        <translation>열린 건 — 현재 상태부터</translation>
    </message>
    <message>
        <source>Application of the sample case</source>
        <translation>시험 건의 업무시스템</translation>
    </message>
    <message>
        <source>Open case to start from</source>
        <translation>시작할 열린 건</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>처음부터</translation>
    </message>
    <message>
        <source>Steps offered from here</source>
        <translation>여기서 할 수 있는 단계</translation>
    </message>
    <message>
        <source>Take this step (in the dry run)</source>
        <translation>이 단계 실행 (시험으로만)</translation>
    </message>
    <message>
        <source>What the step asks and does</source>
        <translation>단계가 묻는 것과 하는 일</translation>
    </message>
    <message>
        <source>%1 is in a state this definition does not have; it starts as a new case.</source>
        <translation>%1은(는) 이 정의에 없는 상태에 있어 새 건으로 시작합니다.</translation>
    </message>
    <message>
        <source>Before the case exists: its creating step.</source>
        <translation>건이 생기기 전: 등록 단계.</translation>
    </message>
    <message>
        <source>The sample case is in: %1</source>
        <translation>시험 건의 현재 상태: %1</translation>
    </message>
    <message>
        <source>a final state</source>
        <translation>최종 상태</translation>
    </message>
    <message>
        <source>No step leads on from here.</source>
        <translation>여기서 이어지는 단계가 없습니다.</translation>
    </message>
    <message>
        <source>Path so far: %1</source>
        <translation>지나온 단계: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>(new case)</source>
        <translation>(새 건)</translation>
    </message>
    <message>
        <source>required</source>
        <translation>필수</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>선택</translation>
    </message>
    <message>
        <source>Who may take it</source>
        <translation>실행할 수 있는 사람</translation>
    </message>
    <message>
        <source>Fields it asks</source>
        <translation>입력받는 필드</translation>
    </message>
    <message>
        <source>Effects it would run</source>
        <translation>실행할 효과</translation>
    </message>
    <message>
        <source>Who would be told</source>
        <translation>알림을 받을 사람</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>없음</translation>
    </message>
</context>
<context>
    <name>EarlyWarningBanner</name>
    <message>
        <source>Incident to make the parent</source>
        <translation>상위 장애로 지정할 장애</translation>
    </message>
    <message>
        <source>Make parent of the others</source>
        <translation>나머지의 상위 장애로 지정</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>제외</translation>
    </message>
    <message>
        <source> (since {0}: {1})</source>
        <translation> ({0}부터: {1})</translation>
    </message>
    <message>
        <source>{0} more warnings</source>
        <translation>경보 {0}건 더</translation>
    </message>
    <message>
        <source>{0} is now the parent of {1} incidents. Left as they were:
{2}</source>
        <translation>{0}이(가) 장애 {1}건의 상위 장애가 되었습니다. 그대로 둔 장애:
{2}</translation>
    </message>
</context>
<context>
    <name>ExportBar</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>이 메시지 숨기기</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>목록 내보내기</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 통합 문서 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting to {0}…</source>
        <translation>{0}(으)로 내보내는 중…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1행</translation>
    </message>
    <message>
        <source>{0} rows</source>
        <translation>{0}행</translation>
    </message>
    <message>
        <source>Exporting to {0}… {1} written</source>
        <translation>{0}(으)로 내보내는 중… {1} 기록</translation>
    </message>
    <message>
        <source>Exported {0} to {1}</source>
        <translation>{0}을 내보냈습니다: {1}</translation>
    </message>
    <message>
        <source>Could not export the list: {0}</source>
        <translation>목록을 내보내지 못했습니다: {0}</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>내보내기를 취소했습니다. 파일을 만들지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <source>— choose a person —</source>
        <translation>— 담당자 선택 —</translation>
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
        <source>disable: never encrypt</source>
        <translation>disable: 암호화하지 않음</translation>
    </message>
    <message>
        <source>prefer: encrypt when the server offers it</source>
        <translation>prefer: 서버가 지원하면 암호화</translation>
    </message>
    <message>
        <source>require: always encrypt, do not check the certificate</source>
        <translation>require: 항상 암호화, 인증서는 확인하지 않음</translation>
    </message>
    <message>
        <source>verify-ca: encrypt and check the certificate&apos;s CA</source>
        <translation>verify-ca: 암호화하고 인증서의 CA 확인</translation>
    </message>
    <message>
        <source>verify-full: check the CA and the host name (safest)</source>
        <translation>verify-full: CA와 호스트 이름까지 확인 (가장 안전)</translation>
    </message>
    <message>
        <source>CA certificate file (sslrootcert)</source>
        <translation>CA 인증서 파일 (sslrootcert)</translation>
    </message>
    <message>
        <source>Client certificate file (sslcert, optional)</source>
        <translation>클라이언트 인증서 파일 (sslcert, 선택)</translation>
    </message>
    <message>
        <source>Client key file (sslkey, optional)</source>
        <translation>클라이언트 키 파일 (sslkey, 선택)</translation>
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
        <source>Secure connection (TLS)</source>
        <translation>보안 연결 (TLS)</translation>
    </message>
    <message>
        <source>TLS mode</source>
        <translation>TLS 모드</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 인증서</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>클라이언트 인증서</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>클라이언트 키</translation>
    </message>
    <message>
        <source>Where should Beacon keep its data?</source>
        <translation>Beacon 데이터를 어디에 둘까요?</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>데이터베이스 파일</translation>
    </message>
    <message>
        <source>Fill a new file with a demo bank</source>
        <translation>새 파일에 데모 은행 데이터 넣기</translation>
    </message>
    <message>
        <source>Server host</source>
        <translation>서버 호스트</translation>
    </message>
    <message>
        <source>Server port</source>
        <translation>서버 포트</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>데이터베이스 이름</translation>
    </message>
    <message>
        <source>Database user</source>
        <translation>데이터베이스 사용자</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>데이터베이스 암호</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA 인증서 파일</translation>
    </message>
    <message>
        <source>Client certificate file</source>
        <translation>클라이언트 인증서 파일</translation>
    </message>
    <message>
        <source>Client key file</source>
        <translation>클라이언트 키 파일</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Browse for %s</source>
        <translation>%s 찾아보기</translation>
    </message>
    <message>
        <source>Certificates and keys (*.crt *.pem *.key);;All files (*)</source>
        <translation>인증서와 키 (*.crt *.pem *.key);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>연결되었습니다.</translation>
    </message>
</context>
<context>
    <name>FollowUpEditor</name>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Target system</source>
        <translation>대상 시스템</translation>
    </message>
    <message>
        <source>Add follow-up</source>
        <translation>후속 조치 추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>This incident type allows no follow-ups.</source>
        <translation>이 장애 유형에는 만들 수 있는 후속 조치가 없습니다.</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import refused</source>
        <translation>가져오기 거부됨</translation>
    </message>
    <message>
        <source>{0}: {1} bad rows. Nothing was imported; fix the file and import it again.</source>
        <translation>{0}: 잘못된 행 {1}개. 아무것도 가져오지 않았습니다. 파일을 고친 뒤 다시 가져오세요.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>행</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>열</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제점</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>ImportScreen</name>
    <message>
        <source>Choose a CSV export…</source>
        <translation>CSV 내보내기 파일을 고르세요…</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>파일 선택…</translation>
    </message>
    <message>
        <source>ServiceNow</source>
        <translation>ServiceNow</translation>
    </message>
    <message>
        <source>Generic CSV (mapping file)</source>
        <translation>일반 CSV (매핑 파일)</translation>
    </message>
    <message>
        <source>Detect (UTF-8, else CP949)</source>
        <translation>자동 감지 (UTF-8, 아니면 CP949)</translation>
    </message>
    <message>
        <source>e.g. ?  (separate several with commas)</source>
        <translation>예: ?  (여러 개는 쉼표로 구분)</translation>
    </message>
    <message>
        <source>Texts that mean an empty cell</source>
        <translation>빈 칸을 뜻하는 값</translation>
    </message>
    <message>
        <source>Load mapping…</source>
        <translation>매핑 불러오기…</translation>
    </message>
    <message>
        <source>Save mapping…</source>
        <translation>매핑 저장…</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>원천</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>인코딩</translation>
    </message>
    <message>
        <source>Time zone of the file&apos;s times</source>
        <translation>파일 일시의 시간대</translation>
    </message>
    <message>
        <source>Empty-cell markers</source>
        <translation>빈 칸 표시</translation>
    </message>
    <message>
        <source>Unknown applications</source>
        <translation>모르는 업무시스템</translation>
    </message>
    <message>
        <source>Unknown users</source>
        <translation>모르는 사용자</translation>
    </message>
    <message>
        <source>Unknown groups</source>
        <translation>모르는 팀</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>새로 만들기</translation>
    </message>
    <message>
        <source>Reject the row</source>
        <translation>행 거부</translation>
    </message>
    <message>
        <source>File column</source>
        <translation>파일 열</translation>
    </message>
    <message>
        <source>Beacon field</source>
        <translation>Beacon 필드</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>첫 행의 값</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>열 매핑</translation>
    </message>
    <message>
        <source>Check (dry run)</source>
        <translation>점검 (저장 안 함)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>행</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>열</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>처리</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>행 수</translation>
    </message>
    <message>
        <source>Bad rows</source>
        <translation>잘못된 행</translation>
    </message>
    <message>
        <source>Unknown applications, users and groups</source>
        <translation>모르는 업무시스템·사용자·팀</translation>
    </message>
    <message>
        <source>Import incidents</source>
        <translation>장애 가져오기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Import mapping</source>
        <translation>가져오기 매핑</translation>
    </message>
    <message>
        <source>Mapping files (*.toml)</source>
        <translation>매핑 파일 (*.toml)</translation>
    </message>
    <message>
        <source>{0}: {1} rows, {2} columns, read as {3}.</source>
        <translation>{0}: {1}행, 열 {2}개, {3}(으)로 읽음.</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(가져오지 않음)</translation>
    </message>
    <message>
        <source>Generic CSV</source>
        <translation>일반 CSV</translation>
    </message>
    <message>
        <source>Map to {0}</source>
        <translation>{0}(으)로 연결</translation>
    </message>
    <message>
        <source>Mapping loaded: {0}</source>
        <translation>매핑을 불러왔습니다: {0}</translation>
    </message>
    <message>
        <source>Mapping saved: {0}</source>
        <translation>매핑을 저장했습니다: {0}</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>점검 중…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>가져오는 중…</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>업무시스템</translation>
    </message>
    <message>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>팀</translation>
    </message>
    <message>
        <source>Created as {0}</source>
        <translation>{0}(으)로 새로 만듦</translation>
    </message>
    <message>
        <source>Mapped to {0}</source>
        <translation>{0}(으)로 연결</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>거부</translation>
    </message>
    <message>
        <source>{0} rows, {1} incidents in the file: {2} new, {3} imported before (skipped); {4} events, {5} SLA pauses, {6} links.</source>
        <translation>{0}행, 파일의 장애 {1}건: 새 장애 {2}건, 이미 가져온 {3}건(건너뜀); 이벤트 {4}건, SLA 일시정지 {5}건, 연결 {6}건.</translation>
    </message>
    <message>
        <source>{0} rows checked.</source>
        <translation>{0}행을 점검했습니다.</translation>
    </message>
    <message>
        <source>Imported {0} incidents in {1:.1f} s (e.g. {2} → {3}). No notices were sent.</source>
        <translation>장애 {0}건을 {1:.1f}초 만에 가져왔습니다 (예: {2} → {3}). 알림은 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>Nothing new to import: every incident in the file was imported before.</source>
        <translation>가져올 새 장애가 없습니다: 파일의 장애를 모두 이미 가져왔습니다.</translation>
    </message>
    <message>
        <source>Check passed: nothing is saved yet. Import to save all of it at once.</source>
        <translation>점검 통과: 아직 저장하지 않았습니다. 가져오기를 누르면 한 번에 모두 저장합니다.</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Mark all read</source>
        <translation>모두 읽음으로 표시</translation>
    </message>
    <message>
        <source>No notices yet. When a case you are told about is registered, accepted, regraded or closed, the notice appears here.</source>
        <translation>아직 알림이 없습니다. 전파 대상인 건이 등록·접수·등급 변경·종결되면 여기에 알림이 표시됩니다.</translation>
    </message>
    <message>
        <source>From {0}</source>
        <translation>보낸 사람 {0}</translation>
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
        <source>Nothing is assigned to you. Incidents you accept or are given appear here; &apos;Incidents&apos; lists everyone&apos;s.</source>
        <translation>나에게 배정된 장애가 없습니다. 접수하거나 배정받은 장애가 여기에 표시되며, 전체 장애는 &apos;장애&apos; 목록에서 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Select incidents in the list first</source>
        <translation>먼저 목록에서 장애를 선택하세요</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <source>Due {0}</source>
        <translation>기한 {0}</translation>
    </message>
</context>
<context>
    <name>IntakeScreen</name>
    <message>
        <source>Mapping rules, in the order they are tried</source>
        <translation>매핑 규칙 (적용 순서대로)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>순서</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>처리</translation>
    </message>
    <message>
        <source>Triage application</source>
        <translation>분류 업무시스템</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Try this payload (nothing is written)</source>
        <translation>페이로드 시험 (저장하지 않음)</translation>
    </message>
    <message>
        <source>Payload to try</source>
        <translation>시험할 페이로드</translation>
    </message>
    <message>
        <source>Payload format</source>
        <translation>페이로드 형식</translation>
    </message>
    <message>
        <source>Alertmanager webhook</source>
        <translation>Alertmanager 웹훅</translation>
    </message>
    <message>
        <source>Generic JSON</source>
        <translation>일반 JSON</translation>
    </message>
    <message>
        <source>Try</source>
        <translation>시험</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>경보</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>업무시스템</translation>
    </message>
    <message>
        <source>How</source>
        <translation>매핑 경로</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>Latest alerts triaged, held or refused</source>
        <translation>최근 분류·보류·거부된 경보</translation>
    </message>
    <message>
        <source>When</source>
        <comment>time</comment>
        <translation>일시</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>레이블</translation>
    </message>
    <message>
        <source>a CI code: an application as is; a server or database → its applications, widest impact first</source>
        <translation>구성 항목 코드: 업무시스템은 그대로, 서버·DB는 그 위의 업무시스템 (영향도가 가장 큰 것)</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>장애</translation>
    </message>
    <message>
        <source>When</source>
        <comment>condition</comment>
        <translation>조건</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Monitoring intake</source>
        <translation>모니터링 수신</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>등록</translation>
    </message>
    <message>
        <source>To triage</source>
        <translation>분류 대기로 등록</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>보류</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>거부</translation>
    </message>
    <message>
        <source>Repeat (action on the open incident)</source>
        <translation>재발생 (열린 장애에 조치 기록)</translation>
    </message>
    <message>
        <source>Resolved (action on the open incident)</source>
        <translation>해소 (열린 장애에 조치 기록)</translation>
    </message>
    <message>
        <source>Ignored (nothing open)</source>
        <translation>무시 (열린 장애 없음)</translation>
    </message>
    <message>
        <source>; host:port is read as the host</source>
        <translation>; host:port는 호스트로 읽음</translation>
    </message>
    <message>
        <source>label {0}</source>
        <translation>레이블 {0}</translation>
    </message>
    <message>
        <source>value {0}</source>
        <translation>값 {0}</translation>
    </message>
    <message>
        <source>is read as {0}</source>
        <translation>{0}(으)로 읽음</translation>
    </message>
    <message>
        <source>nothing maps</source>
        <translation>매핑되는 것이 없으면</translation>
    </message>
    <message>
        <source>triage application {0}</source>
        <translation>분류 업무시스템 {0}</translation>
    </message>
    <message>
        <source>held and listed below (no triage application)</source>
        <translation>보류하고 아래 목록에 표시 (분류 업무시스템 없음)</translation>
    </message>
    <message>
        <source>{0} = {1}</source>
        <translation>{0} = {1}</translation>
    </message>
    <message>
        <source>urgency {0}</source>
        <translation>긴급도 {0}</translation>
    </message>
    <message>
        <source>(none: hold unmapped alerts)</source>
        <translation>(없음: 매핑 안 된 경보는 보류)</translation>
    </message>
    <message>
        <source>Saved: alerts nothing maps now go to {0}</source>
        <translation>저장했습니다: 매핑되지 않는 경보는 이제 {0}(으)로 등록됩니다</translation>
    </message>
    <message>
        <source>Saved: alerts nothing maps are now held</source>
        <translation>저장했습니다: 매핑되지 않는 경보는 이제 보류됩니다</translation>
    </message>
    <message>
        <source>{0} alerts tried; nothing was written</source>
        <translation>경보 {0}건을 시험했습니다. 저장된 것은 없습니다</translation>
    </message>
</context>
<context>
    <name>LevelTable</name>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>색</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>위로</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>아래로</translation>
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
    <message>
        <source>This is a demo database. Sign in as &lt;b&gt;admin&lt;/b&gt; (administrator) or &lt;b&gt;choi.jihoon&lt;/b&gt; (handler); every demo password is &lt;b&gt;beacon&lt;/b&gt;.</source>
        <translation>데모 데이터베이스입니다. &lt;b&gt;admin&lt;/b&gt;(관리자) 또는 &lt;b&gt;choi.jihoon&lt;/b&gt;(처리 담당자)으로 로그인하세요. 모든 데모 계정의 암호는 &lt;b&gt;beacon&lt;/b&gt;입니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>From {0}</source>
        <translation>보낸 사람 {0}</translation>
    </message>
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
        <source>Problem candidates</source>
        <translation>문제 후보</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>관리</translation>
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
        <source>New &amp;problem…</source>
        <translation>새 문제 등록(&amp;P)…</translation>
    </message>
    <message>
        <source>Register a problem (the unknown cause of one or more incidents)</source>
        <translation>문제 등록 (하나 이상의 장애의 알려지지 않은 원인)</translation>
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
        <source>Change my &amp;password…</source>
        <translation>내 암호 변경(&amp;P)…</translation>
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
        <source>Your organisation has set the language.</source>
        <translation>조직에서 언어를 정해 두었습니다.</translation>
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
        <source>Your organisation has set the theme.</source>
        <translation>조직에서 테마를 정해 두었습니다.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Beacon ITSM…</source>
        <translation>Beacon ITSM 정보(&amp;A)…</translation>
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
    <name>MatrixEditor</name>
    <message>
        <source>Search CI, code or person</source>
        <translation>구성 항목, 코드, 담당자 검색</translation>
    </message>
    <message>
        <source>Only flagged</source>
        <translation>경고만 보기</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV 가져오기…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <source>Copy row…</source>
        <translation>행 복사…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>변경 취소</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Pick a cell to edit its people.</source>
        <translation>담당자를 바꿀 칸을 고르세요.</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>위로</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>빼기</translation>
    </message>
    <message>
        <source>Add to cell</source>
        <translation>칸에 추가</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>칸</translation>
    </message>
    <message>
        <source>Who gets an incident on this application</source>
        <translation>이 업무시스템에 장애가 등록되면</translation>
    </message>
    <message>
        <source>Owner matrix</source>
        <translation>담당자 매트릭스</translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>되돌렸습니다.</translation>
    </message>
    <message>
        <source>Changes discarded; the saved matrix is shown.</source>
        <translation>변경을 취소했습니다. 저장된 매트릭스를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>저장할 변경이 없습니다.</translation>
    </message>
    <message>
        <source>Saved: {0} cells ({1} people added, {2} taken out).</source>
        <translation>저장했습니다: {0}칸 (추가 {1}명, 제외 {2}명).</translation>
    </message>
    <message>
        <source>{0} is already in this cell.</source>
        <translation>{0}님은 이미 이 칸에 있습니다.</translation>
    </message>
    <message>
        <source>Pick the row to copy first.</source>
        <translation>먼저 복사할 행을 고르세요.</translation>
    </message>
    <message>
        <source>Copied to {0} CIs; not saved yet.</source>
        <translation>구성 항목 {0}개에 복사했습니다. 아직 저장하지 않았습니다.</translation>
    </message>
    <message>
        <source>Import owner matrix</source>
        <translation>담당자 매트릭스 가져오기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Export owner matrix</source>
        <translation>담당자 매트릭스 내보내기</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}</source>
        <translation>{0}을(를) 읽을 수 없습니다: {1}</translation>
    </message>
    <message>
        <source>{0}: {1} bad rows; nothing imported.</source>
        <translation>{0}: 잘못된 행 {1}개. 아무것도 가져오지 않았습니다.</translation>
    </message>
    <message>
        <source>The matrix changed since it was loaded; discard or save, then import again.</source>
        <translation>불러온 뒤 매트릭스가 바뀌었습니다. 변경을 취소하거나 저장한 뒤 다시 가져오세요.</translation>
    </message>
    <message>
        <source>{0}: {1} rows read, {2} cells change. Not saved yet: check, then Save.</source>
        <translation>{0}: {1}행을 읽었고 {2}칸이 바뀝니다. 아직 저장하지 않았습니다. 확인한 뒤 저장하세요.</translation>
    </message>
    <message>
        <source>Cannot write {0}: {1}</source>
        <translation>{0}에 쓸 수 없습니다: {1}</translation>
    </message>
    <message>
        <source> (the saved matrix; unsaved edits are not in it)</source>
        <translation> (저장된 매트릭스입니다. 저장하지 않은 변경은 들어 있지 않습니다)</translation>
    </message>
    <message>
        <source>Exported to {0}.</source>
        <translation>{0}(으)로 내보냈습니다.</translation>
    </message>
    <message>
        <source>Configuration item</source>
        <translation>구성 항목</translation>
    </message>
    <message>
        <source>Not linked to an application</source>
        <translation>업무시스템에 연결되지 않음</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>(팀 없음)</translation>
    </message>
    <message>
        <source>{0} applications have no primary handler: </source>
        <translation>주담당자가 없는 업무시스템 {0}개: </translation>
    </message>
    <message>
        <source>Every application has a primary handler.</source>
        <translation>모든 업무시스템에 주담당자가 있습니다.</translation>
    </message>
    <message>
        <source>Save ({0})</source>
        <translation>저장 ({0})</translation>
    </message>
    <message>
        <source>Pick a row of an application to see who would get its incidents.</source>
        <translation>업무시스템 행을 고르면 장애를 누가 받는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Assigned to: {0}</source>
        <translation>배정: {0}</translation>
    </message>
    <message>
        <source>Assigned to the team {0}, nobody in person</source>
        <translation>{0} 팀에 배정 (담당자 없음)</translation>
    </message>
    <message>
        <source>Nobody is assigned</source>
        <translation>아무에게도 배정되지 않음</translation>
    </message>
    <message>
        <source>Told it is theirs: {0}</source>
        <translation>배정 알림: {0}</translation>
    </message>
    <message>
        <source>Propagation group told:</source>
        <translation>전파 대상:</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>없음</translation>
    </message>
</context>
<context>
    <name>ParentPickerDialog</name>
    <message>
        <source>Set the parent incident</source>
        <translation>상위 장애 지정</translation>
    </message>
    <message>
        <source>Pick the major incident this one is part of. Resolving the parent resolves its children.</source>
        <translation>이 장애가 속한 상위(대형) 장애를 고르세요. 상위 장애를 해결하면 하위 장애도 해결됩니다.</translation>
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
        <source>Grade</source>
        <translation>등급</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Set as &amp;parent</source>
        <translation>상위 장애로 지정(&amp;P)</translation>
    </message>
    <message>
        <source>Number or title</source>
        <translation>번호 또는 제목</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Report preview — {name}</source>
        <translation>보고서 미리 보기 — {name}</translation>
    </message>
    <message>
        <source>Page {number}</source>
        <translation>{number}쪽</translation>
    </message>
    <message>
        <source>No PDF viewer is set up on this computer, so Beacon shows the report itself ({count} pages).</source>
        <translation>이 컴퓨터에 PDF 뷰어가 설정되어 있지 않아 Beacon에서 보고서를 직접 보여 줍니다 ({count}쪽).</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>인쇄…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>보고서 저장</translation>
    </message>
</context>
<context>
    <name>PriorityMatrixEditor</name>
    <message>
        <source>Priority matrix: urgency (rows) × impact (columns) → grade</source>
        <translation>우선순위 매트릭스: 긴급도(행) × 영향도(열) → 등급</translation>
    </message>
    <message>
        <source>Urgency levels (most urgent first)</source>
        <translation>긴급도 (가장 긴급한 것부터)</translation>
    </message>
    <message>
        <source>Impact levels (widest first)</source>
        <translation>영향도 (가장 넓은 것부터)</translation>
    </message>
    <message>
        <source>Grades (most severe first)</source>
        <translation>장애 등급 (가장 심각한 것부터)</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Save matrix</source>
        <translation>매트릭스 저장</translation>
    </message>
    <message>
        <source>Before saving</source>
        <translation>저장하기 전에</translation>
    </message>
    <message>
        <source>Priority matrix</source>
        <translation>우선순위 매트릭스</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(이름 없음)</translation>
    </message>
    <message>
        <source>Added. Type its Korean and English names in the list; save to keep it.</source>
        <translation>추가했습니다. 목록에서 한국어와 영어 이름을 입력하고 저장하세요.</translation>
    </message>
    <message>
        <source>Select a row to remove first.</source>
        <translation>삭제할 행을 먼저 선택하세요.</translation>
    </message>
    <message>
        <source>Grade &apos;%1&apos; is still chosen in the matrix; pick another grade in those cells first.</source>
        <translation>등급 &apos;%1&apos;이(가) 아직 매트릭스에서 쓰이고 있습니다. 해당 칸의 등급을 먼저 바꾸세요.</translation>
    </message>
    <message>
        <source>At least one must remain.</source>
        <translation>하나 이상 남아 있어야 합니다.</translation>
    </message>
    <message>
        <source>Removed from the draft; save to make it final.</source>
        <translation>편집 중인 매트릭스에서 뺐습니다. 저장해야 확정됩니다.</translation>
    </message>
    <message>
        <source>Open incidents now: %1</source>
        <translation>현재 열린 장애: %1건</translation>
    </message>
    <message>
        <source>Would get a different grade if registered under this matrix: %1</source>
        <translation>이 매트릭스로 등록했다면 등급이 달라질 장애: %1건</translation>
    </message>
    <message>
        <source>%1 incident(s)</source>
        <translation>%1건</translation>
    </message>
    <message>
        <source>Saving changes the grade of incidents registered from then on; open incidents keep theirs (a handler can regrade one with a reason).</source>
        <translation>저장하면 그 이후 등록되는 장애부터 새 등급이 적용됩니다. 열린 장애는 기존 등급을 유지합니다(담당자가 사유와 함께 등급을 변경할 수 있습니다).</translation>
    </message>
    <message>
        <source>Saved. New incidents are graded with this matrix.</source>
        <translation>저장했습니다. 새로 등록되는 장애는 이 매트릭스로 등급이 정해집니다.</translation>
    </message>
</context>
<context>
    <name>ProblemPickerDialog</name>
    <message>
        <source>Link a problem</source>
        <translation>문제 연결</translation>
    </message>
    <message>
        <source>Pick the problem this incident belongs to — open problems and known errors are listed — or register a new one.</source>
        <translation>이 장애가 속한 문제를 고르세요 (진행 중인 문제와 알려진 오류가 나옵니다). 없으면 새 문제를 등록합니다.</translation>
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
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Known error</source>
        <translation>알려진 오류</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>근본 원인</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>연결(&amp;L)</translation>
    </message>
    <message>
        <source>Number, title or root cause</source>
        <translation>번호, 제목 또는 근본 원인</translation>
    </message>
    <message>
        <source>New problem</source>
        <translation>새 문제</translation>
    </message>
    <message>
        <source>T&amp;itle *</source>
        <translation>제목(&amp;I) *</translation>
    </message>
    <message>
        <source>D&amp;escription *</source>
        <translation>내용(&amp;E) *</translation>
    </message>
    <message>
        <source>＋ New</source>
        <translation>＋ 새 문제</translation>
    </message>
    <message>
        <source>Register a new problem from this incident</source>
        <translation>이 장애로 새 문제 등록</translation>
    </message>
    <message>
        <source>&amp;Register and link</source>
        <translation>등록 후 연결(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ProcessDesigner</name>
    <message>
        <source>Add state</source>
        <translation>상태 추가</translation>
    </message>
    <message>
        <source>Draw transition from here</source>
        <translation>여기서 전이 그리기</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Back to your edit</source>
        <translation>편집 중인 정의로 돌아가기</translation>
    </message>
    <message>
        <source>Remove state</source>
        <translation>상태 삭제</translation>
    </message>
    <message>
        <source>Remove transition</source>
        <translation>전이 삭제</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>문제점</translation>
    </message>
    <message>
        <source>Click a state or an arrow to see and change it.

Add state makes a new state; drag from a state&apos;s edge (or use “Draw transition from here”) to another state to draw a transition.</source>
        <translation>상태나 화살표를 누르면 여기서 보고 바꿀 수 있습니다.

‘상태 추가’로 새 상태를 만들고, 한 상태에서 다른 상태로 끌면(또는 ‘여기서 전이 그리기’) 전이가 그려집니다.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Final: a case ends here</source>
        <translation>최종 상태: 건이 여기서 끝남</translation>
    </message>
    <message>
        <source>Pauses SLA clocks</source>
        <translation>SLA 시계 정지</translation>
    </message>
    <message>
        <source>Name (Korean)</source>
        <translation>이름 (한국어)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>이름 (영어)</translation>
    </message>
    <message>
        <source>Stage (column)</source>
        <translation>단계 (열)</translation>
    </message>
    <message>
        <source>Label (Korean)</source>
        <translation>이름 (한국어)</translation>
    </message>
    <message>
        <source>Label (English)</source>
        <translation>이름 (영어)</translation>
    </message>
    <message>
        <source>Who may fire</source>
        <translation>실행 권한</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>입력 항목</translation>
    </message>
    <message>
        <source>Times &amp;&amp; effects</source>
        <translation>시각 및 효과</translation>
    </message>
    <message>
        <source>No problems: this definition can be saved.</source>
        <translation>문제 없음: 이 정의를 저장할 수 있습니다.</translation>
    </message>
    <message>
        <source>Edit the TOML text</source>
        <translation>TOML 편집</translation>
    </message>
    <message>
        <source>State “%1”</source>
        <translation>상태 “%1”</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>필수</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>선택</translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation>%1 (선택)</translation>
    </message>
    <message>
        <source>Stamp the time</source>
        <translation>시각 기록</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지움</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>%1 지움</translation>
    </message>
    <message>
        <source>Effects</source>
        <translation>효과</translation>
    </message>
    <message>
        <source>(stays)</source>
        <translation>(상태 유지)</translation>
    </message>
    <message>
        <source>Transition “%1”: %2 → %3</source>
        <translation>전이 “%1”: %2 → %3</translation>
    </message>
    <message>
        <source>Add a state</source>
        <translation>상태 추가</translation>
    </message>
    <message>
        <source>Draw a transition</source>
        <translation>전이 그리기</translation>
    </message>
    <message>
        <source>Remove a state</source>
        <translation>상태 삭제</translation>
    </message>
    <message>
        <source>Remove a transition</source>
        <translation>전이 삭제</translation>
    </message>
    <message>
        <source>Rename a state</source>
        <translation>상태 이름 변경</translation>
    </message>
    <message>
        <source>Change a state</source>
        <translation>상태 속성 변경</translation>
    </message>
    <message>
        <source>Rename a transition</source>
        <translation>전이 이름 변경</translation>
    </message>
    <message>
        <source>Change a transition</source>
        <translation>전이 변경</translation>
    </message>
</context>
<context>
    <name>ProcessEditor</name>
    <message>
        <source>Process</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>● start   double border: final state   dashed: SLA clocks paused   ↻ stays in the state</source>
        <translation>● 시작   이중 테두리: 최종 상태   점선: SLA 시계 정지   ↻ 상태 유지</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>새 버전으로 저장</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>변경 취소</translation>
    </message>
    <message>
        <source>Definition (TOML)</source>
        <translation>정의 (TOML)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>적용</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>열린 건</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>전체 건</translation>
    </message>
    <message>
        <source>Saved at</source>
        <translation>저장 시각</translation>
    </message>
    <message>
        <source>Saved by</source>
        <translation>저장한 사람</translation>
    </message>
    <message>
        <source>Put this version in force</source>
        <translation>이 버전 적용</translation>
    </message>
    <message>
        <source>Edit from this version</source>
        <translation>이 버전으로 편집</translation>
    </message>
    <message>
        <source>Versions (open cases keep the version they started with)</source>
        <translation>버전 (열린 건은 시작한 버전을 그대로 따릅니다)</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>Your edits to this process are not saved. Discard them?</source>
        <translation>이 프로세스의 편집 내용이 저장되지 않았습니다. 버릴까요?</translation>
    </message>
    <message>
        <source>Put version %1 in force? New cases will start on it; open cases keep their version.</source>
        <translation>버전 %1을(를) 적용할까요? 새 건은 이 버전으로 시작하고, 열린 건은 원래 버전을 따릅니다.</translation>
    </message>
    <message>
        <source>Version %1 (in force)</source>
        <translation>버전 %1 (적용 중)</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>적용 중</translation>
    </message>
    <message>
        <source>(shipped)</source>
        <translation>(기본 제공)</translation>
    </message>
    <message>
        <source>Version in force: v%1 — %2 open case(s) on it</source>
        <translation>적용 중인 버전: v%1 — 이 버전의 열린 건 %2건</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>버전 %1</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>%1행: %2</translation>
    </message>
    <message>
        <source>states added</source>
        <translation>추가된 상태</translation>
    </message>
    <message>
        <source>states removed</source>
        <translation>삭제된 상태</translation>
    </message>
    <message>
        <source>transitions added</source>
        <translation>추가된 전이</translation>
    </message>
    <message>
        <source>transitions removed</source>
        <translation>삭제된 전이</translation>
    </message>
    <message>
        <source>transitions changed</source>
        <translation>바뀐 전이</translation>
    </message>
    <message>
        <source>no change to states or transitions</source>
        <translation>상태와 전이 변경 없음</translation>
    </message>
    <message>
        <source>Your edit (not saved yet)</source>
        <translation>편집 중인 정의 (아직 저장 안 됨)</translation>
    </message>
    <message>
        <source>The definition is valid (%1).</source>
        <translation>정의가 올바릅니다 (%1).</translation>
    </message>
    <message>
        <source>Saved as version %1: new cases start on it; open cases keep their version.</source>
        <translation>버전 %1(으)로 저장했습니다: 새 건은 이 버전으로 시작하고, 열린 건은 원래 버전을 따릅니다.</translation>
    </message>
    <message>
        <source>Editing a copy of version %1; Save stores it as a new version.</source>
        <translation>버전 %1의 복사본을 편집 중입니다. 저장하면 새 버전이 됩니다.</translation>
    </message>
    <message>
        <source>Version %1 is in force again: new cases start on it.</source>
        <translation>버전 %1을(를) 다시 적용했습니다: 새 건은 이 버전으로 시작합니다.</translation>
    </message>
</context>
<context>
    <name>ProcessTools</name>
    <message>
        <source>Dry run…</source>
        <translation>시험 실행…</translation>
    </message>
    <message>
        <source>Walk a sample case through the edited definition; nothing is saved</source>
        <translation>수정한 정의로 시험 건을 진행해 봅니다. 아무것도 저장하지 않습니다</translation>
    </message>
    <message>
        <source>Compare with the version in force…</source>
        <translation>사용 중인 버전과 비교…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Save the selected version (or the one in force) as a TOML file</source>
        <translation>선택한 버전(없으면 사용 중인 버전)을 TOML 파일로 저장합니다</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <source>Save a TOML file as the next version, in force for new cases</source>
        <translation>TOML 파일을 다음 버전으로 저장해 새 건부터 적용합니다</translation>
    </message>
    <message>
        <source>Export process</source>
        <translation>프로세스 내보내기</translation>
    </message>
    <message>
        <source>Import process</source>
        <translation>프로세스 가져오기</translation>
    </message>
    <message>
        <source>Save %1 as the next version of its process? New cases will start on it; open cases keep their version.</source>
        <translation>%1을(를) 해당 프로세스의 다음 버전으로 저장할까요? 새 건부터 이 버전을 따르고, 열린 건은 원래 버전을 유지합니다.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>%1행: %2</translation>
    </message>
    <message>
        <source>Your edit against the version in force</source>
        <translation>수정한 정의와 사용 중인 버전 비교</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Exported version %1 to %2.</source>
        <translation>버전 %1을(를) %2에 내보냈습니다.</translation>
    </message>
    <message>
        <source>Imported %1 as version %2 of the %3 process: new cases start on it; open cases keep their version.</source>
        <translation>%1을(를) %3 프로세스 버전 %2(으)로 가져왔습니다. 새 건부터 이 버전을 따르고, 열린 건은 원래 버전을 유지합니다.</translation>
    </message>
    <message>
        <source>New default process shipped: %1 — review…</source>
        <translation>새 기본 프로세스 제공됨: %1 — 검토…</translation>
    </message>
    <message>
        <source>The shipped process is version %1 now, in force for new cases.</source>
        <translation>제공된 기본 프로세스가 버전 %1이(가) 되어 새 건부터 적용됩니다.</translation>
    </message>
    <message>
        <source>Ignored; a newer release will be offered again.</source>
        <translation>무시했습니다. 더 새로운 버전이 나오면 다시 알려 드립니다.</translation>
    </message>
</context>
<context>
    <name>PropagationEditor</name>
    <message>
        <source>Search applications</source>
        <translation>업무시스템 검색</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>팀</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>포함 규칙</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>사람 추가…</translation>
    </message>
    <message>
        <source>Remove from group…</source>
        <translation>그룹에서 제외…</translation>
    </message>
    <message>
        <source>Put back</source>
        <translation>다시 포함</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>구성원</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>수신자</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>Preview: who a sample incident would reach</source>
        <translation>미리보기: 예시 장애 알림을 받는 사람</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Propagation groups</source>
        <translation>전파 그룹</translation>
    </message>
    <message>
        <source>{0}: 1 person is told; grey rows were taken out by hand.</source>
        <translation>{0}: 1명에게 알립니다. 회색 행은 수동으로 제외된 사람입니다.</translation>
    </message>
    <message>
        <source>{0}: {1} people are told; grey rows were taken out by hand.</source>
        <translation>{0}: {1}명에게 알립니다. 회색 행은 수동으로 제외된 사람입니다.</translation>
    </message>
    <message>
        <source>Added; saved.</source>
        <translation>추가하고 저장했습니다.</translation>
    </message>
    <message>
        <source>Removed; saved.</source>
        <translation>제외하고 저장했습니다.</translation>
    </message>
    <message>
        <source>Put back; saved.</source>
        <translation>다시 포함하고 저장했습니다.</translation>
    </message>
    <message>
        <source>In-app</source>
        <translation>앱 알림</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>웹훅</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Remove {0} from the group</source>
        <translation>{0}님을 그룹에서 제외</translation>
    </message>
    <message>
        <source>e.g. on leave until March</source>
        <translation>예: 3월까지 휴직</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>빼기</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>사유</translation>
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
        <source>— choose the application —</source>
        <translation>— 업무시스템을 고르세요 —</translation>
    </message>
    <message>
        <source>— how urgent is it for the business? —</source>
        <translation>— 업무에 얼마나 급한가요? —</translation>
    </message>
    <message>
        <source>When it started, in your time zone ({0}); not after now</source>
        <translation>장애가 시작된 시각 (시간대 {0}), 현재 이후는 안 됩니다</translation>
    </message>
    <message>
        <source>&amp;Title *</source>
        <translation>제목(&amp;T) *</translation>
    </message>
    <message>
        <source>A&amp;pplication *</source>
        <translation>업무시스템(&amp;P) *</translation>
    </message>
    <message>
        <source>&amp;Urgency *</source>
        <translation>긴급도(&amp;U) *</translation>
    </message>
    <message>
        <source>Incident t&amp;ype *</source>
        <translation>장애 유형(&amp;Y) *</translation>
    </message>
    <message>
        <source>&amp;Occurred at</source>
        <translation>발생 일시(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Description *</source>
        <translation>내용(&amp;D) *</translation>
    </message>
    <message>
        <source>Why the incident cannot be registered yet</source>
        <translation>아직 등록할 수 없는 이유</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>등록(&amp;R)</translation>
    </message>
    <message>
        <source>Linking a problem is not allowed to you while registering: link it from the incident&apos;s Similar tab once it may be</source>
        <translation>등록하면서 문제를 연결할 권한이 없습니다: 연결할 수 있게 되면 장애 창의 유사 사례 탭에서 연결하세요</translation>
    </message>
    <message>
        <source>Undo choice</source>
        <translation>선택 취소</translation>
    </message>
    <message>
        <source>Will be registered as a duplicate of {0}: cancelled at once and linked to it</source>
        <translation>{0}의 중복으로 등록됩니다: 등록과 함께 취소되고 {0}에 연결됩니다</translation>
    </message>
    <message>
        <source>Will be registered as a child of {0} (its parent incident)</source>
        <translation>{0}을(를) 상위 장애로 하는 하위 장애로 등록됩니다</translation>
    </message>
    <message>
        <source>Will be linked to problem {0}, its workaround copied into an action</source>
        <translation>문제 {0}에 연결되고, 그 해결 방법이 조치 내역으로 복사됩니다</translation>
    </message>
    <message>
        <source>— follows from the application —</source>
        <translation>— 업무시스템에 따라 정해집니다 —</translation>
    </message>
    <message>
        <source>— follows from the application and the urgency —</source>
        <translation>— 업무시스템과 긴급도에 따라 정해집니다 —</translation>
    </message>
    <message>
        <source>Impact (from the application)</source>
        <translation>영향도 (업무시스템 기준)</translation>
    </message>
    <message>
        <source>Grade (urgency × impact)</source>
        <translation>등급 (긴급도 × 영향도)</translation>
    </message>
</context>
<context>
    <name>ReliabilityCard</name>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>업무시스템</translation>
    </message>
    <message>
        <source>CI</source>
        <translation>구성 항목</translation>
    </message>
    <message>
        <source>MTTR: occurrence to restoration (resolved, else closed), mean of the restored incidents. MTBF: the window&apos;s time less the downtime (any incident open), per incident. Recurrence: repeats an incident of the same application with the same title in the 30 days before. Coverage: linked to a problem. A CI counts the incidents of every application that runs on or depends on it. Click a row to list its incidents.</source>
        <translation>MTTR: 발생부터 복구(해결, 없으면 종결)까지, 복구된 장애의 평균. MTBF: 기간에서 중단 시간(장애가 하나라도 열려 있던 시간)을 뺀 가동 시간 ÷ 장애 건수. 재발률: 30일 안에 같은 업무시스템에서 같은 제목의 장애가 있었던 비율. 문제 연결률: 문제에 연결된 비율. 구성 항목은 그 위에서 실행되거나 그에 의존하는 모든 업무시스템의 장애를 셉니다. 행을 누르면 그 장애 목록을 엽니다.</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>장애 건수</translation>
    </message>
    <message>
        <source>MTTR</source>
        <translation>MTTR (평균 복구 시간)</translation>
    </message>
    <message>
        <source>Total to restore</source>
        <translation>총 복구 시간</translation>
    </message>
    <message>
        <source>MTBF</source>
        <translation>MTBF (평균 고장 간격)</translation>
    </message>
    <message>
        <source>Recurrence</source>
        <translation>재발률</translation>
    </message>
    <message>
        <source>Problem coverage</source>
        <translation>문제 연결률</translation>
    </message>
    <message>
        <source>Could not load reliability: {0}</source>
        <translation>안정성 지표를 불러오지 못했습니다: {0}</translation>
    </message>
    <message>
        <source>{0} – {1}: {2} applications and {3} CIs had incidents; the least reliable first (lowest MTBF)</source>
        <translation>{0} – {1}: 장애가 있었던 업무시스템 {2}개, 구성 항목 {3}개 — 가장 불안정한 순 (MTBF 낮은 순)</translation>
    </message>
    <message>
        <source>{0}: {1} incidents, {2} restored, {3} down in the window
Click to list them</source>
        <translation>{0}: 장애 {1}건, 복구 {2}건, 기간 중 중단 {3}
누르면 목록을 엽니다</translation>
    </message>
    <message>
        <source>{0}: incidents of the last 12 months</source>
        <translation>{0}: 최근 12개월 장애</translation>
    </message>
</context>
<context>
    <name>ReportRunner</name>
    <message>
        <source>Save report</source>
        <translation>보고서 저장</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>보고서</translation>
    </message>
    <message>
        <source>The report could not be opened: no PDF viewer is set up on this computer and Beacon could not show it ({reason}). It is saved as {path}.</source>
        <translation>보고서를 열 수 없습니다. 이 컴퓨터에 PDF 뷰어가 설정되어 있지 않고 Beacon에서도 표시하지 못했습니다 ({reason}). 파일은 {path}에 저장되어 있습니다.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password of {0}</source>
        <translation>{0}의 암호 재설정</translation>
    </message>
    <message>
        <source>empty: generate one</source>
        <translation>비워 두면 자동 생성</translation>
    </message>
    <message>
        <source>At least {0} characters. Leave empty and Beacon makes one up and shows it once.</source>
        <translation>{0}자 이상 입력하세요. 비워 두면 Beacon이 암호를 만들어 한 번만 보여 줍니다.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>새 비밀번호</translation>
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
    <name>ShippedOfferDialog</name>
    <message>
        <source>Newer default process: %1</source>
        <translation>새 기본 프로세스: %1</translation>
    </message>
    <message>
        <source>This Beacon release ships a newer default %1 process. Adopting it stores it as a new version (checked as any save) that new cases start on; ignoring it hides it until a newer release ships one.</source>
        <translation>이 Beacon 릴리스에는 %1 기본 프로세스의 새 버전이 들어 있습니다. 새 버전으로 적용하면 저장과 같은 검사를 거쳐 새 건부터 따르고, 무시하면 더 새로운 릴리스가 나올 때까지 다시 묻지 않습니다.</translation>
    </message>
    <message>
        <source>Adopt as a new version</source>
        <translation>새 버전으로 적용</translation>
    </message>
    <message>
        <source>Ignore this release</source>
        <translation>이번 버전 무시</translation>
    </message>
</context>
<context>
    <name>SimilarPanel</name>
    <message>
        <source>Similar cases</source>
        <translation>유사 사례</translation>
    </message>
    <message>
        <source>Type a title: similar open incidents, known errors and recently closed incidents appear here, each with why.</source>
        <translation>제목을 입력하면 처리 중인 비슷한 장애, 알려진 오류, 최근 종결된 장애가 이유와 함께 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Looking for similar cases…</source>
        <translation>유사 사례를 찾는 중…</translation>
    </message>
    <message>
        <source>Similar cases could not be searched: {0}</source>
        <translation>유사 사례를 찾지 못했습니다: {0}</translation>
    </message>
    <message>
        <source>{0} similar cases — why each is suggested is under it</source>
        <translation>유사 사례 {0}건 — 제안 이유는 각 건 아래에 있습니다</translation>
    </message>
    <message>
        <source>No similar case found.</source>
        <translation>비슷한 사례가 없습니다.</translation>
    </message>
    <message>
        <source>Known error</source>
        <translation>알려진 오류</translation>
    </message>
    <message>
        <source>Workaround</source>
        <translation>해결 방법</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>원인</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>처리 내용</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>중복</translation>
    </message>
    <message>
        <source>Register this as a duplicate of {0} (it is cancelled and linked to it)</source>
        <translation>이 장애를 {0}의 중복으로 등록 (취소되고 {0}에 연결됨)</translation>
    </message>
    <message>
        <source>Cancel this incident as a duplicate of {0}</source>
        <translation>이 장애를 {0}의 중복으로 취소</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>상위로</translation>
    </message>
    <message>
        <source>Make {0} the parent (major) incident of this one</source>
        <translation>{0}을(를) 이 장애의 상위(주요) 장애로 지정</translation>
    </message>
    <message>
        <source>Link + workaround</source>
        <translation>연결 + 해결 방법</translation>
    </message>
    <message>
        <source>Link problem {0} and copy its workaround into an action</source>
        <translation>문제 {0}을(를) 연결하고 해결 방법을 조치 내역으로 복사</translation>
    </message>
</context>
<context>
    <name>SlaEditor</name>
    <message>
        <source>Monday</source>
        <translation>월요일</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>화요일</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>수요일</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>목요일</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>금요일</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>토요일</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>일요일</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>월</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>화</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>수</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>목</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>금</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>토</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>일</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>등급</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>해결</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>달력</translation>
    </message>
    <message>
        <source>Warn at</source>
        <translation>경고 시점</translation>
    </message>
    <message>
        <source>Reads as</source>
        <translation>환산</translation>
    </message>
    <message>
        <source>Save targets</source>
        <translation>목표 저장</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Targets per grade (incidents)</source>
        <translation>등급별 SLA 목표 (장애)</translation>
    </message>
    <message>
        <source>A 24×7 calendar counts wall-clock time; any other counts its working time. Saved targets apply to incidents registered from then on.</source>
        <translation>연중무휴(24×7) 달력은 경과 시간으로, 그 밖의 달력은 근무 시간으로 계산합니다. 저장한 목표는 그 이후 등록되는 장애부터 적용됩니다.</translation>
    </message>
    <message>
        <source>What would this incident&apos;s deadline be?</source>
        <translation>이 장애의 처리 기한은 언제일까?</translation>
    </message>
    <message>
        <source>Registered at (%1)</source>
        <translation>등록 일시 (%1)</translation>
    </message>
    <message>
        <source>Response due</source>
        <translation>응답 기한</translation>
    </message>
    <message>
        <source>Resolution due</source>
        <translation>해결 기한</translation>
    </message>
    <message>
        <source>New calendar</source>
        <translation>새 달력</translation>
    </message>
    <message>
        <source>24×7 (counts wall-clock time)</source>
        <translation>연중무휴 (경과 시간으로 계산)</translation>
    </message>
    <message>
        <source>Korean public holidays off</source>
        <translation>한국 공휴일 휴무</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>근무 시간</translation>
    </message>
    <message>
        <source>e.g. 09:00-18:00, or 09:00-12:00, 13:00-18:00; empty = day off</source>
        <translation>예: 09:00-18:00 또는 09:00-12:00, 13:00-18:00 (비우면 휴무)</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>공휴일</translation>
    </message>
    <message>
        <source>Own holiday</source>
        <translation>자체 휴일</translation>
    </message>
    <message>
        <source>Extra working day</source>
        <translation>추가 근무일</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>Name, e.g. Foundation day</source>
        <translation>이름 (예: 창립기념일)</translation>
    </message>
    <message>
        <source>Add own holiday</source>
        <translation>자체 휴일 추가</translation>
    </message>
    <message>
        <source>Add extra working day</source>
        <translation>추가 근무일 지정</translation>
    </message>
    <message>
        <source>Remove own day</source>
        <translation>자체 지정 해제</translation>
    </message>
    <message>
        <source>Save calendar</source>
        <translation>달력 저장</translation>
    </message>
    <message>
        <source>Business calendars</source>
        <translation>업무 달력</translation>
    </message>
    <message>
        <source>Korean name</source>
        <translation>한국어 이름</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>영어 이름</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>시간대</translation>
    </message>
    <message>
        <source>SLA and calendars</source>
        <translation>SLA와 업무 달력</translation>
    </message>
    <message>
        <source>(new calendar)</source>
        <translation>(새 달력)</translation>
    </message>
    <message>
        <source> min</source>
        <translation>분</translation>
    </message>
    <message>
        <source>wall clock</source>
        <translation>경과 시간</translation>
    </message>
    <message>
        <source>business time</source>
        <translation>근무 시간</translation>
    </message>
    <message>
        <source>Saved. Incidents registered from now on use these targets.</source>
        <translation>저장했습니다. 지금부터 등록되는 장애에 이 목표가 적용됩니다.</translation>
    </message>
    <message>
        <source>New calendar: give it names and hours, then save.</source>
        <translation>새 달력입니다. 이름과 근무 시간을 입력한 뒤 저장하세요.</translation>
    </message>
    <message>
        <source>%1 marked; save the calendar to keep it.</source>
        <translation>%1을(를) 지정했습니다. 달력을 저장해야 반영됩니다.</translation>
    </message>
    <message>
        <source>Select an own holiday or extra working day in the list first.</source>
        <translation>목록에서 자체 휴일이나 추가 근무일을 먼저 선택하세요.</translation>
    </message>
    <message>
        <source>Public holidays come from the Korean holiday calendar and cannot be removed. To work on one, add an extra working day on that date.</source>
        <translation>공휴일은 한국 공휴일 달력에서 가져오므로 삭제할 수 없습니다. 그날 근무하려면 그 날짜를 추가 근무일로 지정하세요.</translation>
    </message>
    <message>
        <source>%1 removed; save the calendar to keep it.</source>
        <translation>%1 지정을 해제했습니다. 달력을 저장해야 반영됩니다.</translation>
    </message>
    <message>
        <source>Calendar saved. Clocks started from now on use it.</source>
        <translation>달력을 저장했습니다. 지금부터 시작되는 SLA 시계에 적용됩니다.</translation>
    </message>
    <message>
        <source>Counts business time of &apos;%1&apos;</source>
        <translation>&apos;%1&apos;의 근무 시간으로 계산</translation>
    </message>
    <message>
        <source>Counts wall-clock time (&apos;%1&apos;)</source>
        <translation>경과 시간으로 계산 (&apos;%1&apos;)</translation>
    </message>
</context>
<context>
    <name>SrSystemScreen</name>
    <message>
        <source>One per line: Header: value</source>
        <translation>한 줄에 하나씩: 헤더: 값</translation>
    </message>
    <message>
        <source>One per line: Header: value — written only, never shown again</source>
        <translation>한 줄에 하나씩: 헤더: 값 — 저장만 되고 다시 표시되지 않음</translation>
    </message>
    <message>
        <source>System name</source>
        <translation>시스템 이름</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>HTTP method</source>
        <translation>HTTP 메서드</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Secret headers</source>
        <translation>비밀 헤더</translation>
    </message>
    <message>
        <source>Secrets stored</source>
        <translation>저장된 비밀</translation>
    </message>
    <message>
        <source>Body template (JSON)</source>
        <translation>본문 템플릿 (JSON)</translation>
    </message>
    <message>
        <source>External ID pointer</source>
        <translation>외부 ID 위치</translation>
    </message>
    <message>
        <source>Status pointer</source>
        <translation>상태 위치</translation>
    </message>
    <message>
        <source>Link for people</source>
        <translation>사람이 여는 링크</translation>
    </message>
    <message>
        <source>New system</source>
        <translation>새 시스템</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Where a closing follow-up sends a service request. ${field} in the URL, headers and body is filled from the incident (e.g. ${number}, ${title}, ${closer}).</source>
        <translation>종결 후속 조치가 서비스 요청을 보내는 곳입니다. URL·헤더·본문의 ${field}는 장애의 값으로 채워집니다 (예: ${number}, ${title}, ${closer}).</translation>
    </message>
    <message>
        <source>SR target systems</source>
        <translation>SR 대상 시스템</translation>
    </message>
    <message>
        <source>Secret set for: {0} (type a new value to replace it)</source>
        <translation>비밀이 저장된 헤더: {0} (새 값을 입력하면 바뀜)</translation>
    </message>
    <message>
        <source>No secret headers</source>
        <translation>비밀 헤더 없음</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0}을(를) 저장했습니다</translation>
    </message>
    <message>
        <source>Removed {0}</source>
        <translation>{0}을(를) 삭제했습니다</translation>
    </message>
</context>
<context>
    <name>TeamsPanel</name>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Parent team</source>
        <translation>상위 팀</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>활성 구성원</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Name (Korean)</source>
        <translation>이름 (한국어)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>이름 (영어)</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
    <message>
        <source>New team</source>
        <translation>새 팀</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>사용 중지</translation>
    </message>
    <message>
        <source>active</source>
        <translation>활성</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>사용 중지됨</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— 없음 —</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>사용 재개</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>{0}을(를) 저장했습니다.</translation>
    </message>
    <message>
        <source>Team {0} disabled.</source>
        <translation>팀 {0}을(를) 사용 중지했습니다.</translation>
    </message>
    <message>
        <source>Team {0} enabled.</source>
        <translation>팀 {0}을(를) 다시 사용합니다.</translation>
    </message>
</context>
<context>
    <name>TimeChart</name>
    <message>
        <source>Actions</source>
        <translation>조치 내역</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>작업 지시</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>변경</translation>
    </message>
    <message>
        <source>Linked incidents</source>
        <translation>연관 장애</translation>
    </message>
    <message>
        <source>Key events</source>
        <translation>주요 이벤트</translation>
    </message>
    <message>
        <source>Response due</source>
        <translation>응답 목표</translation>
    </message>
    <message>
        <source>Resolution due</source>
        <translation>해결 목표</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>조사</translation>
    </message>
    <message>
        <source>Note</source>
        <comment>action kind</comment>
        <translation>메모</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>수정</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>연락</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>의견</translation>
    </message>
    <message>
        <source>Workaround</source>
        <comment>action kind</comment>
        <translation>임시 조치</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>조치</translation>
    </message>
    <message>
        <source>Grade change</source>
        <translation>등급 변경</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>재처리</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Known error recorded</source>
        <translation>알려진 오류 등록</translation>
    </message>
    <message>
        <source>Verification failed</source>
        <translation>결과 미흡</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>작업 지시</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변경</translation>
    </message>
    <message>
        <source>Linked incident</source>
        <translation>연관 장애</translation>
    </message>
    <message>
        <source>{what} at {when} (outside the chart)</source>
        <translation>{what} {when} (차트 범위 밖)</translation>
    </message>
    <message>
        <source>… and {count} more here</source>
        <translation>… 이 위치에 {count}건 더</translation>
    </message>
    <message>
        <source>No time chart for this case.</source>
        <translation>이 건에는 타임 차트가 없습니다.</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>Fields marked * are required. Ctrl+Enter confirms.</source>
        <translation>* 표시 항목은 필수입니다. Ctrl+Enter로 확인합니다.</translation>
    </message>
</context>
<context>
    <name>UserEditor</name>
    <message>
        <source>Users</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>팀</translation>
    </message>
    <message>
        <source>Users and teams</source>
        <translation>사용자 및 팀</translation>
    </message>
</context>
<context>
    <name>UserPicker</name>
    <message>
        <source>Find a person by name, login or team</source>
        <translation>이름, 로그인 또는 팀으로 사람 찾기</translation>
    </message>
    <message>
        <source>Search people by name or team</source>
        <translation>이름 또는 팀으로 사람 검색</translation>
    </message>
    <message>
        <source>People</source>
        <translation>사람</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <source>Search name, user name, e-mail or team</source>
        <translation>이름, 아이디, 이메일 또는 팀 검색</translation>
    </message>
    <message>
        <source>Active users</source>
        <translation>활성 사용자</translation>
    </message>
    <message>
        <source>Disabled users</source>
        <translation>사용 중지된 사용자</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>모든 사용자</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>아이디</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>팀</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>최근 로그인</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>새 사용자</translation>
    </message>
    <message>
        <source>empty: generate one</source>
        <translation>비워 두면 자동 생성</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>암호</translation>
    </message>
    <message>
        <source>Name (Korean)</source>
        <translation>이름 (한국어)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>이름 (영어)</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>직위</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>시간대</translation>
    </message>
    <message>
        <source>Notices (in-app always)</source>
        <translation>알림 (앱 내 알림은 항상)</translation>
    </message>
    <message>
        <source>empty: the user&apos;s e-mail</source>
        <translation>비워 두면 사용자 이메일</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>웹훅</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>사용 중지</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>암호 재설정…</translation>
    </message>
    <message>
        <source>New password, shown only now — pass it on:</source>
        <translation>새 암호 (지금 한 번만 표시됩니다. 본인에게 전달하세요):</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— 없음 —</translation>
    </message>
    <message>
        <source>{0} (disabled)</source>
        <translation>{0} (사용 중지됨)</translation>
    </message>
    <message>
        <source>active</source>
        <translation>활성</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>사용 중지됨</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>사용 재개</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>{0}을(를) 저장했습니다.</translation>
    </message>
    <message>
        <source>{0} can no longer sign in; their history stays.</source>
        <translation>{0}은(는) 더 이상 로그인할 수 없습니다. 이력은 그대로 남습니다.</translation>
    </message>
    <message>
        <source>{0} can sign in again.</source>
        <translation>{0}은(는) 다시 로그인할 수 있습니다.</translation>
    </message>
    <message>
        <source>{0} open case(s) are still assigned to them: hand them over.</source>
        <translation>처리 중인 건 {0}건이 아직 이 사용자에게 배정되어 있습니다. 다른 담당자에게 넘기세요.</translation>
    </message>
    <message>
        <source>Password of {0} reset.</source>
        <translation>{0}의 암호를 재설정했습니다.</translation>
    </message>
</context>
<context>
    <name>WhatChangedPanel</name>
    <message>
        <source>Completed</source>
        <translation>완료 시각</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>번호</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>구분</translation>
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
        <source>Why it is listed</source>
        <translation>표시 이유</translation>
    </message>
    <message>
        <source>What changed before this incident</source>
        <translation>이 장애 전에 바뀐 것</translation>
    </message>
    <message>
        <source>Mark as suspected cause</source>
        <translation>의심 원인으로 지정</translation>
    </message>
    <message>
        <source>Clear suspected cause</source>
        <translation>의심 원인 해제</translation>
    </message>
    <message>
        <source>Changes count when they were put in, work orders when they were finished. Double-click a row to open it.</source>
        <translation>변경은 적용(구현) 시각, 작업 지시는 완료 시각 기준입니다. 행을 두 번 누르면 엽니다.</translation>
    </message>
    <message>
        <source>Nothing was completed on this application or its related CIs in the {0} days before it was registered ({1}; no occurrence time given).</source>
        <translation>등록 전 {0}일 동안 이 업무시스템과 관련 구성 항목에서 완료된 변경·작업 지시가 없습니다 ({1}, 발생 시각 미기재).</translation>
    </message>
    <message>
        <source>Nothing was completed on this application or its related CIs in the {0} days before it occurred ({1}).</source>
        <translation>발생 전 {0}일 동안 이 업무시스템과 관련 구성 항목에서 완료된 변경·작업 지시가 없습니다 ({1}).</translation>
    </message>
    <message>
        <source>{0} completed on this application or its related CIs in the {1} days before it was registered ({2}; no occurrence time given), newest first.</source>
        <translation>등록 전 {1}일 동안 이 업무시스템과 관련 구성 항목에서 완료된 변경·작업 지시 {0}건 ({2}, 발생 시각 미기재), 최근 순.</translation>
    </message>
    <message>
        <source>{0} completed on this application or its related CIs in the {1} days before it occurred ({2}), newest first.</source>
        <translation>발생 전 {1}일 동안 이 업무시스템과 관련 구성 항목에서 완료된 변경·작업 지시 {0}건 ({2} 발생), 최근 순.</translation>
    </message>
    <message>
        <source>Suspected cause: {0}.</source>
        <translation>의심 원인: {0}.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변경</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>작업 지시</translation>
    </message>
    <message>
        <source>Suspected cause</source>
        <translation>의심 원인</translation>
    </message>
</context>
<context>
    <name>_CasePicker</name>
    <message>
        <source>&amp;Search</source>
        <translation>검색(&amp;S)</translation>
    </message>
    <message>
        <source>Matches: {0}</source>
        <translation>검색 결과: {0}건</translation>
    </message>
</context>
<context>
    <name>_ListPage</name>
    <message>
        <source>Other users changed the list — refresh</source>
        <translation>다른 사용자가 목록을 변경했습니다 — 새로 고침</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Save every row of this list, as filtered and sorted, to Excel or CSV</source>
        <translation>현재 필터와 정렬 그대로 이 목록의 모든 행을 Excel 또는 CSV로 저장합니다</translation>
    </message>
    <message>
        <source>{0} in this list</source>
        <translation>이 목록 {0}건</translation>
    </message>
    <message>
        <source>about {0} in this list (counting…)</source>
        <translation>이 목록 약 {0}건 (세는 중…)</translation>
    </message>
    <message>
        <source>{0} shown, counting…</source>
        <translation>{0}건 표시, 전체 세는 중…</translation>
    </message>
    <message>
        <source>Nothing matches these filters.</source>
        <translation>조건에 맞는 건이 없습니다.</translation>
    </message>
    <message>
        <source>Could not load the list: {0}</source>
        <translation>목록을 불러오지 못했습니다: {0}</translation>
    </message>
    <message>
        <source>Export this list…</source>
        <translation>이 목록 내보내기…</translation>
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
    <name>dialog_buttons</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
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
