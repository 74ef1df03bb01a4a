#include "apps/browser/headless/scale_invariants.h"

#include <QObject>

namespace sb::browser {

QString tabList(const std::vector<int>& ids) {
  QStringList parts;
  for (int id : ids) parts << QString::number(id);
  return parts.join(QStringLiteral(", "));
}

std::vector<ScaleResult::Invariant> scaleInvariants(const ScaleFindings& f) {
  std::vector<ScaleResult::Invariant> invariants;
  if (!f.failure.isEmpty()) invariants.push_back({false, f.failure});
  if (f.unexpected_changes.isEmpty()) {
    invariants.push_back(
        {true, QObject::tr("no tab changed state but the %1 killed").arg(f.killed)});
  } else {
    invariants.push_back({false, QObject::tr("tabs changed that nobody killed: %1")
                                     .arg(f.unexpected_changes.join(QStringLiteral("; ")))});
  }
  if (!f.reloads_done) return invariants;  // the failure above says where it stopped

  invariants.push_back({true, QObject::tr("all %1 killed tabs reopened in new renderers (tabs %2)")
                                  .arg(f.reopened.size())
                                  .arg(tabList(f.reopened))});
  QStringList zombies;
  for (pid_t pid : f.zombies) zombies << QString::number(pid);
  invariants.push_back({zombies.isEmpty(), zombies.isEmpty()
                                               ? QObject::tr("no zombie below the browser")
                                               : QObject::tr("zombies below the browser: pids %1")
                                                     .arg(zombies.join(QStringLiteral(", ")))});
  // Leaked: held after the reloads beyond what the same number of live renderers held before the
  // kills (each live renderer legitimately costs the browser its socket, pidfd and surface).
  const int leaked = f.fds_after - f.fds_before_kill;
  const QString counts =
      QObject::tr("%1 open with every tab live before the kills, %2 after the reloads")
          .arg(f.fds_before_kill)
          .arg(f.fds_after);
  invariants.push_back(
      {leaked <= 0, leaked <= 0 ? QObject::tr("no leaked fd: %1").arg(counts)
                                : QObject::tr("%1 fds leaked: %2").arg(leaked).arg(counts)});
  return invariants;
}

}  // namespace sb::browser
