#pragma once

#include <google/protobuf/stubs/logging.h>

// Invalid UTF-8 in a string field is an ordinary parse failure for a fuzz target; protobuf's log
// line for each one would drown the fuzzer's own output. For LLVMFuzzerInitialize.
inline int silenceProtobufLogs() {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}
