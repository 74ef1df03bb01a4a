#include "common/sandbox/layer.h"

#include "common/base/errno_text.h"

namespace sb::sandbox {

wire::SandboxLayer engagedLayer(const std::string& name, const std::string& detail) {
  wire::SandboxLayer layer;
  layer.set_name(name);
  layer.set_engaged(true);
  layer.set_detail(detail);
  return layer;
}

wire::SandboxLayer failedLayer(const std::string& name, const std::string& what, int err) {
  wire::SandboxLayer layer;
  layer.set_name(name);
  layer.set_engaged(false);
  layer.set_detail(what + ": " + errnoText(err));
  return layer;
}

wire::SandboxLayer disabledLayer(const std::string& name) {
  wire::SandboxLayer layer;
  layer.set_name(name);
  layer.set_engaged(false);
  layer.set_detail("turned off with --disable-sandbox-layer");
  return layer;
}

}  // namespace sb::sandbox
