#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>
#include <chrono>
#include <memory>
#include <string>

#include "sandbrowser.pb.h"

namespace sb::browser {

// Runs the IPC benchmark for demo://ipc-lab in a helper process (the renderer's sandbox forbids
// every object the benchmark creates) and keeps the latest report. The helper gets nothing from
// the page: its command line is fixed here, so a compromised renderer can at most make it run.
class IpcLabRunner : public QObject {
  Q_OBJECT

 public:
  struct Options {
    std::string executable = "sandbrowser-ipcbench";
    QStringList arguments{QStringLiteral("--quick"), QStringLiteral("--kinds"), QStringLiteral("all"),
                          QStringLiteral("--json")};
    std::chrono::milliseconds timeout{60000};
  };

  explicit IpcLabRunner(Options options, QObject* parent = nullptr);
  ~IpcLabRunner() override;

  const wire::IpcLabReport& report() const { return report_; }
  bool running() const { return report_.state() == wire::IpcLabReport::STATE_RUNNING; }
  // Starts a run unless one is under way.
  void start();
  // Kills a run under way (the browser is shutting down); the report says it was stopped.
  void stop();

 signals:
  void reportChanged();

 private:
  void killHelper();
  void onFinished(int exit_code, QProcess::ExitStatus status);
  void onStartFailed();
  void fail(std::string error);
  void finishWithOutput();
  uint32_t elapsedMs() const;

  Options options_;
  wire::IpcLabReport report_;
  std::unique_ptr<QProcess> helper_;
  QByteArray output_;
  QByteArray errors_;
  QTimer timeout_;
  QElapsedTimer clock_;
};

}  // namespace sb::browser
