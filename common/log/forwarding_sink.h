#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <string_view>

#include <spdlog/sinks/base_sink.h>

#include "sandbrowser.pb.h"

namespace sb::log {

// A spdlog sink that turns each record into a wire LogRecord and hands it to a callback; a child
// installs one whose callback sends the record to the browser over its channel.
class ForwardingSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  using Forward = std::function<void(const wire::LogRecord&)>;
  explicit ForwardingSink(Forward forward) : forward_(std::move(forward)) {}

  // Longer texts are cut: the browser shows them, it does not store novels from a renderer.
  static constexpr size_t kMaxTextBytes = 4096;

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override;
  void flush_() override {}

 private:
  Forward forward_;
  bool forwarding_ = false;  // a send that itself logs must not recurse
};

wire::LogLevel toWireLevel(spdlog::level::level_enum level);

// At most max_bytes of text as valid UTF-8: invalid bytes become '?', and a character that would
// cross the limit is left out whole. (A protobuf string field must be UTF-8 or the peer cannot parse it.)
std::string validUtf8(std::string_view text, size_t max_bytes);

}  // namespace sb::log
