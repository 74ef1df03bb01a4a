#include "apps/browser/core/process_model.h"

#include <gtest/gtest.h>

namespace sb::browser {
namespace {

TEST(ProcessModelFlag, NamesRoundTrip) {
  for (const QString& name : processModelNames()) {
    auto parsed = parseProcessModel(name);
    ASSERT_TRUE(std::holds_alternative<ProcessModel>(parsed)) << name.toStdString();
    EXPECT_EQ(processModelName(std::get<ProcessModel>(parsed)), name);
  }
  EXPECT_EQ(std::get<ProcessModel>(parseProcessModel("per-site")), ProcessModel::kPerSite);
}

TEST(ProcessModelFlag, AnUnknownModelNamesTheValidOnes) {
  auto parsed = parseProcessModel("per-window");
  ASSERT_TRUE(std::holds_alternative<QString>(parsed));
  const QString error = std::get<QString>(parsed);
  EXPECT_TRUE(error.contains("per-window"));
  EXPECT_TRUE(error.contains("per-tab"));
  EXPECT_TRUE(error.contains("per-site"));
  EXPECT_TRUE(std::holds_alternative<QString>(parseProcessModel("")));
  EXPECT_TRUE(std::holds_alternative<QString>(parseProcessModel("Per-Tab")));
}

TEST(ProcessModelFlag, SingleProcessIsAModel) {
  EXPECT_EQ(std::get<ProcessModel>(parseProcessModel("single-process")),
            ProcessModel::kSingleProcess);
  EXPECT_TRUE(std::get<QString>(parseProcessModel("per-window")).contains("single-process"));
}

TEST(ProcessModelFlag, TheLimitIsAWholeNumberFromOne) {
  EXPECT_EQ(std::get<int>(parseRendererProcessLimit("1")), 1);
  EXPECT_EQ(std::get<int>(parseRendererProcessLimit("2")), 2);
  EXPECT_EQ(std::get<int>(parseRendererProcessLimit(QString::number(kMaxRendererProcessLimit))),
            kMaxRendererProcessLimit);
  for (const char* bad : {"0", "-1", "", "two", "2.5", "1e3", "99999999999"}) {
    EXPECT_TRUE(std::holds_alternative<QString>(parseRendererProcessLimit(bad))) << bad;
  }
  EXPECT_TRUE(std::get<QString>(parseRendererProcessLimit("0")).contains("from 1"));
}

TEST(ProcessModelFlag, TheSummaryNamesModelAndLimit) {
  EXPECT_EQ(processModelSummary(ProcessModel::kPerSite, 2),
            QString::fromUtf8("per-site · limit 2"));
  EXPECT_EQ(processModelSummary(ProcessModel::kPerTab, kNoRendererProcessLimit),
            QString::fromUtf8("per-tab · no limit"));
}

}  // namespace
}  // namespace sb::browser
