#include "apps/browser/control/control_commands.h"

#include <signal.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <climits>

#include "apps/browser/control/control_json.h"
#include "apps/browser/control/request_fields.h"
#include "apps/browser/core/browser.h"
#include "apps/browser/core/ipc_log_file.h"
#include "common/process/exit_status.h"

namespace sb::browser {
namespace {

constexpr qint64 kMaxWaitMs = 600'000;
constexpr qint64 kDefaultWaitMs = 5'000;
constexpr qint64 kMaxIpcRecords = 10'000;
constexpr qint64 kDefaultIpcRecords = 100;

ControlCommands::Reply ok(const QJsonObject& fields = {}) { return {okReply(fields), false}; }
ControlCommands::Reply failure(const QString& error) { return {errorReply(error), false}; }
ControlCommands::Reply fromResult(const Browser::Result& result) {
  return result.ok ? ok() : failure(result.error);
}

}  // namespace

ControlCommands::Outcome ControlCommands::execute(const QByteArray& line) {
  QJsonParseError parse_error{};
  const QJsonDocument document = QJsonDocument::fromJson(line, &parse_error);
  if (parse_error.error != QJsonParseError::NoError) {
    return failure(
        tr("not JSON: %1 at offset %2").arg(parse_error.errorString()).arg(parse_error.offset));
  }
  if (!document.isObject()) {
    return failure(tr("a request must be a JSON object, like {\"cmd\":\"list_tabs\"}"));
  }
  const QJsonObject request = document.object();
  RequestFields fields(request);
  const QString command = fields.string("cmd");
  if (!fields.ok()) return failure(fields.error());
  if (quitting_) return failure(tr("the browser is quitting"));
  return dispatch(command, fields);
}

ControlCommands::Outcome ControlCommands::dispatch(const QString& command, RequestFields& fields) {
  if (command == QLatin1String("open_tab")) return openTab(fields);
  if (command == QLatin1String("navigate") || command == QLatin1String("reload") ||
      command == QLatin1String("close_tab") || command == QLatin1String("back") ||
      command == QLatin1String("forward")) {
    return tabAction(command, fields);
  }
  if (command == QLatin1String("list_tabs")) return listTabs();
  if (command == QLatin1String("list_processes")) {
    return ok({{"processes", processesJson(browser_)}});
  }
  if (command == QLatin1String("kill")) return kill(fields);
  if (command == QLatin1String("crash")) return crash(fields);
  if (command == QLatin1String("wait")) return wait(fields);
  if (command == QLatin1String("ipc_log")) return ipcLog(fields);
  if (command == QLatin1String("quit")) return quit();
  return failure(tr("unknown cmd \"%1\"").arg(command));
}

ControlCommands::Outcome ControlCommands::openTab(RequestFields& fields) {
  const QString url = fields.string("url");
  if (!fields.ok()) return failure(fields.error());
  auto opened = browser_.openTab(url);
  if (const auto* error = std::get_if<QString>(&opened)) return failure(*error);
  return ok({{"tab", std::get<int>(opened)}});
}

ControlCommands::Outcome ControlCommands::tabAction(const QString& command, RequestFields& fields) {
  const int tab = static_cast<int>(fields.integer("tab", 1, INT_MAX));
  const QString url = command == QLatin1String("navigate") ? fields.string("url") : QString();
  if (!fields.ok()) return failure(fields.error());
  if (command == QLatin1String("navigate")) return fromResult(browser_.navigate(tab, url));
  if (command == QLatin1String("reload")) return fromResult(browser_.reload(tab));
  if (command == QLatin1String("close_tab")) return fromResult(browser_.closeTab(tab));
  if (command == QLatin1String("back")) return fromResult(browser_.goBack(tab));
  return fromResult(browser_.goForward(tab));
}

ControlCommands::Outcome ControlCommands::listTabs() {
  QJsonArray tabs;
  for (int id : browser_.tabIds()) {
    if (const Tab* tab = browser_.tab(id)) tabs.append(tabJson(*tab));
  }
  return ok({{"tabs", tabs}});
}

ControlCommands::Outcome ControlCommands::kill(RequestFields& fields) {
  const qint64 pid = fields.integer("pid", 1, INT_MAX);
  if (!fields.ok()) return failure(fields.error());
  int signal = SIGKILL;
  if (fields.has("signal")) {
    const QJsonValue value = fields.value("signal");
    if (value.isString()) {
      signal = process::signalFromName(value.toString().toUpper().toStdString());
    } else if (auto number = exactInteger(value)) {
      signal = (*number > 0 && *number < NSIG) ? static_cast<int>(*number) : 0;
    } else {
      signal = 0;
    }
    if (signal == 0) {
      return failure(tr("\"signal\" must be a signal name like \"KILL\" or \"SIGTERM\", or a "
                        "number from 1 to %1")
                         .arg(NSIG - 1));
    }
  }
  return fromResult(browser_.killPid(pid, signal));
}

ControlCommands::Outcome ControlCommands::crash(RequestFields& fields) {
  const int tab = static_cast<int>(fields.integer("tab", 1, INT_MAX));
  const QString how = fields.string("how", QStringLiteral("segv"));
  const int code = static_cast<int>(fields.integer("code", 0, 255, 1));
  if (!fields.ok()) return failure(fields.error());
  static const std::pair<QLatin1String, wire::DebugFault::Kind> kKinds[] = {
      {QLatin1String("segv"), wire::DebugFault::KIND_SEGV},
      {QLatin1String("abort"), wire::DebugFault::KIND_ABORT},
      {QLatin1String("hang"), wire::DebugFault::KIND_HANG},
      {QLatin1String("exit"), wire::DebugFault::KIND_EXIT},
  };
  for (const auto& [name, kind] : kKinds) {
    if (how == name) return fromResult(browser_.faultRenderer(tab, kind, code));
  }
  return failure(tr("\"how\" must be one of segv, abort, hang, exit"));
}

ControlCommands::Outcome ControlCommands::wait(RequestFields& fields) {
  const int tab_id = static_cast<int>(fields.integer("tab", 1, INT_MAX));
  const QString state_name = fields.string("state");
  const qint64 timeout_ms = fields.integer("timeout_ms", 0, kMaxWaitMs, kDefaultWaitMs);
  if (!fields.ok()) return failure(fields.error());
  const auto state = tabStateFromName(state_name);
  if (!state) return failure(tr("\"state\" must be one of loading, loaded, crashed, unresponsive"));
  const Tab* tab = browser_.tab(tab_id);
  if (!tab) return failure(tr("no tab %1").arg(tab_id));
  if (tab->state == *state) return ok({{"tab", tabJson(*tab)}});
  return WaitFor{tab_id, *state, std::chrono::milliseconds(timeout_ms)};
}

ControlCommands::Outcome ControlCommands::ipcLog(RequestFields& fields) {
  const qint64 since = fields.integer("since", 0, LLONG_MAX, 0);
  const qint64 limit = fields.integer("limit", 1, kMaxIpcRecords, kDefaultIpcRecords);
  if (!fields.ok()) return failure(fields.error());
  const IpcLog& log = browser_.ipcLog();
  QJsonArray records;
  for (const IpcRecord& record :
       log.since(static_cast<uint64_t>(since), static_cast<size_t>(limit))) {
    records.append(ipcRecordJson(record));
  }
  return ok({{"last", static_cast<qint64>(log.lastIndex())}, {"records", records}});
}

ControlCommands::Outcome ControlCommands::quit() {
  quitting_ = true;
  return Reply{okReply(), true};
}

}  // namespace sb::browser
