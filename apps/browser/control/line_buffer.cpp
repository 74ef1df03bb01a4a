#include "apps/browser/control/line_buffer.h"

namespace sb::browser {

// Consumed lines are dropped here, once per chunk, rather than one memmove per line.
void LineBuffer::append(const QByteArray& bytes) {
  buffer_.remove(0, start_);
  scanned_ -= start_;
  start_ = 0;
  buffer_.append(bytes);
}

std::optional<LineBuffer::Item> LineBuffer::next() {
  for (;;) {
    const qsizetype newline = buffer_.indexOf('\n', scanned_);
    if (skipping_) {
      if (newline < 0) {
        buffer_.clear();
        start_ = scanned_ = 0;
        return std::nullopt;
      }
      start_ = scanned_ = newline + 1;
      skipping_ = false;
      continue;
    }
    if (newline < 0) {
      if (buffer_.size() - start_ > max_line_) {
        buffer_.clear();
        start_ = scanned_ = 0;
        skipping_ = true;
        return Item{true, {}};
      }
      scanned_ = buffer_.size();
      return std::nullopt;
    }
    QByteArray line = buffer_.mid(start_, newline - start_);
    start_ = scanned_ = newline + 1;
    if (line.endsWith('\r')) line.chop(1);
    if (line.size() > max_line_) return Item{true, {}};
    return Item{false, std::move(line)};
  }
}

}  // namespace sb::browser
