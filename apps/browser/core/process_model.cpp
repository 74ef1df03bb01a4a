#include "apps/browser/core/process_model.h"

#include <QObject>

#include "apps/browser/core/count_flag.h"

namespace sb::browser {

QString processModelName(ProcessModel model) {
  switch (model) {
    case ProcessModel::kPerTab:
      return QStringLiteral("per-tab");
    case ProcessModel::kPerSite:
      return QStringLiteral("per-site");
    case ProcessModel::kSingleProcess:
      return QStringLiteral("single-process");
  }
  return QStringLiteral("per-tab");
}

QStringList processModelNames() {
  return {processModelName(ProcessModel::kPerTab), processModelName(ProcessModel::kPerSite),
          processModelName(ProcessModel::kSingleProcess)};
}

std::variant<ProcessModel, QString> parseProcessModel(const QString& text) {
  for (ProcessModel model : {ProcessModel::kPerTab, ProcessModel::kPerSite, ProcessModel::kSingleProcess}) {
    if (text == processModelName(model)) return model;
  }
  return QObject::tr("no process model \"%1\"; the models are %2")
      .arg(text, processModelNames().join(QStringLiteral(", ")));
}

std::variant<int, QString> parseRendererProcessLimit(const QString& text) {
  return parseCountFlag(text, kMaxRendererProcessLimit, QObject::tr("process count"));
}

QString processModelSummary(ProcessModel model, int renderer_process_limit) {
  const QString limit = renderer_process_limit == kNoRendererProcessLimit
                            ? QObject::tr("no limit")
                            : QObject::tr("limit %1").arg(renderer_process_limit);
  return processModelName(model) + QStringLiteral(" · ") + limit;
}

}  // namespace sb::browser
