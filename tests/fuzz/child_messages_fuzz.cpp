// A message as a compromised child could send it: any Envelope. The browser's policy checks for
// each kind of child, the display-list validator, and the inspector's formats of the body (which
// show untrusted text) must all cope.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "apps/browser/core/child_message_policy.h"
#include "apps/browser/core/display_list_validator.h"
#include "apps/browser/core/ipc_record_format.h"
#include "tests/fuzz/quiet_protobuf.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) { return silenceProtobufLogs(); }

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto payload = std::make_shared<const std::string>(reinterpret_cast<const char*>(data), size);
  sb::ipc::Message message;
  if (!message.envelope.ParseFromString(*payload)) {
    // The inspector still shows a body that is no Envelope.
    sb::browser::bodySummary(payload);
    sb::browser::frameHexDump(payload, 256);
    return 0;
  }
  message.wire_bytes = size + 4;
  sb::browser::checkRendererMessage(message);
  sb::browser::checkGpuMessage(message);
  sb::browser::checkPluginMessage(message);
  if (message.envelope.has_display_list()) {
    sb::browser::validateDisplayList(message.envelope.display_list());
    sb::browser::validatePluginContent(message.envelope.display_list());
  }
  sb::browser::bodySummary(message.envelope);
  sb::browser::bodyAsText(payload);
  sb::browser::bodyAsJson(payload, sb::browser::JsonStyle::kCompact);
  return 0;
}
