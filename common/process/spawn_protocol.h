#pragma once

#include <array>
#include <cstdint>
#include <string_view>

// What the launcher, the namespace init and a child agree on: descriptor numbers, flags, and the
// small binary records that cross the launcher's pipes.
namespace sb::process {

inline constexpr int kChildChannelFd = 3;  // the child's end of the channel, --ipc-fd=3
inline constexpr int kChildCrashFd = 4;    // the write end of the crash pipe, --crash-fd=4
// The namespace init's copies of the exec-error pipe and its report socket.
inline constexpr int kInitErrorFd = 5;
inline constexpr int kInitReportFd = 6;

inline constexpr std::string_view kIpcFdFlag = "--ipc-fd=";
inline constexpr std::string_view kCrashFdFlag = "--crash-fd=";
// The namespaces that engaged at spawn, e.g. "user,pid,net,ipc"; only when some were asked for.
inline constexpr std::string_view kNamespacesFlag = "--sandbox-namespaces=";
inline constexpr std::string_view kNoSandboxFlag = "--no-sandbox";
// Layers the child leaves off on purpose, e.g. "landlock,seccomp-bpf", to show a degraded sandbox.
inline constexpr std::string_view kDisableLayersFlag = "--disable-sandbox-layer=";
// The layers a child engages itself after start-up, in order; these are the ones it can leave off.
inline constexpr std::array<std::string_view, 7> kChildSandboxLayers = {
    "no-new-privs", "non-dumpable", "close-fds", "rlimits", "capabilities", "landlock", "seccomp-bpf"};

// Looked up next to the running executable, then on PATH.
inline constexpr const char* kNamespaceInitExecutable = "sandbrowser-ns-init";

// Written to the exec-error pipe by whichever process failed before the program ran; the pipe
// closing without a record means the program's execve succeeded.
enum class SpawnStage : int32_t {
  kSetup = 1,     // signal mask, PDEATHSIG, rlimits, moving descriptors
  kSetgroups,     // writing /proc/self/setgroups
  kUidMap,        // writing /proc/self/uid_map
  kGidMap,        // writing /proc/self/gid_map
  kExecInit,      // execve of the namespace init
  kStartProgram,  // the init could not fork or prepare the program
  kExecProgram,   // execve of the program itself
};

struct SpawnError {
  SpawnStage stage;
  int32_t error;  // errno
};

// Records on the init's report socket (SOCK_SEQPACKET, one record per packet).
struct InitReport {
  // kProgramStarted comes from the program's process just before its execve: the launcher has
  // SO_PASSCRED on its end, so the kernel attaches that process's pid as the browser sees it.
  // kProgramEnded comes from the init once the program is gone, with waitid()'s si_code and
  // si_status, because the init itself cannot die of most signals (see ns_init_main.cpp).
  static constexpr uint32_t kProgramStarted = 0x53425331;  // "SBS1"
  static constexpr uint32_t kProgramEnded = 0x53424531;    // "SBE1"
  uint32_t magic = 0;
  int32_t code = 0;
  int32_t status = 0;
};

}  // namespace sb::process
