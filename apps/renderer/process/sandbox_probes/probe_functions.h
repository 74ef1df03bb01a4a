#pragma once

#include "apps/renderer/sandbox_probes/system_probes.h"

// One function per escape attempt, grouped by what they touch (file_probes.cpp,
// network_probes.cpp, process_probes.cpp, privilege_probes.cpp). Each is harmless when it
// succeeds: files it creates are deleted, connections closed at once, children reaped, a
// traced browser detached, mappings unmapped, and anything that would change the renderer's own
// credentials happens in a forked child.
namespace sb::renderer::probes {

ProbeOutcome readPasswd();
ProbeOutcome writeTmpFile();
ProbeOutcome listRoot();

ProbeOutcome connectInet();
ProbeOutcome connectControlSocket();

ProbeOutcome execTrue();
ProbeOutcome forkChild();
ProbeOutcome signalBrowser();
ProbeOutcome ptraceBrowser();
ProbeOutcome readBrowserMemory();

ProbeOutcome newUserNamespace();
ProbeOutcome setuidRoot();
ProbeOutcome mapBeyondCap();
ProbeOutcome mountSomething();

}  // namespace sb::renderer::probes
