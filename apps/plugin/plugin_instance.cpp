#include "apps/plugin/plugin_instance.h"

#include "apps/plugin/ball_instance.h"
#include "apps/plugin/ticker_instance.h"

namespace sb::plugin {

std::unique_ptr<PluginInstance> makePluginInstance(PluginType type, int width, int height,
                                                   uint64_t seed) {
  switch (type) {
    case PluginType::kTicker:
      return std::make_unique<TickerInstance>(width, height, seed);
    case PluginType::kBall:
      return std::make_unique<BallInstance>(width, height, seed);
  }
  return nullptr;
}

}  // namespace sb::plugin
