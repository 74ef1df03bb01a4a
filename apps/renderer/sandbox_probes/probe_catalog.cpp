#include "apps/renderer/sandbox_probes/probe_catalog.h"

#include <array>

namespace sb::renderer {
namespace {

constexpr std::array kCatalog = {
    ProbeInfo{ProbeId::kReadPasswd, "read /etc/passwd", "Read a file that is not the page's"},
    ProbeInfo{ProbeId::kWriteTmp, "write a file in /tmp", "Leave something behind on disk"},
    ProbeInfo{ProbeId::kListRoot, "list /", "Look around the filesystem"},
    ProbeInfo{ProbeId::kConnectInet, "connect to 127.0.0.1:1 over TCP",
              "Reach the network (here a closed local port)"},
    ProbeInfo{ProbeId::kConnectControlSocket, "connect to the browser's control socket",
              "Drive the browser from outside its policy"},
    ProbeInfo{ProbeId::kExec, "execve /bin/true", "Start another program"},
    ProbeInfo{ProbeId::kFork, "fork a process", "Multiply: a child outside the browser's view"},
    ProbeInfo{ProbeId::kSignalBrowser, "kill(browser, 0)",
              "Signal the browser (signal 0 only checks permission; nothing is sent)"},
    ProbeInfo{ProbeId::kPtraceBrowser, "ptrace the browser",
              "Attach to the browser like a debugger and take it over"},
    ProbeInfo{ProbeId::kReadBrowserMemory, "read /proc/<browser>/mem",
              "Read the browser's memory: cookies, passwords"},
    ProbeInfo{ProbeId::kSetuidRoot, "setuid(0)", "Become root"},
    ProbeInfo{ProbeId::kMapBeyondCap, "mmap 8 GiB", "Take the machine's memory"},
    ProbeInfo{ProbeId::kMount, "mount(2)", "Change what the filesystem looks like"},
    ProbeInfo{ProbeId::kNewUserNamespace, "unshare(CLONE_NEWUSER)",
              "Gain every capability inside a new user namespace"},
};

}  // namespace

std::span<const ProbeInfo> probeCatalog() { return kCatalog; }

}  // namespace sb::renderer
