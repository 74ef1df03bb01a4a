#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <optional>

#include "apps/browser/core/tab.h"

namespace sb::browser {

class Browser;

// One reply line: {"ok":true, ...fields} or {"ok":false,"error":...}, newline-terminated. "ok"
// comes first (QJsonObject would sort it among the other keys) so a person reading replies, and a
// client that only looks at the start, sees the outcome at once.
QByteArray okReply(const QJsonObject& fields = {});
QByteArray errorReply(const QString& error);

// The list_tabs entry for one tab (also what `wait` returns).
QJsonObject tabJson(const Tab& tab);
// list_processes: the browser itself first, then every child it supervises.
QJsonArray processesJson(const Browser& browser);

std::optional<TabState> tabStateFromName(const QString& name);

}  // namespace sb::browser
