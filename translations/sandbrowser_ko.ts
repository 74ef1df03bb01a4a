<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>QObject</name>
    <message>
        <source>&quot;%1&quot; is not a %2; give a whole number from 1 to %3</source>
        <translation>%2 값이 잘못되었습니다: &quot;%1&quot;. 1부터 %3까지의 정수를 입력하세요</translation>
    </message>
    <message>
        <source>no tab</source>
        <translation>탭 없음</translation>
    </message>
    <message>
        <source>tab %1 %2</source>
        <translation>탭 %1 %2</translation>
    </message>
    <message>
        <source>no process model &quot;%1&quot;; the models are %2</source>
        <translation>&quot;%1&quot;(이)라는 프로세스 모델은 없습니다. 사용할 수 있는 모델: %2</translation>
    </message>
    <message>
        <source>process count</source>
        <translation>프로세스 수</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>limit %1</source>
        <translation>최대 %1개</translation>
    </message>
    <message>
        <source>Type a URL, for example demo://home</source>
        <translation>URL을 입력하세요. 예: demo://home</translation>
    </message>
    <message>
        <source>That URL is longer than %1 characters</source>
        <translation>URL이 %1자보다 깁니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a URL: it contains spaces</source>
        <translation>&apos;%1&apos;은(는) URL이 아닙니다: 공백이 들어 있습니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a URL: try demo://home or https://example.com</source>
        <translation>&apos;%1&apos;은(는) URL이 아닙니다: demo://home 또는 https://example.com 형식으로 입력해 보세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a URL: %2</source>
        <translation>&apos;%1&apos;은(는) URL이 아닙니다: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names no page: try demo://home</source>
        <translation>&apos;%1&apos;에 해당하는 페이지가 없습니다: demo://home을 열어 보세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no host</source>
        <translation>&apos;%1&apos;에 호스트가 없습니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the %2 scheme is not supported (use demo, http or https)</source>
        <translation>&apos;%1&apos;: %2 스킴은 지원하지 않습니다 (demo, http, https를 사용하세요)</translation>
    </message>
    <message>
        <source>The whole browser is about to crash</source>
        <translation>브라우저 전체가 곧 크래시됩니다</translation>
    </message>
    <message>
        <source>A renderer is about to fault: %1.</source>
        <translation>렌더러에서 곧 오류가 발생합니다: %1.</translation>
    </message>
    <message>
        <source>In the single-process model every renderer is a thread of the browser process. Threads share one address space and one fate: a fault in one of them ends the process, so every tab and the window close together. In the per-tab or per-site model only the tabs of that renderer would show a sad tab.

This explanation is shown once.</source>
        <translation>단일 프로세스 모델에서는 모든 렌더러가 브라우저 프로세스의 스레드입니다. 스레드는 하나의 주소 공간과 운명을 공유하므로, 그중 하나에서 오류가 나면 프로세스 전체가 종료되어 모든 탭과 창이 함께 닫힙니다. 탭별 또는 사이트별 모델이었다면 그 렌더러의 탭에만 오류 화면이 표시되었을 것입니다.

