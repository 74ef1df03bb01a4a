#pragma once

#include <string_view>

#include "sandbrowser.pb.h"

namespace sb::renderer {

// Breaks the protocol on purpose, for demo://badipc and nothing else: the page factory hands it
// to that page only. The process implements it on the real channel; tests record what would
// have gone out.
class BadIpcSender {
 public:
  virtual ~BadIpcSender() = default;
  // Sends the envelope exactly as built: nothing is filled in or checked (the channel still
  // assigns seq and sent_ns).
  virtual void sendEnvelope(wire::Envelope& envelope) = 0;
  // Writes bytes onto the socket past the framing, after everything already queued, so they
  // arrive where the browser expects the next frame header.
  virtual void sendRawBytes(std::string_view bytes) = 0;
};

}  // namespace sb::renderer
