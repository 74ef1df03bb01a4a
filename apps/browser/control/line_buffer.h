#pragma once

#include <QByteArray>
#include <optional>

namespace sb::browser {

// Splits a byte stream into newline-terminated lines of at most `max_line` bytes. A longer line is
// reported once, as soon as it is known to be too long, and the rest of it is skipped: one bad line
// costs at most `max_line` bytes of memory, and the stream stays usable after it.
class LineBuffer {
 public:
  struct Item {
    bool too_long = false;
    QByteArray line;  // without the newline (and without a trailing '\r')
  };

  explicit LineBuffer(qsizetype max_line) : max_line_(max_line) {}

  void append(const QByteArray& bytes);
  // The next complete line, or a too-long report; nullopt when more input is needed.
  std::optional<Item> next();
  qsizetype buffered() const { return buffer_.size() - start_; }

 private:
  qsizetype max_line_;
  QByteArray buffer_;
  qsizetype start_ = 0;    // the unconsumed bytes begin here
  qsizetype scanned_ = 0;  // no newline between start_ and this offset: do not search it again
  bool skipping_ = false;  // inside a too-long line, dropping bytes up to its newline
};

}  // namespace sb::browser
