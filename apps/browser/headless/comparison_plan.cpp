#include "apps/browser/headless/comparison_plan.h"

#include <algorithm>

namespace sb::browser {
namespace {

// Each demo page is a site of its own (the query does not count); the two hosts are two sites.
const QStringList kSites = {
    QStringLiteral("demo://news?i=%1"),
    QStringLiteral("demo://home?i=%1"),
    QStringLiteral("demo://form?i=%1"),
    QStringLiteral("https://www.example.com/p%1"),
    QStringLiteral("https://docs.example.org/p%1"),
};

}  // namespace

std::vector<ModelSpec> modelsToCompare() {
  return {
      {QStringLiteral("per-tab"), {QStringLiteral("--process-model=per-tab")}},
      {QStringLiteral("per-site"), {QStringLiteral("--process-model=per-site")}},
      {QStringLiteral("limit 4"),
       {QStringLiteral("--process-model=per-tab"), QStringLiteral("--renderer-process-limit=4")}},
      {QStringLiteral("single-process"), {QStringLiteral("--process-model=single-process")}},
  };
}

QStringList comparisonUrls(int tabs) {
  const int sites = std::clamp(tabs / 2, 1, static_cast<int>(kSites.size()));
  QStringList urls;
  for (int i = 0; i < tabs; ++i) urls << kSites[i % sites].arg(i / sites + 1);
  return urls;
}

}  // namespace sb::browser
