#include "apps/browser/headless/chaos_control.h"

#include <signal.h>
#include <unistd.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <array>

#include "common/base/seeded_random.h"

namespace sb::browser {
namespace {

QByteArray line(const QJsonObject& request) {
  return QJsonDocument(request).toJson(QJsonDocument::Compact);
}

template <typename T>
const T& anyOf(SeededRandom& random, const std::vector<T>& items) {
  return items[static_cast<size_t>(random.between(0, static_cast<int>(items.size()) - 1))];
}

const std::vector<QString>& pages() {
  static const std::vector<QString> kPages = {
      QStringLiteral("demo://news"), QStringLiteral("demo://clock"), QStringLiteral("demo://form"),
      QStringLiteral("demo://plugin"), QStringLiteral("https://example.com/"),
      QStringLiteral("demo://crash"), QStringLiteral("demo://exit?code=3")};
  return kPages;
}

}  // namespace

ChaosControlRequest pickControlRequest(SeededRandom& random, const std::vector<int>& tabs,
                                       const std::vector<ChaosChild>& children,
                                       uint64_t ipc_last_index) {
  enum Kind {
    kListTabs, kListProcesses, kIpcLog, kKill, kCrash, kNavigate, kReload, kHistory, kOpen,
    kClose, kWait, kNotJson, kUnknownCommand, kKillSelf, kKillStranger, kBadSignal, kNoSuchTab,
    kKinds
  };
  const int kind = random.between(0, kKinds - 1);
  const int tab = tabs.empty() ? 1 : anyOf(random, tabs);
  ChaosControlRequest request;
  switch (kind) {
    case kListTabs:
      request.line = line({{"cmd", "list_tabs"}});
      break;
    case kListProcesses:
      request.line = line({{"cmd", "list_processes"}});
      break;
    case kIpcLog:
      request.line = line({{"cmd", "ipc_log"},
                           {"since", static_cast<qint64>(ipc_last_index > 100 ? ipc_last_index - 100 : 0)},
                           {"limit", 100}});
      break;
    case kKill: {
      if (children.empty()) return pickControlRequest(random, tabs, children, ipc_last_index);
      static constexpr std::array kSignals = {SIGKILL, SIGTERM, SIGSEGV, SIGABRT};
      request.target = anyOf(random, children);
      request.signal = kSignals[static_cast<size_t>(random.between(0, static_cast<int>(kSignals.size()) - 1))];
      request.line = line({{"cmd", "kill"}, {"pid", request.target->pid}, {"signal", request.signal}});
      break;
    }
    case kCrash: {
      static const std::vector<QString> kHows = {QStringLiteral("segv"), QStringLiteral("abort"),
                                                 QStringLiteral("exit")};
      request.line = line({{"cmd", "crash"}, {"tab", tab}, {"how", anyOf(random, kHows)},
                           {"code", random.between(0, 255)}});
      break;
    }
    case kNavigate:
      request.line = line({{"cmd", "navigate"}, {"tab", tab}, {"url", anyOf(random, pages())}});
      break;
    case kReload:
      request.line = line({{"cmd", "reload"}, {"tab", tab}});
      break;
    case kHistory:
      request.line = line({{"cmd", random.between(0, 1) ? "back" : "forward"}, {"tab", tab}});
      break;
    case kOpen:
      if (tabs.size() >= 12) return pickControlRequest(random, tabs, children, ipc_last_index);
      request.line = line({{"cmd", "open_tab"}, {"url", anyOf(random, pages())}});
      break;
    case kClose:
      if (tabs.size() <= 8) return pickControlRequest(random, tabs, children, ipc_last_index);
      request.line = line({{"cmd", "close_tab"}, {"tab", tab}});
      break;
    case kWait:
      request.line = line({{"cmd", "wait"}, {"tab", tab}, {"state", "loaded"}, {"timeout_ms", 10}});
      break;
    case kNotJson:
      request.line = QByteArrayLiteral("{\"cmd\":\"kill\",\"pid\":");
      break;
    case kUnknownCommand:
      request.line = line({{"cmd", "format_disk"}});
      break;
    case kKillSelf:
      // SIGCONT: harmless should the refusal ever fail, and the check says so.
      request.line = line({{"cmd", "kill"}, {"pid", static_cast<qint64>(::getpid())}, {"signal", "CONT"}});
      request.must_refuse = true;
      break;
    case kKillStranger:
      request.line = line({{"cmd", "kill"},
                           {"pid", static_cast<qint64>(random.between(0, 1) ? ::getppid() : 1)},
                           {"signal", "CONT"}});
      request.must_refuse = true;
      break;
    case kBadSignal:
      request.line = line({{"cmd", "kill"}, {"pid", children.empty() ? 1 : anyOf(random, children).pid},
                           {"signal", "SIGNOTHING"}});
      request.must_refuse = true;
      break;
    case kNoSuchTab:
      request.line = line({{"cmd", "reload"}, {"tab", 1'000'000}});
      break;
  }
  return request;
}

}  // namespace sb::browser
