#pragma once

#include <string>

#include "sandbrowser.pb.h"

// Building the SandboxLayer entries a child reports in its Hello. A layer that could not engage
// says why, with the errno, so nothing fails silently.
namespace sb::sandbox {

wire::SandboxLayer engagedLayer(const std::string& name, const std::string& detail);
// detail: "<what>: EPERM (Operation not permitted)"
wire::SandboxLayer failedLayer(const std::string& name, const std::string& what, int err);
// Left off on purpose with --disable-sandbox-layer.
wire::SandboxLayer disabledLayer(const std::string& name);

}  // namespace sb::sandbox
