#pragma once

#include <QObject>
#include <QTimer>
#include <chrono>
#include <cstdint>
#include <functional>

#include "sandbrowser.pb.h"

namespace sb::browser {

class ProcessHost;

// A heartbeat for one child that has no tab to show a "page unresponsive" bar (the GPU and plugin
// processes): a Ping every `interval`; when one stays unanswered for `timeout`, `on_hung` runs once
// (the owner kills the process and its crash policy takes over).
class HangWatch : public QObject {
  Q_OBJECT

 public:
  HangWatch(ProcessHost& host, std::chrono::milliseconds interval, std::chrono::milliseconds timeout,
            std::function<void()> on_hung);

  // Hand every Pong from the child here.
  void onPong(const wire::Envelope& envelope);

 private:
  void beat();

  ProcessHost& host_;
  std::chrono::milliseconds timeout_;
  std::function<void()> on_hung_;
  QTimer timer_;
  uint64_t ping_seq_ = 0;  // outstanding, 0 if none
  uint64_t sent_ns_ = 0;
  bool fired_ = false;
};

}  // namespace sb::browser
