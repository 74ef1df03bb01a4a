#include "apps/browser/core/disabled_layers.h"

#include <algorithm>

#include "common/process/spawn_protocol.h"

namespace sb::browser {

std::variant<std::vector<std::string>, QString> parseDisabledSandboxLayers(const QStringList& values) {
  const auto& known = process::kChildSandboxLayers;
  std::vector<std::string> layers;
  for (const QString& value : values) {
    for (const QString& part : value.split(u',', Qt::SkipEmptyParts)) {
      const std::string name = part.trimmed().toStdString();
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        QStringList names;
        for (auto k : known) names << QString::fromUtf8(k.data(), static_cast<qsizetype>(k.size()));
        return QStringLiteral("unknown sandbox layer '%1' (layers: %2)")
            .arg(QString::fromStdString(name), names.join(QStringLiteral(", ")));
      }
      if (std::find(layers.begin(), layers.end(), name) == layers.end()) layers.push_back(name);
    }
  }
  if (layers.empty()) return QStringLiteral("no layer named");
  return layers;
}

}  // namespace sb::browser
