#pragma once

// A small, varied IPC log for the inspector's format and file tests and the ipcdump tool's tests:
// a navigation and its display list (with an image's bytes), a ping/pong pair with a latency, a
// child log line, a bad message whose payload carries a field the schema does not know, and a
// malformed frame that left no payload. Header-only so tests in different directories share it.

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "apps/browser/core/ipc_log.h"

namespace sb::testing {

inline std::shared_ptr<const std::string> samplePayload(const wire::Envelope& envelope,
                                                        const std::string& extra = {}) {
  return std::make_shared<const std::string>(envelope.SerializeAsString() + extra);
}

inline browser::IpcRecord sampleRecord(uint64_t index, uint64_t time_ns, bool incoming, pid_t pid,
                                       wire::ProcessKind process_kind,
                                       const wire::Envelope& envelope) {
  browser::IpcRecord record;
  record.index = index;
  record.time_ns = time_ns;
  record.incoming = incoming;
  record.pid = pid;
  record.process_kind = process_kind;
  record.tab_id = envelope.tab_id();
  record.kind = browser::IpcLog::bodyName(envelope);
  record.seq = envelope.seq();
  record.reply_to = envelope.reply_to();
  record.payload = samplePayload(envelope);
  record.bytes = record.payload->size() + 4;
  return record;
}

inline wire::Envelope sampleNavigate() {
  wire::Envelope envelope;
  envelope.set_seq(1);
  envelope.set_tab_id(1);
  auto* navigate = envelope.mutable_navigate();
  navigate->set_navigation_id(1);
  navigate->set_url("demo://clock");
  navigate->set_viewport_width(800);
  navigate->set_viewport_height(600);
  return envelope;
}

inline wire::Envelope sampleDisplayList(size_t image_side = 64) {
  wire::Envelope envelope;
  envelope.set_seq(1);
  envelope.set_tab_id(1);
  auto* list = envelope.mutable_display_list();
  list->set_navigation_id(1);
  list->set_title("Clock");
  list->set_frame_number(3);
  auto* text = list->add_items()->mutable_text();
  text->set_text("12:00:00");
  text->set_pixel_size(32);
  auto* image = list->add_items()->mutable_image();
  image->set_width(static_cast<int>(image_side));
  image->set_height(static_cast<int>(image_side));
  std::string rgba(image_side * image_side * 4, '\0');
  for (size_t i = 0; i < rgba.size(); ++i) rgba[i] = static_cast<char>(i * 7);
  image->set_rgba(rgba);
  return envelope;
}

inline std::vector<browser::IpcRecord> sampleRecords() {
  std::vector<browser::IpcRecord> records;
  const uint64_t t0 = 5'000'000'000;
  records.push_back(
      sampleRecord(1, t0, false, 4242, wire::PROCESS_KIND_RENDERER, sampleNavigate()));
  records.push_back(sampleRecord(2, t0 + 2'500'000, true, 4242, wire::PROCESS_KIND_RENDERER,
                                 sampleDisplayList()));

  wire::Envelope ping;
  ping.set_seq(7);
  ping.mutable_ping()->set_payload("abc");
  records.push_back(sampleRecord(3, t0 + 3'000'000, false, 4300, wire::PROCESS_KIND_GPU, ping));
  wire::Envelope pong;
  pong.set_seq(2);
  pong.set_reply_to(7);
  pong.mutable_pong()->set_payload("abc");
  records.push_back(sampleRecord(4, t0 + 3'250'000, true, 4300, wire::PROCESS_KIND_GPU, pong));
  records.back().latency_ns = 250'000;

  wire::Envelope log;
  log.set_seq(2);
  log.set_tab_id(1);
  log.mutable_log_record()->set_level(wire::LOG_LEVEL_WARN);
  log.mutable_log_record()->set_logger("renderer");
  log.mutable_log_record()->set_text("slow frame\nsecond line 한국어");
  records.push_back(sampleRecord(5, t0 + 4'000'000, true, 4242, wire::PROCESS_KIND_RENDERER, log));

  // A hostile renderer: a seq at the top of its range and a field number the schema lacks.
  wire::Envelope open;
  open.set_seq(std::numeric_limits<uint64_t>::max());
  open.set_tab_id(9);
  open.mutable_open_url()->set_url("demo://home");
  browser::IpcRecord bad =
      sampleRecord(6, t0 + 5'000'000, true, 4343, wire::PROCESS_KIND_RENDERER, open);
  bad.payload = samplePayload(open, std::string("\x98\x06\x05", 3));  // field 99, varint 5
  bad.bytes = bad.payload->size() + 4;
  bad.note = "renderer spoke for tab 9, which it does not host";
  records.push_back(bad);

  browser::IpcRecord malformed;
  malformed.index = 7;
  malformed.time_ns = t0 + 5'000'000;
  malformed.incoming = true;
  malformed.pid = 4343;
  malformed.process_kind = wire::PROCESS_KIND_RENDERER;
  malformed.kind = "malformed frame";
  malformed.note = "frame does not parse as an Envelope";
  records.push_back(malformed);
  return records;
}

}  // namespace sb::testing
