#pragma once

#include <span>

namespace sb {
class SeededRandom;
}

namespace sb::browser {

// The kinds of harm a soak step does, each picked with its weight.
enum class ChaosEvent {
  kSignal,      // SIGKILL, SIGSEGV, SIGTERM, ... to a renderer, the GPU, a plugin or the zygote
  kStop,        // SIGSTOP to a child, SIGCONT a moment later
  kDebugFault,  // a DebugFault: the child crashes, aborts, exits or hangs by itself
  kFaultPage,   // demo://crash, abort, hang, exit, gpucrash, plugincrash
  kBadIpcPage,  // demo://badipc?kind=...: the renderer breaks the protocol
  kLeakPage,    // demo://leak for a few seconds
  kNavigate,    // an ordinary page
  kHistory,     // back or forward
  kReload,      // a crashed or unresponsive tab first
  kOpenClose,   // keeps about 10 tabs, changing which
  kNavigationFlood,  // dozens of navigations in one go
  kInputFlood,       // hundreds of clicks, scrolls and keys to one tab
  kResize,           // a new viewport: new GPU surfaces
  kControl,          // a control-socket request, good or bad, through the control commands
  kRecover,          // the GPU back from software mode, crashed plugins reloaded, "wait" on a hang
  kCalls,  // demo://deadlock asks its plugin, blocking or not: cycles for the browser to break
};

struct ChaosEventInfo {
  ChaosEvent event;
  const char* name;
  int weight;
};

// Every kind, in the order the report lists them.
std::span<const ChaosEventInfo> chaosEvents();
const char* chaosEventName(ChaosEvent event);
ChaosEvent pickChaosEvent(SeededRandom& random);

}  // namespace sb::browser
