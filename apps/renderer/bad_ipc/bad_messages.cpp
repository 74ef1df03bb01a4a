#include "apps/renderer/bad_ipc/bad_messages.h"

#include <google/protobuf/unknown_field_set.h>

#include <string>

#include "apps/renderer/content/prng.h"
#include "common/ipc/frame_decoder.h"

namespace sb::renderer {
namespace {

using Sizes = BadIpcSizes;

// No message of the protocol has this field number, now or (being far above the oneof) later.
constexpr int kUnknownFieldNumber = 1000;
constexpr uint64_t kGarbageSeed = 0xBAD1BC;

// A DisplayList that is valid in itself; each kind then breaks one thing about it.
wire::Envelope displayList(uint32_t tab_id, uint64_t navigation_id) {
  wire::Envelope envelope;
  envelope.set_tab_id(tab_id);
  wire::DisplayList* list = envelope.mutable_display_list();
  list->set_navigation_id(navigation_id);
  list->set_title("Bad IPC");
  list->set_frame_number(1000);
  list->set_content_height(200);
  wire::FillRect* fill = list->add_items()->mutable_rect();
  fill->mutable_rect()->set_width(100);
  fill->mutable_rect()->set_height(100);
  fill->set_argb(0xFFC0392B);
  return envelope;
}

wire::Image* addImage(wire::Envelope& envelope, int side) {
  wire::Image* image = envelope.mutable_display_list()->add_items()->mutable_image();
  image->mutable_rect()->set_width(64);
  image->mutable_rect()->set_height(64);
  image->set_width(side);
  image->set_height(side);
  return image;
}

std::string frameHeader(uint32_t length) {
  std::string header(ipc::kFrameHeaderBytes, '\0');
  ipc::encodeFrameHeader(length, header.data());
  return header;
}

// A frame whose payload starts with tag 7 (field 0, wire type 7): no parser accepts either, so
// however the random rest looks, the frame can never be taken for an Envelope.
std::string garbageFrame() {
  std::string frame = frameHeader(static_cast<uint32_t>(Sizes::kGarbagePayloadBytes));
  frame += '\x07';
  SeededRandom random(kGarbageSeed);
  while (frame.size() < ipc::kFrameHeaderBytes + Sizes::kGarbagePayloadBytes) {
    frame += static_cast<char>(random.next() & 0xFF);
  }
  return frame;
}

void flood(BadIpcSender& sender) {
  for (int i = 1; i <= Sizes::kFloodMessages; ++i) {
    wire::Envelope envelope;
    wire::LogRecord* record = envelope.mutable_log_record();
    record->set_level(wire::LOG_LEVEL_INFO);
    record->set_logger("badipc");
    record->set_text("flood message " + std::to_string(i));
    sender.sendEnvelope(envelope);
  }
}

}  // namespace

void sendBadMessage(BadIpcKind kind, const BadIpcTarget& target, BadIpcSender& sender) {
  switch (kind) {
    case BadIpcKind::kWrongTab: {
      // The tab opened just before this one is the likeliest to exist, in another renderer.
      const uint32_t other = target.tab_id > 1 ? target.tab_id - 1 : target.tab_id + 1;
      wire::Envelope envelope = displayList(other, target.navigation_id);
      sender.sendEnvelope(envelope);
      return;
    }
    case BadIpcKind::kFutureNavigation: {
      wire::Envelope envelope =
          displayList(target.tab_id, target.navigation_id + Sizes::kFutureNavigationAhead);
      sender.sendEnvelope(envelope);
      return;
    }
    case BadIpcKind::kHugeImage: {
      // Only the claimed size is huge: real pixels would not even fit in a frame.
      wire::Envelope envelope = displayList(target.tab_id, target.navigation_id);
      addImage(envelope, Sizes::kHugeImageSide)->set_rgba(std::string(16, '\xFF'));
      sender.sendEnvelope(envelope);
      return;
    }
    case BadIpcKind::kBadImageData: {
      wire::Envelope envelope = displayList(target.tab_id, target.navigation_id);
      addImage(envelope, Sizes::kBadImageSide)
          ->set_rgba(std::string(Sizes::kBadImageBytes, '\x7F'));
      sender.sendEnvelope(envelope);
      return;
    }
    case BadIpcKind::kTooManyItems: {
      wire::Envelope envelope = displayList(target.tab_id, target.navigation_id);
      wire::DisplayList* list = envelope.mutable_display_list();
      const wire::DisplayItem item = list->items(0);
      while (list->items_size() < Sizes::kTooManyItems) *list->add_items() = item;
      sender.sendEnvelope(envelope);
      return;
    }
    case BadIpcKind::kBadPixelSize: {
      wire::Envelope envelope = displayList(target.tab_id, target.navigation_id);
      wire::DrawText* text = envelope.mutable_display_list()->add_items()->mutable_text();
      text->mutable_rect()->set_width(200);
      text->mutable_rect()->set_height(40);
      text->set_text("zero-pixel text");
      text->set_pixel_size(0);
      sender.sendEnvelope(envelope);
      return;
    }
    case BadIpcKind::kBrowserOnly: {
      wire::Envelope envelope;
      envelope.set_tab_id(target.tab_id);
      envelope.mutable_navigate()->set_navigation_id(target.navigation_id);
      envelope.mutable_navigate()->set_url("demo://home");
      sender.sendEnvelope(envelope);
      return;
    }
    case BadIpcKind::kIpcLabElsewhere: {
      wire::Envelope envelope;
      envelope.set_tab_id(target.tab_id);
      envelope.mutable_ipc_lab_request()->set_navigation_id(target.navigation_id);
      envelope.mutable_ipc_lab_request()->set_start(true);
      sender.sendEnvelope(envelope);
      return;
    }
    case BadIpcKind::kCallElsewhere: {
      // Not blocking: the browser kills the renderer for it, and a blocked one would never know.
      wire::Envelope envelope;
      envelope.set_tab_id(target.tab_id);
      envelope.mutable_call()->set_box_id(1);
      envelope.mutable_call()->set_question("May I?");
      envelope.mutable_call()->set_navigation_id(target.navigation_id);
      sender.sendEnvelope(envelope);
      return;
    }
    case BadIpcKind::kUnaskedCallReply: {
      wire::Envelope envelope;
      envelope.set_tab_id(target.tab_id);
      envelope.set_reply_to(424242);
      envelope.mutable_call_reply()->set_answer("nobody asked");
      sender.sendEnvelope(envelope);
      return;
    }
    case BadIpcKind::kSecondHello: {
      wire::Envelope envelope;
      envelope.mutable_hello()->set_kind(wire::PROCESS_KIND_RENDERER);
      envelope.mutable_hello()->set_protocol_version(wire::PROTOCOL_VERSION_CURRENT);
      sender.sendEnvelope(envelope);
      return;
    }
    case BadIpcKind::kUnknownKind: {
      wire::Envelope envelope;
      envelope.set_tab_id(target.tab_id);
      envelope.GetReflection()->MutableUnknownFields(&envelope)->AddVarint(kUnknownFieldNumber, 1);
      sender.sendEnvelope(envelope);
      return;
    }
    case BadIpcKind::kOversizeFrame:
      sender.sendRawBytes(frameHeader(Sizes::kOversizeAnnouncedBytes) + std::string(16, '\0'));
      return;
    case BadIpcKind::kGarbage:
      sender.sendRawBytes(garbageFrame());
      return;
    case BadIpcKind::kFlood:
      flood(sender);
      return;
  }
}

}  // namespace sb::renderer
