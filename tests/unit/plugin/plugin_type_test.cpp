#include "apps/plugin/plugin_type.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/ipc/plugin_types.h"

namespace sb::plugin {
namespace {

PluginTypeFlag parse(std::vector<std::string> words) {
  std::vector<char*> args;
  for (std::string& word : words) args.push_back(word.data());
  return parsePluginTypeFlag(args);
}

TEST(PluginTypeFlag, NamesTheTypeToRun) {
  EXPECT_EQ(parse({"sandbrowser-plugin", "--plugin-type=ticker", "--ipc-fd=3"}).type,
            PluginType::kTicker);
  EXPECT_EQ(parse({"sandbrowser-plugin", "--ipc-fd=3", "--plugin-type=ball"}).type,
            PluginType::kBall);
  EXPECT_TRUE(parse({"x", "--plugin-type=ball"}).error.empty());
}

TEST(PluginTypeFlag, AMissingUnknownOrRepeatedTypeIsAClearError) {
  const PluginTypeFlag missing = parse({"sandbrowser-plugin", "--ipc-fd=3"});
  EXPECT_FALSE(missing.type);
  EXPECT_EQ(missing.error, "missing --plugin-type=ticker|ball");

  const PluginTypeFlag unknown = parse({"sandbrowser-plugin", "--plugin-type=flash"});
  EXPECT_FALSE(unknown.type);
  EXPECT_EQ(unknown.error, "unknown plugin type \"flash\" (expected --plugin-type=ticker|ball)");

  EXPECT_FALSE(parse({"x", "--plugin-type="}).type);
  EXPECT_FALSE(parse({"x", "--plugin-type=Ticker"}).type);
  EXPECT_FALSE(parse({"x", "--plugin-type", "ticker"}).type);
  EXPECT_FALSE(parse({"x", "--plugin-type=ticker", "--plugin-type=ball"}).type);
  EXPECT_LT(parse({"x", "--plugin-type=" + std::string(10'000, 'a')}).error.size(), 200u)
      << "a huge value is not echoed whole";
}

TEST(PluginTypeFlag, KnowsExactlyTheTypesPagesMayEmbed) {
  for (std::string_view name : ipc::kPluginTypes) {
    const auto type = parsePluginType(name);
    ASSERT_TRUE(type) << name;
    EXPECT_EQ(pluginTypeName(*type), name);
  }
}

}  // namespace
}  // namespace sb::plugin
