// A saved IPC log is a file anyone can hand the inspector (--open-log) or sandbrowser-ipcdump:
// every line must be parsed or refused with a reason.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "apps/browser/core/ipc_log_file.h"
#include "apps/browser/core/ipc_record_format.h"
#include "tests/fuzz/quiet_protobuf.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) { return silenceProtobufLogs(); }

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string error;
  const auto record = sb::browser::parseIpcRecordLine(
      std::string_view(reinterpret_cast<const char*>(data), size), &error);
  if (record) {
    sb::browser::bodySummary(record->payload);
    sb::browser::ipcRecordLine(*record);
  }
  return 0;
}
