#pragma once

#include <QSize>
#include <QString>
#include <QUrl>
#include <cstdint>
#include <memory>
#include <vector>

#include "sandbrowser.pb.h"

namespace sb::browser {

class ProcessHost;

enum class TabState { kLoading, kLoaded, kCrashed, kUnresponsive };
const char* tabStateName(TabState state);

// One tab as the browser knows it. The renderer holds the page; the browser holds what it needs
// to show and restore it: URL, history, the last accepted display list, and why it died.
struct Tab {
  int id = 0;
  QUrl url;
  QString title;
  TabState state = TabState::kLoading;
  std::vector<QUrl> back;
  std::vector<QUrl> forward;
  std::shared_ptr<const wire::DisplayList> display_list;
  // display_list with the content of its plugin boxes painted in: what is shown.
  std::shared_ptr<const wire::DisplayList> composed;
  QSize viewport{1024, 700};

  ProcessHost* renderer = nullptr;  // not owned; null while crashed
  qint64 renderer_pid = 0;
  uint64_t navigation_id = 0;

  QString crash_reason;             // "killed by SIGKILL (9)"; empty unless crashed
  qint64 crashed_pid = 0;
  uint64_t crash_detect_latency_ns = 0;  // from a browser-issued kill to the crashed state; 0 if unknown

  // Crash loops: a renderer that dies again within Options::crash_loop_window of a reload is not
  // reloaded automatically any more, and the sad tab says why.
  uint64_t reloaded_at_ns = 0;        // the last reload (by the user or automatic); 0 after other navigations
  bool crash_loop = false;
  uint64_t crash_loop_after_ns = 0;   // how long after that reload it died
  bool auto_reload_pending = false;   // a crashed tab that reloads itself shortly

  uint64_t renderer_launch_ns = 0;  // when this tab's renderer was asked to start
  uint64_t first_paint_ns = 0;      // first display list after that; 0 until then
};

}  // namespace sb::browser
