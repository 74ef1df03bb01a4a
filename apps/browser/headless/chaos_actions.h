#pragma once

#include <sys/types.h>

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

#include "apps/browser/control/control_commands.h"
#include "apps/browser/headless/chaos_browser_view.h"
#include "apps/browser/headless/chaos_events.h"
#include "apps/browser/headless/chaos_result.h"

namespace sb {
class SeededRandom;
}

namespace sb::browser {

class Browser;
class ChaosInvariants;

// Carries out the soak's events on the Browser, and what they leave to do later: a stopped child
// continued, a leak page left, a hung tab reloaded. Counts what it did in the result.
class ChaosActions {
  Q_DECLARE_TR_FUNCTIONS(ChaosActions)

 public:
  ChaosActions(Browser& browser, SeededRandom& random, ChaosResult& result, ChaosInvariants& invariants);

  // The pages the first 10 tabs open, and that the end opens again.
  static const QStringList& firstPages();

  // Does one event; what was done, for the step log. A control request carried out that must have
  // been refused adds to `violations`.
  QString perform(ChaosEvent event, QStringList& violations);
  // Whatever an earlier event left to do now (`now_ns` CLOCK_MONOTONIC).
  void followUp(uint64_t now_ns);
  // Every child still stopped gets its SIGCONT: before the end, nothing is left stopped.
  void resumeAll();

 private:
  struct Stopped {
    pid_t pid = 0;
    uint64_t due_ns = 0;
  };
  struct Leak {
    int tab = 0;
    uint64_t navigation_id = 0;
    uint64_t leave_ns = 0;
  };
  struct Hang {
    int tab = 0;
    qint64 pid = 0;
    uint64_t since_ns = 0;
  };

  QString signalChild();
  QString stopChild();
  QString debugFault();
  QString faultPage();
  QString badIpcPage();
  QString leakPage();
  QString navigate();
  QString history();
  QString reload();
  QString openOrClose();
  QString navigationFlood();
  QString inputFlood();
  QString deadlockCalls();
  QString resize();
  QString control(QStringList& violations);
  QString recover();

  int anyTab();  // 0 when there is none
  // A tab whose renderer runs, to fault through; 0 when there is none.
  int tabWithLiveRenderer();
  const ChaosChild* pickChild(const std::vector<ChaosChild>& children);
  QString anyPage();
  // At most this many renderers busy-loop at once, or two cores have nothing left for the rest.
  bool mayHang();
  void noteHang(int tab);
  void countSignal(const ChaosChild& child, int signal, bool delivered);
  QString open(const QString& url);

  Browser& browser_;
  SeededRandom& random_;
  ChaosResult& result_;
  ChaosInvariants& invariants_;
  ControlCommands control_;
  std::vector<Stopped> stopped_;
  std::vector<Leak> leaks_;
  std::vector<Hang> hangs_;
};

}  // namespace sb::browser
