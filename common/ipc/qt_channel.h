#pragma once

#include <QObject>
#include <QPointer>
#include <QSocketNotifier>
#include <memory>

#include "common/ipc/channel.h"

namespace sb::ipc {

// Drives a Channel from the Qt event loop of the thread it lives in, with QSocketNotifier.
class QtChannel : public QObject {
 public:
  QtChannel(Channel& channel, QObject* parent = nullptr);
  ~QtChannel() override;

 private:
  void onReadable();
  void onWritable();
  void syncNotifiers();

  Channel& channel_;
  std::unique_ptr<QSocketNotifier> read_notifier_;
  std::unique_ptr<QSocketNotifier> write_notifier_;
};

}  // namespace sb::ipc
