#include "common/ipc/qt_channel.h"

namespace sb::ipc {

QtChannel::QtChannel(Channel& channel, QObject* parent) : QObject(parent), channel_(channel) {
  read_notifier_ = std::make_unique<QSocketNotifier>(channel_.fd(), QSocketNotifier::Read);
  write_notifier_ = std::make_unique<QSocketNotifier>(channel_.fd(), QSocketNotifier::Write);
  write_notifier_->setEnabled(channel_.hasPendingWrites());
  connect(read_notifier_.get(), &QSocketNotifier::activated, this, &QtChannel::onReadable);
  connect(write_notifier_.get(), &QSocketNotifier::activated, this, &QtChannel::onWritable);
  channel_.setWriteInterestHook([this](bool) { syncNotifiers(); });
}

QtChannel::~QtChannel() { channel_.setWriteInterestHook(nullptr); }

void QtChannel::onReadable() {
  // The channel's client may delete this adapter from inside the call; touch nothing afterwards
  // unless we are still alive.
  QPointer<QtChannel> self(this);
  channel_.handleReadable();
  if (self) syncNotifiers();
}

void QtChannel::onWritable() {
  QPointer<QtChannel> self(this);
  channel_.handleWritable();
  if (self) syncNotifiers();
}

void QtChannel::syncNotifiers() {
  const bool open = channel_.isOpen();
  read_notifier_->setEnabled(open);
  write_notifier_->setEnabled(open && channel_.hasPendingWrites());
}

}  // namespace sb::ipc