이 설명은 한 번만 표시됩니다.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A multi-process browser sandbox demo.</source>
        <translation>멀티 프로세스 브라우저 샌드박스 데모.</translation>
    </message>
    <message>
        <source>Run without a window.</source>
        <translation>창 없이 실행합니다.</translation>
    </message>
    <message>
        <source>With --headless: run the scripted isolation demo and exit.</source>
        <translation>--headless와 함께: 스크립트로 된 격리 데모를 실행하고 종료합니다.</translation>
    </message>
    <message>
        <source>Listen for JSON-line control requests on this Unix socket path.</source>
        <translation>이 Unix 소켓 경로에서 JSON 줄 단위 제어 요청을 받습니다.</translation>
    </message>
    <message>
        <source>Put this command in front of every renderer, e.g. &apos;strace -f&apos; or &apos;gdb --args&apos;.</source>
        <translation>모든 렌더러 앞에 이 명령을 붙여 실행합니다. 예: &apos;strace -f&apos;, &apos;gdb --args&apos;.</translation>
    </message>
    <message>
        <source>Run children with no sandbox layer at all (every tab shows a red banner).</source>
        <translation>자식 프로세스를 샌드박스 계층 없이 실행합니다 (모든 탭에 빨간 배너가 표시됩니다).</translation>
    </message>
    <message>
        <source>Leave these sandbox layers off in every renderer (comma list: landlock, seccomp-bpf, rlimits, ...); each tab shows a warning.</source>
        <translation>모든 렌더러에서 이 샌드박스 계층들을 끕니다 (쉼표로 구분: landlock, seccomp-bpf, rlimits, ...). 각 탭에 경고가 표시됩니다.</translation>
    </message>
    <message>
        <source>Reload a crashed tab by itself after a second, unless it crashes again right after a reload (a crash loop).</source>
        <translation>크래시된 탭을 1초 뒤 자동으로 새로 고칩니다. 단, 새로 고친 직후 다시 크래시되면(크래시 루프) 새로 고치지 않습니다.</translation>
    </message>
    <message>
        <source>Open the IPC inspector on this saved JSON Lines log (see sandbrowser-ipcdump).</source>
        <translation>저장된 JSON Lines 로그를 IPC 인스펙터에서 엽니다 (sandbrowser-ipcdump 참고).</translation>
    </message>
    <message>
        <source>Open a panel at start: inspector, task-manager, process-map, crashes or sandbox (repeatable, or a comma list).</source>
        <translation>시작할 때 패널을 엽니다: inspector, task-manager, process-map, crashes, sandbox (여러 번 지정하거나 쉼표로 구분).</translation>
    </message>
    <message>
        <source>Fork renderers from a pre-started zygote process instead of starting each one afresh (the default; see docs/sandbox.md).</source>
        <translation>렌더러를 매번 새로 시작하지 않고 미리 시작된 자이고트(zygote) 프로세스에서 fork합니다 (기본값, docs/sandbox.md 참고).</translation>
    </message>
    <message>
        <source>Start every renderer afresh (exec), without the zygote.</source>
        <translation>자이고트 없이 모든 렌더러를 새로 시작(exec)합니다.</translation>
    </message>
    <message>
        <source>Messages the IPC inspector keeps (default 100000).</source>
        <translation>IPC 인스펙터가 보관할 메시지 수 (기본값 100000).</translation>
    </message>
    <message>
        <source>Which tabs share a renderer: per-tab (default: each tab its own), per-site (tabs of one site share one) or single-process (each tab a renderer thread inside the browser: a renderer crash ends the browser).</source>
        <translation>어떤 탭이 렌더러를 공유할지 정합니다: per-tab (기본값, 탭마다 렌더러 하나), per-site (같은 사이트의 탭이 하나를 공유), single-process (각 탭이 브라우저 안의 렌더러 스레드, 렌더러가 크래시되면 브라우저도 종료).</translation>
    </message>
    <message>
        <source>At most this many renderers; past it, tabs share the least loaded one (the same site&apos;s first).</source>
        <translation>렌더러 수의 상한입니다. 이를 넘으면 탭은 가장 부하가 적은 렌더러를 공유합니다 (같은 사이트의 렌더러 우선).</translation>
    </message>
    <message>
        <source>Pages to open (default demo://home).</source>
        <translation>열 페이지 (기본값 demo://home).</translation>
    </message>
</context>
<context>
    <name>sb::browser::Browser</name>
    <message>
        <source>GPU process (every tab&apos;s pixels)</source>
        <translation>GPU 프로세스 (모든 탭의 픽셀)</translation>
    </message>
    <message>
        <source>%1 plugin</source>
        <translation>%1 플러그인</translation>
    </message>
    <message>
        <source>no tab %1</source>
        <translation>탭 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>tab %1 is not unresponsive</source>
        <translation>탭 %1은(는) 응답 없음 상태가 아닙니다</translation>
    </message>
    <message>
        <source>tab %1 has no earlier page</source>
        <translation>탭 %1에는 이전 페이지가 없습니다</translation>
    </message>
    <message>
        <source>tab %1 has no later page</source>
        <translation>탭 %1에는 다음 페이지가 없습니다</translation>
    </message>
    <message>
        <source>tab %1 has no running renderer</source>
        <translation>탭 %1에는 실행 중인 렌더러가 없습니다</translation>
    </message>
    <message>
        <source>the renderer is already gone</source>
        <translation>렌더러가 이미 종료되었습니다</translation>
    </message>
    <message>
        <source>pid %1 is the browser itself: in the single-process model its renderers are threads of it, and a thread cannot be killed on its own</source>
        <translation>pid %1은(는) 브라우저 자신입니다. 단일 프로세스 모델에서는 렌더러가 브라우저의 스레드이며, 스레드만 따로 종료할 수는 없습니다</translation>
    </message>
    <message>
        <source>pid %1 is the browser itself; use quit</source>
        <translation>pid %1은(는) 브라우저 자신입니다. 종료하려면 quit을 사용하세요</translation>
    </message>
    <message>
        <source>pid %1 is already gone</source>
        <translation>pid %1은(는) 이미 종료되었습니다</translation>
    </message>
    <message>
        <source>pid %1 is not one of this browser&apos;s processes; refusing to signal it</source>
        <translation>pid %1은(는) 이 브라우저의 프로세스가 아니므로 시그널을 보내지 않습니다</translation>
    </message>
    <message>
        <source>the renderer could not start: %1</source>
        <translation>렌더러를 시작할 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>sb::browser::ChildLogModel</name>
    <message>
        <source>Time (s)</source>
        <translation>시간 (초)</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>탭</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>수준</translation>
    </message>
    <message>
        <source>Logger</source>
        <translation>로거</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>내용</translation>
    </message>
</context>
<context>
    <name>sb::browser::CrashesPanel</name>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>원인</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>방향</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>바이트</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>순번</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>비고</translation>
    </message>
    <message>
        <source>Backtrace (written by the process itself as it died):</source>
        <translation>백트레이스 (프로세스가 종료되면서 직접 남긴 것):</translation>
    </message>
    <message>
        <source>Its last messages with the browser:</source>
        <translation>브라우저와 주고받은 마지막 메시지:</translation>
    </message>
    <message>
        <source>No child process has died.</source>
        <translation>종료된 자식 프로세스가 없습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 pid %3 at %4, up %5&lt;br&gt;Served: %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 pid %3, %4, 실행 시간 %5&lt;br&gt;담당: %6</translation>
    </message>
    <message>
        <source>(none: only a process that faults writes one; a kill or an exit leaves none)</source>
        <translation>(없음: 오류로 죽은 프로세스만 백트레이스를 남기며, kill이나 정상 종료는 남기지 않습니다)</translation>
    </message>
    <message>
        <source>-%1 s</source>
        <translation>-%1초</translation>
    </message>
    <message>
        <source>from it</source>
        <translation>프로세스 → 브라우저</translation>
    </message>
    <message>
        <source>to it</source>
        <translation>브라우저 → 프로세스</translation>
    </message>
</context>
<context>
    <name>sb::browser::GpuHost</name>
    <message>
        <source>GPU process off</source>
        <translation>GPU 프로세스 꺼짐</translation>
    </message>
    <message>
        <source>GPU process starting</source>
        <translation>GPU 프로세스 시작 중</translation>
    </message>
    <message>
        <source>GPU process pid %1</source>
        <translation>GPU 프로세스 pid %1</translation>
    </message>
    <message>
        <source>GPU process restarting (%1 crash(es), %2 in %3 s fall back to software)</source>
        <translation>GPU 프로세스 재시작 중 (크래시 %1회, %3초 안에 %2회 크래시되면 소프트웨어로 전환)</translation>
    </message>
    <message>
        <source>Software rasterisation: the GPU process crashed %1 times in %2 s</source>
        <translation>소프트웨어 래스터화: GPU 프로세스가 %2초 안에 %1회 크래시되었습니다</translation>
    </message>
</context>
<context>
    <name>sb::browser::IpcInspector</name>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>트래픽</translation>
    </message>
    <message>
        <source>All processes</source>
        <translation>모든 프로세스</translation>
    </message>
    <message>
        <source>All tabs</source>
        <translation>모든 탭</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>모든 종류</translation>
    </message>
    <message>
        <source>Filter: text, URL, kind, pid</source>
        <translation>필터: 텍스트, URL, 종류, pid</translation>
    </message>
    <message>
        <source>Bad only</source>
        <translation>잘못된 것만</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Stop taking in new messages; they wait in the browser&apos;s log</source>
        <translation>새 메시지를 더 가져오지 않습니다. 메시지는 브라우저의 로그에서 대기합니다</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>따라가기</translation>
    </message>
    <message>
        <source>Keep the newest message in view</source>
        <translation>가장 최근 메시지가 계속 보이도록 합니다</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Export shown messages…</source>
        <translation>표시된 메시지 내보내기…</translation>
    </message>
    <message>
        <source>Export selected messages…</source>
        <translation>선택한 메시지 내보내기…</translation>
    </message>
    <message>
        <source>Open log…</source>
        <translation>로그 열기…</translation>
    </message>
    <message>
        <source>Browse a saved JSON Lines log offline</source>
        <translation>저장된 JSON Lines 로그를 오프라인으로 살펴봅니다</translation>
    </message>
    <message>
        <source>Select a message to see its body and bytes.</source>
        <translation>메시지를 선택하면 본문과 바이트를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Decoded</source>
        <translation>디코딩</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>%1 and above</source>
        <translation>%1 이상</translation>
    </message>
    <message>
        <source>Filter log text</source>
        <translation>로그 내용 필터</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>수준:</translation>
    </message>
    <message>
        <source>Tab %1</source>
        <translation>탭 %1</translation>
    </message>
    <message>
        <source>#%1  %2  %3  %4 bytes  seq %5</source>
        <translation>#%1  %2  %3  %4바이트  순번 %5</translation>
    </message>
    <message>
        <source>  tab %1</source>
        <translation>  탭 %1</translation>
    </message>
    <message>
        <source>  reply to %1</source>
        <translation>  %1에 대한 응답</translation>
    </message>
    <message>
        <source>  latency %1 ms</source>
        <translation>  지연 %1 ms</translation>
    </message>
    <message>
        <source>Bad message:</source>
        <translation>잘못된 메시지:</translation>
    </message>
    <message>
        <source>The frame never decoded into a message, so there is no body to show.</source>
        <translation>이 프레임은 메시지로 디코딩되지 않았으므로 표시할 본문이 없습니다.</translation>
    </message>
    <message>
        <source>The body was not kept: it was larger than the log keeps per message, or released to keep the log within its memory budget.</source>
        <translation>본문이 보관되지 않았습니다: 로그가 메시지당 보관하는 크기보다 컸거나, 로그의 메모리 한도를 지키기 위해 해제되었습니다.</translation>
    </message>
    <message>
        <source>%1 messages, %2 shown</source>
        <translation>메시지 %1개, %2개 표시</translation>
    </message>
    <message>
        <source>, %1 older dropped at the bound of %2</source>
        <translation>, 한도 %2개를 넘어 오래된 %1개 삭제됨</translation>
    </message>
    <message>
        <source>, %1 missed (left the browser&apos;s log before they were read)</source>
        <translation>, %1개 누락 (읽기 전에 브라우저의 로그에서 밀려남)</translation>
    </message>
    <message>
        <source> — from %1</source>
        <translation> — 출처: %1</translation>
    </message>
    <message>
        <source> — paused, %1 new waiting</source>
        <translation> — 일시 정지됨, 새 메시지 %1개 대기 중</translation>
    </message>
    <message>
        <source>Viewing &lt;b&gt;%1&lt;/b&gt;: %2 messages</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 보는 중: 메시지 %2개</translation>
    </message>
    <message>
        <source>, &lt;span style=&apos;color:#b00020&apos;&gt;could not read %1 of its lines (first: %2)&lt;/span&gt;</source>
        <translation>, &lt;span style=&apos;color:#b00020&apos;&gt;%1개 줄을 읽지 못했습니다 (첫 번째: %2)&lt;/span&gt;</translation>
    </message>
    <message>
        <source> — &lt;a href=&apos;live&apos;&gt;back to live traffic&lt;/a&gt;</source>
        <translation> — &lt;a href=&apos;live&apos;&gt;실시간 트래픽으로 돌아가기&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Export messages</source>
        <translation>메시지 내보내기</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>내보내기 실패: %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>%1(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>Open an IPC log</source>
        <translation>IPC 로그 열기</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>sb::browser::IpcTableModel</name>
    <message>
        <source>%1 → browser</source>
        <translation>%1 → 브라우저</translation>
    </message>
    <message>
        <source>browser → %1</source>
        <translation>브라우저 → %1</translation>
    </message>
    <message>
        <source>in</source>
        <translation>수신</translation>
    </message>
    <message>
        <source>out</source>
        <translation>송신</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>BAD: %1</source>
        <translation>잘못됨: %1</translation>
    </message>
    <message>
        <source>Bad message: %1</source>
        <translation>잘못된 메시지: %1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>시간 (초)</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>방향</translation>
    </message>
    <message>
        <source>From → To</source>
        <translation>보낸 쪽 → 받는 쪽</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>탭</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>바이트</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>순번</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>지연</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>본문</translation>
    </message>
</context>
<context>
    <name>sb::browser::MainWindow</name>
    <message>
        <source>Sandbrowser</source>
        <translation>Sandbrowser</translation>
    </message>
    <message>
        <source>New tab (Ctrl+T)</source>
        <translation>새 탭 (Ctrl+T)</translation>
    </message>
    <message>
        <source>Process model and renderer limit for new tabs (Settings…, Ctrl+,)</source>
        <translation>새 탭에 적용되는 프로세스 모델과 렌더러 제한 (설정…, Ctrl+,)</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>샌드박스</translation>
    </message>
    <message>
        <source>Sandbox OFF</source>
        <translation>샌드박스 꺼짐</translation>
    </message>
    <message>
        <source>Show each process&apos;s sandbox layers</source>
        <translation>각 프로세스의 샌드박스 계층을 보여 줍니다</translation>
    </message>
    <message>
        <source>Process map</source>
        <translation>프로세스 맵</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>맵</translation>
    </message>
    <message>
        <source>Show a live map of the processes</source>
        <translation>프로세스를 실시간 맵으로 보여 줍니다</translation>
    </message>
    <message>
        <source>IPC inspector</source>
        <translation>IPC 인스펙터</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>인스펙터</translation>
    </message>
    <message>
        <source>Show every IPC message, live (F12)</source>
        <translation>모든 IPC 메시지를 실시간으로 보여 줍니다 (F12)</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>도움말</translation>
    </message>
    <message>
        <source>Guided tour</source>
        <translation>둘러보기</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>탐색</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>앞으로</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>뒤로 (Alt+Left)</translation>
    </message>
    <message>
        <source>Forward (Alt+Right)</source>
        <translation>앞으로 (Alt+Right)</translation>
    </message>
    <message>
        <source>Reload (Ctrl+R)</source>
        <translation>새로 고침 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Type a URL: demo://home, https://example.com/x</source>
        <translation>URL 입력: demo://home, https://example.com/x</translation>
    </message>
    <message>
        <source>Loading: waiting for the renderer&apos;s first display list</source>
        <translation>로딩 중: 렌더러의 첫 디스플레이 리스트를 기다리고 있습니다</translation>
    </message>
    <message>
        <source>Renderer</source>
        <translation>렌더러</translation>
    </message>
    <message>
        <source>Kill, crash or hang this tab&apos;s renderer, or the GPU process</source>
        <translation>이 탭의 렌더러나 GPU 프로세스를 강제 종료, 크래시, 멈춤 상태로 만듭니다</translation>
    </message>
    <message>
        <source>Kill renderer (SIGKILL)</source>
        <translation>렌더러 강제 종료 (SIGKILL)</translation>
    </message>
    <message>
        <source>Crash renderer (SIGSEGV)</source>
        <translation>렌더러 크래시 (SIGSEGV)</translation>
    </message>
    <message>
        <source>Hang renderer (busy loop)</source>
        <translation>렌더러 멈춤 (무한 루프)</translation>
    </message>
    <message>
        <source>Terminate renderer (SIGTERM)</source>
        <translation>렌더러 종료 요청 (SIGTERM)</translation>
    </message>
    <message>
        <source>Kill GPU process (SIGKILL)</source>
        <translation>GPU 프로세스 강제 종료 (SIGKILL)</translation>
    </message>
    <message>
        <source>No GPU process is running</source>
        <translation>실행 중인 GPU 프로세스가 없습니다</translation>
    </message>
    <message>
        <source>Crash GPU process (SIGSEGV)</source>
        <translation>GPU 프로세스 크래시 (SIGSEGV)</translation>
    </message>
    <message>
        <source>Retry GPU process</source>
        <translation>GPU 프로세스 다시 시도</translation>
    </message>
    <message>
        <source>Kill %1 plugin (SIGKILL)</source>
        <translation>%1 플러그인 강제 종료 (SIGKILL)</translation>
    </message>
    <message>
        <source>No %1 plugin process is running</source>
        <translation>실행 중인 %1 플러그인 프로세스가 없습니다</translation>
    </message>
    <message>
        <source>Task manager</source>
        <translation>작업 관리자</translation>
    </message>
    <message>
        <source>Frame debug overlay</source>
        <translation>프레임 디버그 오버레이</translation>
    </message>
    <message>
        <source>New tab</source>
        <translation>새 탭</translation>
    </message>
    <message>
        <source>Close tab</source>
        <translation>탭 닫기</translation>
    </message>
    <message>
        <source>Focus address bar</source>
        <translation>주소 표시줄로 이동</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>다음 탭</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>이전 탭</translation>
    </message>
    <message>
        <source>Tab %1</source>
        <translation>탭 %1</translation>
    </message>
    <message>
        <source>Last tab</source>
        <translation>마지막 탭</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>설정…</translation>
    </message>
    <message>
        <source>Tab &quot;%1&quot;: renderer pid %2 %3. The other tabs are unaffected.</source>
        <translation>탭 &quot;%1&quot;: 렌더러 pid %2 — %3. 다른 탭은 영향을 받지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 - Sandbrowser</source>
        <translation>%1 - Sandbrowser</translation>
    </message>
    <message>
        <source>renderer pid %1: %2</source>
        <translation>렌더러 pid %1: %2</translation>
    </message>
    <message>
        <source>sandbox off</source>
        <translation>샌드박스 꺼짐</translation>
    </message>
    <message>
        <source>sandbox %1/%2</source>
        <translation>샌드박스 %1/%2</translation>
    </message>
    <message>
        <source>sandbox pending</source>
        <translation>샌드박스 대기 중</translation>
    </message>
    <message>
        <source>renderer thread in pid %1</source>
        <translation>pid %1 안의 렌더러 스레드</translation>
    </message>
    <message>
        <source>renderer pid %1</source>
        <translation>렌더러 pid %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Crashes</source>
        <translation>크래시</translation>
    </message>
    <message>
        <source>Crash reports</source>
        <translation>크래시 보고서</translation>
    </message>
    <message>
        <source>Reload crashed tabs automatically</source>
        <translation>크래시된 탭 자동으로 새로 고침</translation>
    </message>
    <message>
        <source>Deadlock broken: %1</source>
        <translation>교착 상태 해소: %1</translation>
    </message>
    <message numerus="yes">
        <source>renderer processes: %n</source>
        <translation>
            <numerusform>렌더러 프로세스 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>renderer threads: %n</source>
        <translation>
            <numerusform>렌더러 스레드 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::browser::PageView</name>
    <message>
        <source>GPU frame %1 · buffer %2%3</source>
        <translation>GPU 프레임 %1 · 버퍼 %2%3</translation>
    </message>
    <message>
        <source> · stale</source>
        <translation> · 오래됨</translation>
    </message>
    <message>
        <source>software (browser process)</source>
        <translation>소프트웨어 (브라우저 프로세스)</translation>
    </message>
    <message>
        <source>GPU process restarting…</source>
        <translation>GPU 프로세스 재시작 중…</translation>
    </message>
</context>
<context>
    <name>sb::browser::PidBadge</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>외 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>tab %1</source>
        <translation>탭 %1</translation>
    </message>
    <message>
        <source>thread in %1</source>
        <translation>%1 안의 스레드</translation>
    </message>
    <message>
        <source>Renderer thread inside the browser process (pid %1): its crash ends the browser</source>
        <translation>브라우저 프로세스(pid %1) 안의 렌더러 스레드: 이 스레드가 크래시되면 브라우저가 종료됩니다</translation>
    </message>
    <message>
        <source>Renderer pid %1 (dead)</source>
        <translation>렌더러 pid %1 (종료됨)</translation>
    </message>
    <message>
        <source>Shares renderer pid %1 with: %2</source>
        <translation>렌더러 pid %1을(를) 함께 쓰는 탭: %2</translation>
    </message>
    <message>
        <source>Renderer pid %1</source>
        <translation>렌더러 pid %1</translation>
    </message>
</context>
<context>
    <name>sb::browser::ProcessMap</name>
    <message>
        <source>tab %1</source>
        <translation>탭 %1</translation>
    </message>
    <message>
        <source>tabs %1</source>
        <translation>탭 %1</translation>
    </message>
    <message>
        <source>Click a process to show it in the task manager</source>
        <translation>프로세스를 클릭하면 작업 관리자에서 보여 줍니다</translation>
    </message>
    <message>
        <source>renderer %1</source>
        <translation>렌더러 %1</translation>
    </message>
    <message>
        <source>browser %1</source>
        <translation>브라우저 %1</translation>
    </message>
    <message>
        <source>renderer (starting)</source>
        <translation>렌더러 (시작 중)</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <source>GPU (starting)</source>
        <translation>GPU (시작 중)</translation>
    </message>
    <message>
        <source>software fallback</source>
        <translation>소프트웨어 대체</translation>
    </message>
    <message>
        <source>plugin %1</source>
        <translation>플러그인 %1</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>not responding</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>종료됨</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>시작 중</translation>
    </message>
</context>
<context>
    <name>sb::browser::SadTabView</name>
    <message>
        <source>Aw, snap! This tab&apos;s renderer died.</source>
        <translation>앗, 이런! 이 탭의 렌더러가 종료되었습니다.</translation>
    </message>
    <message>
        <source>Only this tab was affected: every other tab runs in its own process and keeps running. Whatever this page held (typed text, scroll position) was in the dead process and is gone. Reload starts a fresh renderer.</source>
        <translation>영향을 받은 것은 이 탭뿐입니다. 다른 탭은 각자의 프로세스에서 계속 실행됩니다. 이 페이지가 갖고 있던 것(입력한 텍스트, 스크롤 위치)은 종료된 프로세스에 있었으므로 사라졌습니다. 새로 고치면 새 렌더러가 시작됩니다.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Renderer pid %1: %2</source>
        <translation>렌더러 pid %1: %2</translation>
    </message>
</context>
<context>
    <name>sb::browser::SandboxPanel</name>
    <message>
        <source>Sandbox</source>
        <translation>샌드박스</translation>
    </message>
    <message>
        <source>Process / layer</source>
        <translation>프로세스 / 계층</translation>
    </message>
    <message>
        <source>Engaged</source>
        <translation>적용</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>NO</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>%1 pid %2 (tab %3)</source>
        <translation>%1 pid %2 (탭 %3)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2개 중 %1개</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#c5221f&apos;&gt;The sandbox is off (--no-sandbox).&lt;/b&gt; Renderers run with every right of your user account.</source>
        <translation>&lt;b style=&apos;color:#c5221f&apos;&gt;샌드박스가 꺼져 있습니다 (--no-sandbox).&lt;/b&gt; 렌더러가 사용자 계정의 모든 권한으로 실행됩니다.</translation>
    </message>
    <message>
        <source>%1 of %2 running child processes have every sandbox layer engaged.</source>
        <translation>실행 중인 자식 프로세스 %2개 중 %1개에 모든 샌드박스 계층이 적용되어 있습니다.</translation>
    </message>
</context>
<context>
    <name>sb::browser::SettingsDialog</name>
    <message>
        <source>Settings - Sandbrowser</source>
        <translation>설정 - Sandbrowser</translation>
    </message>
    <message>
        <source>Per tab: every tab its own renderer</source>
        <translation>탭별: 탭마다 자체 렌더러</translation>
    </message>
    <message>
        <source>Per site: tabs of one site share a renderer</source>
        <translation>사이트별: 같은 사이트의 탭이 렌더러를 공유</translation>
    </message>
    <message>
        <source>Single process: every tab a renderer thread in the browser</source>
        <translation>단일 프로세스: 모든 탭이 브라우저 안의 렌더러 스레드</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>Past this many renderers, new tabs share the least loaded one</source>
        <translation>렌더러가 이 수를 넘으면 새 탭은 가장 부하가 적은 렌더러를 공유합니다</translation>
    </message>
    <message>
        <source>Applies to new tabs, reloads of crashed tabs and navigations to another site. Open tabs keep their renderer. Tabs that share a renderer crash together; in the single-process model a renderer crash ends the whole browser.</source>
        <translation>새 탭, 크래시된 탭의 새로 고침, 다른 사이트로의 이동에 적용됩니다. 열려 있는 탭은 지금의 렌더러를 유지합니다. 렌더러를 공유하는 탭은 함께 크래시되며, 단일 프로세스 모델에서는 렌더러 크래시가 브라우저 전체를 종료합니다.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <source>The language applies when Sandbrowser next starts.</source>
        <translation>언어 설정은 Sandbrowser를 다음에 시작할 때 적용됩니다.</translation>
    </message>
    <message>
        <source>Process model:</source>
        <translation>프로세스 모델:</translation>
    </message>
    <message>
        <source>Renderer process limit:</source>
        <translation>렌더러 프로세스 제한:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>언어:</translation>
    </message>
</context>
<context>
    <name>sb::browser::StateText</name>
    <message>
        <source>loading</source>
        <translation>로딩 중</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>로드됨</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>크래시됨</translation>
    </message>
    <message>
        <source>unresponsive</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>browser</source>
        <translation>브라우저</translation>
    </message>
    <message>
        <source>renderer</source>
        <translation>렌더러</translation>
    </message>
    <message>
        <source>gpu</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>plugin</source>
        <translation>플러그인</translation>
    </message>
    <message>
        <source>off</source>
        <translation>꺼짐</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>시작 중</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>restarting</source>
        <translation>재시작 중</translation>
    </message>
    <message>
        <source>software</source>
        <translation>소프트웨어</translation>
    </message>
</context>
<context>
    <name>sb::browser::TabView</name>
    <message>
        <source>Wait</source>
        <translation>기다리기</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>강제 종료</translation>
    </message>
    <message>
        <source>The sandbox is off (--no-sandbox): this tab&apos;s renderer can read and write your files, open network connections and start programs.</source>
        <translation>샌드박스가 꺼져 있습니다 (--no-sandbox): 이 탭의 렌더러는 파일을 읽고 쓰고, 네트워크에 연결하고, 프로그램을 실행할 수 있습니다.</translation>
    </message>
    <message>
        <source>This page crashed again %1 s after it was reloaded, so it is not being reloaded automatically.</source>
        <translation>이 페이지는 새로 고친 지 %1초 만에 다시 크래시되어 자동으로 새로 고치지 않습니다.</translation>
    </message>
    <message>
        <source>This page crashed again %1 s after it was reloaded.</source>
        <translation>이 페이지는 새로 고친 지 %1초 만에 다시 크래시되었습니다.</translation>
    </message>
    <message>
        <source>Reloading automatically in a moment...</source>
        <translation>잠시 후 자동으로 새로 고칩니다...</translation>
    </message>
    <message>
        <source>Page unresponsive: its renderer (pid %1) has not answered for %2 s. Wait for it, or kill it (the other tabs are not affected).</source>
        <translation>페이지 응답 없음: 렌더러(pid %1)가 %2초 동안 응답하지 않았습니다. 기다리거나 강제 종료하세요 (다른 탭은 영향을 받지 않습니다).</translation>
    </message>
    <message>
        <source>Single-process model: this tab&apos;s renderer is a thread of the browser process. No sandbox can separate it from the browser, and a crash in it ends the whole browser, every tab with it.</source>
        <translation>단일 프로세스 모델: 이 탭의 렌더러는 브라우저 프로세스의 스레드입니다. 어떤 샌드박스도 이를 브라우저와 분리할 수 없으며, 여기서 크래시가 나면 모든 탭과 함께 브라우저 전체가 종료됩니다.</translation>
    </message>
    <message>
        <source>This tab&apos;s sandbox is incomplete; the renderer runs without: %1. See the Sandbox panel.</source>
        <translation>이 탭의 샌드박스가 불완전합니다. 렌더러가 다음 없이 실행됩니다: %1. 샌드박스 패널을 확인하세요.</translation>
    </message>
</context>
<context>
    <name>sb::browser::TaskManager</name>
    <message>
        <source>off</source>
        <translation>꺼짐</translation>
    </message>
    <message>
        <source>launching</source>
        <translation>실행 준비 중</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>시작 중</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>종료됨</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Task manager - Sandbrowser</source>
        <translation>작업 관리자 - Sandbrowser</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>PSS</source>
        <translation>PSS</translation>
    </message>
    <message>
        <source>Msgs in/s</source>
        <translation>수신 메시지/s</translation>
    </message>
    <message>
        <source>Msgs out/s</source>
        <translation>송신 메시지/s</translation>
    </message>
    <message>
        <source>KB in/s</source>
        <translation>수신 KB/s</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>샌드박스</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>실행 시간</translation>
    </message>
    <message>
        <source>Crashes</source>
        <translation>크래시</translation>
    </message>
    <message>
        <source>End process</source>
        <translation>프로세스 종료</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>크래시됨</translation>
    </message>
    <message>
        <source>none (trusted)</source>
        <translation>없음 (신뢰됨)</translation>
    </message>
    <message>
        <source>Browser</source>
        <translation>브라우저</translation>
    </message>
    <message>
        <source>Renderer thread</source>
        <translation>렌더러 스레드</translation>
    </message>
    <message>
        <source>none (a thread of the browser)</source>
        <translation>없음 (브라우저의 스레드)</translation>
    </message>
    <message>
        <source>Runs inside the browser process: it cannot be ended on its own, and its crash ends the browser</source>
        <translation>브라우저 프로세스 안에서 실행됩니다: 따로 종료할 수 없으며, 크래시되면 브라우저가 종료됩니다</translation>
    </message>
    <message numerus="yes">
        <source>Renderer (shared by %n tabs)</source>
        <translation>
            <numerusform>렌더러 (탭 %n개가 공유)</numerusform>
        </translation>
    </message>
    <message>
        <source>Renderer</source>
        <translation>렌더러</translation>
    </message>
    <message numerus="yes">
        <source>Zygote (renderers forked: %n)</source>
        <translation>
            <numerusform>자이고트 (fork한 렌더러: %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>namespaces only</source>
        <translation>네임스페이스만</translation>
    </message>
    <message>
        <source>It must still fork and create namespaces; each renderer it forks engages every layer itself</source>
        <translation>자이고트는 아직 fork하고 네임스페이스를 만들어야 하므로 그 밖의 계층은 적용하지 않습니다. 자이고트가 fork한 각 렌더러가 모든 계층을 스스로 적용합니다</translation>
    </message>
    <message>
        <source>GPU process</source>
        <translation>GPU 프로세스</translation>
    </message>
    <message>
        <source>software fallback</source>
        <translation>소프트웨어 대체</translation>
    </message>
    <message>
        <source>Tab: %1</source>
        <translation>탭: %1</translation>
    </message>
    <message>
        <source>Tab %1</source>
        <translation>탭 %1</translation>
    </message>
    <message numerus="yes">
        <source>Plugin: %1 (boxes: %n)</source>
        <translation>
            <numerusform>플러그인: %1 (상자 %n개)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::browser::TrafficChart</name>
    <message>
        <source>Messages per second, by process</source>
        <translation>프로세스별 초당 메시지 수</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>초</translation>
    </message>
</context>
</TS>
