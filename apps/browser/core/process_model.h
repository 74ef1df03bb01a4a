#pragma once

#include <QString>
#include <QStringList>
#include <variant>

namespace sb::browser {

// How tabs map to renderer processes (docs/process-models.md).
enum class ProcessModel {
  kPerTab,   // every tab its own renderer: a crash takes down one tab
  kPerSite,  // tabs of one site (site.h) share a renderer: a crash takes down that site's tabs
  // Every tab its own renderer *thread* inside the browser process: a crash takes down everything.
  kSingleProcess,
};

// --renderer-process-limit's "none".
inline constexpr int kNoRendererProcessLimit = 0;
inline constexpr int kMaxRendererProcessLimit = 10'000;

// "per-tab", "per-site", "single-process": the spelling of --process-model and of the settings dialog.
QString processModelName(ProcessModel model);
QStringList processModelNames();
// The value of --process-model, or a message that names the valid values.
std::variant<ProcessModel, QString> parseProcessModel(const QString& text);
// The value of --renderer-process-limit (1 to kMaxRendererProcessLimit), or why not.
std::variant<int, QString> parseRendererProcessLimit(const QString& text);
// What the status bar shows: "per-site · limit 2", "per-tab · no limit".
QString processModelSummary(ProcessModel model, int renderer_process_limit);

}  // namespace sb::browser
