#include "apps/browser/core/ipc_lab_runner.h"

#include <signal.h>
#include <sys/prctl.h>

#include <spdlog/spdlog.h>

#include "apps/browser/core/ipc_lab_rows.h"
#include "common/process/command_line.h"

namespace sb::browser {
namespace {

constexpr qsizetype kMaxStderrBytes = 4096;

// The last non-empty line the helper wrote to stderr: its own words for what went wrong.
std::string lastLine(const QByteArray& text) {
  const QList<QByteArray> lines = text.trimmed().split('\n');
  return lines.isEmpty() ? std::string() : lines.last().trimmed().left(300).toStdString();
}

}  // namespace

IpcLabRunner::IpcLabRunner(Options options, QObject* parent) : QObject(parent), options_(std::move(options)) {
  report_.set_state(wire::IpcLabReport::STATE_NOT_RUN);
  timeout_.setSingleShot(true);
  connect(&timeout_, &QTimer::timeout, this, [this] {
    const auto ms = options_.timeout.count();
    const std::string limit = ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
    helper_->kill();
    fail("the benchmark took longer than " + limit + " and was stopped");
  });
}

IpcLabRunner::~IpcLabRunner() {
  // No report now: whoever listens may be half destroyed.
  disconnect();
  killHelper();
}

void IpcLabRunner::killHelper() {
  if (!helper_ || helper_->state() == QProcess::NotRunning) return;
  helper_->disconnect(this);
  helper_->kill();
  helper_->waitForFinished(1000);
}

void IpcLabRunner::start() {
  if (running()) return;
  const auto executable = process::resolveExecutable(options_.executable);
  report_.Clear();
  clock_.start();
  if (!executable) {
    fail(options_.executable + " was not found beside the browser or on PATH");
    return;
  }
  output_.clear();
  errors_.clear();
  helper_ = std::make_unique<QProcess>();
  helper_->setProgram(QString::fromStdString(*executable));
  helper_->setArguments(options_.arguments);
  helper_->setProcessChannelMode(QProcess::SeparateChannels);
  helper_->setChildProcessModifier([] {
    // The browser blocks its termination signals (it reads them from a signalfd); the helper must
    // not inherit that, and must not outlive the browser.
    sigset_t none;
    sigemptyset(&none);
    ::pthread_sigmask(SIG_SETMASK, &none, nullptr);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  });
  connect(helper_.get(), &QProcess::readyReadStandardOutput, this, [this] {
    output_ += helper_->readAllStandardOutput();
    // Far more than the benchmark ever prints; parseIpcLabRows refuses the whole output then.
    if (output_.size() > static_cast<qsizetype>(kMaxIpcLabOutputBytes)) helper_->kill();
  });
  connect(helper_.get(), &QProcess::readyReadStandardError, this, [this] {
    errors_ = (errors_ + helper_->readAllStandardError()).right(kMaxStderrBytes);
  });
  connect(helper_.get(), &QProcess::finished, this, &IpcLabRunner::onFinished);
  connect(helper_.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
    if (error == QProcess::FailedToStart) onStartFailed();
  });
  report_.set_state(wire::IpcLabReport::STATE_RUNNING);
  helper_->start();
  if (helper_->state() == QProcess::NotRunning) return;  // FailedToStart has reported it
  report_.set_helper_pid(static_cast<uint32_t>(helper_->processId()));
  spdlog::info("IPC lab: benchmark running in helper pid {}", report_.helper_pid());
  timeout_.start(options_.timeout);
  emit reportChanged();
}

void IpcLabRunner::stop() {
  killHelper();
  if (running()) fail("the browser stopped the benchmark");
}

void IpcLabRunner::onStartFailed() {
  if (!running()) return;
  fail("could not start " + options_.executable + ": " + helper_->errorString().toStdString());
}

void IpcLabRunner::onFinished(int exit_code, QProcess::ExitStatus status) {
  if (!running()) return;  // the timeout already reported it
  timeout_.stop();
  output_ += helper_->readAllStandardOutput();
  if (status == QProcess::CrashExit) {
    fail("the benchmark process died (" + lastLine(errors_) + ")");
    return;
  }
  if (exit_code != 0) {
    const std::string said = lastLine(errors_);
    fail("the benchmark exited with code " + std::to_string(exit_code) + (said.empty() ? "" : ": " + said));
    return;
  }
  finishWithOutput();
}

void IpcLabRunner::finishWithOutput() {
  IpcLabRows parsed = parseIpcLabRows(output_);
  if (!parsed.error.empty()) {
    fail(parsed.error);
    return;
  }
  report_.set_state(wire::IpcLabReport::STATE_DONE);
  report_.set_elapsed_ms(elapsedMs());
  for (auto& row : parsed.rows) *report_.add_rows() = std::move(row);
  spdlog::info("IPC lab: {} rows in {} ms", report_.rows_size(), report_.elapsed_ms());
  emit reportChanged();
}

void IpcLabRunner::fail(std::string error) {
  timeout_.stop();
  report_.set_state(wire::IpcLabReport::STATE_FAILED);
  report_.set_error(std::move(error));
  report_.set_elapsed_ms(elapsedMs());
  report_.clear_rows();
  spdlog::warn("IPC lab: {}", report_.error());
  emit reportChanged();
}

uint32_t IpcLabRunner::elapsedMs() const {
  return clock_.isValid() ? static_cast<uint32_t>(clock_.elapsed()) : 0;
}

}  // namespace sb::browser
