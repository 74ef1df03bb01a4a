// sandbrowser: the browser process. Parses the command line, builds the Browser, and either shows
// the window or runs headless (with the control socket and/or the scripted demo).
#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSettings>
#include <QTextStream>
#include <cstring>
#include <memory>

#include "apps/browser/control/control_server.h"
#include "apps/browser/core/browser.h"
#include "apps/browser/core/disabled_layers.h"
#include "apps/browser/core/process_model.h"
#include "apps/browser/core/termination_signals.h"
#include "apps/browser/headless/chaos_run.h"
#include "apps/browser/headless/headless_demo.h"
#include "apps/browser/headless/model_comparison.h"
#include "apps/browser/headless/scale_run.h"
#include "apps/browser/ui/language_setup.h"
#include "apps/browser/ui/main_window.h"
#include "common/log/logging.h"
#include "common/process/command_line.h"

namespace {

bool wantsHeadless(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--headless") == 0) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  sb::browser::TerminationSignals termination;  // first: before Qt starts any thread
  sb::log::initLogging("browser");
  const bool headless = wantsHeadless(argc, argv);
  // Headless needs no display at all: a QCoreApplication, and no widget is ever created.
  std::unique_ptr<QCoreApplication> app =
      headless ? std::make_unique<QCoreApplication>(argc, argv) : std::make_unique<QApplication>(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("Sandbrowser"));
  QCoreApplication::setOrganizationName(QStringLiteral("Sandbrowser"));
  // The window speaks the chosen language (--help too); headless output stays English for the
  // scripts that read it.
  if (!headless) sb::browser::installUiTranslators(*app, QSettings());

  QCommandLineParser parser;
  parser.setApplicationDescription(QCoreApplication::translate("main", "A multi-process browser sandbox demo."));
  parser.addHelpOption();
  QCommandLineOption headless_option("headless", QCoreApplication::translate("main", "Run without a window."));
  QCommandLineOption demo_option("demo", QCoreApplication::translate("main", "With --headless: run the scripted isolation demo and exit."));
  QCommandLineOption control_option("control-socket", QCoreApplication::translate("main", "Listen for JSON-line control requests on this Unix socket path."), "path");
  QCommandLineOption prefix_option("renderer-cmd-prefix", QCoreApplication::translate("main", "Put this command in front of every renderer, e.g. 'strace -f' or 'gdb --args'."), "command");
  QCommandLineOption no_sandbox_option("no-sandbox", QCoreApplication::translate("main", "Run children with no sandbox layer at all (every tab shows a red banner)."));
  QCommandLineOption disable_layer_option(
      "disable-sandbox-layer",
      QCoreApplication::translate("main", "Leave these sandbox layers off in every renderer (comma list: landlock, seccomp-bpf, rlimits, ...); each tab shows a warning."),
      "layers");
  QCommandLineOption auto_reload_option(
      "auto-reload-crashed",
      QCoreApplication::translate("main", "Reload a crashed tab by itself after a second, unless it crashes again right after a reload (a crash loop)."));
  parser.addOption(auto_reload_option);
  parser.addOptions({headless_option, demo_option, control_option, prefix_option, no_sandbox_option, disable_layer_option});
  QCommandLineOption open_log_option(
      "open-log", QCoreApplication::translate("main", "Open the IPC inspector on this saved JSON Lines log (see sandbrowser-ipcdump)."), "file");
  parser.addOption(open_log_option);
  QCommandLineOption show_panel_option(
      "show-panel", QCoreApplication::translate("main", "Open a panel at start: inspector, task-manager, process-map, crashes or sandbox (repeatable, or a comma list)."), "name");
  parser.addOption(show_panel_option);
  QCommandLineOption zygote_option(
      "zygote", QCoreApplication::translate("main", "Fork renderers from a pre-started zygote process instead of starting each one afresh (the default; see docs/sandbox.md)."));
  parser.addOption(zygote_option);
  QCommandLineOption no_zygote_option(
      "no-zygote", QCoreApplication::translate("main", "Start every renderer afresh (exec), without the zygote."));
  parser.addOption(no_zygote_option);
  QCommandLineOption log_capacity_option(
      "ipc-log-capacity", QCoreApplication::translate("main", "Messages the IPC inspector keeps (default 100000)."), "count");
  parser.addOption(log_capacity_option);
  QCommandLineOption process_model_option(
      "process-model",
      QCoreApplication::translate("main", "Which tabs share a renderer: per-tab (default: each tab its own), per-site (tabs of one site share one) or single-process (each tab a renderer thread inside the browser: a renderer crash ends the browser)."),
      "model");
  QCommandLineOption process_limit_option(
      "renderer-process-limit",
      QCoreApplication::translate("main", "At most this many renderers; past it, tabs share the least loaded one (the same site's first)."),
      "count");
  parser.addOptions({process_model_option, process_limit_option});
  parser.addPositionalArgument("urls", QCoreApplication::translate("main", "Pages to open (default demo://home)."), "[urls...]");
  sb::browser::addComparisonOptions(parser);
  sb::browser::addScaleOptions(parser);
  sb::browser::addChaosOptions(parser);
  parser.process(*app);

  QTextStream out(stdout);
  QTextStream err(stderr);
  sb::browser::Browser::Options options;
  if (parser.isSet(prefix_option)) {
    auto words = sb::process::splitCommandWords(parser.value(prefix_option).toStdString());
    if (!words || words->empty()) {
      err << "sandbrowser: --renderer-cmd-prefix: unterminated quote or empty command\n";
      return 2;
    }
    options.renderer_cmd_prefix = *words;
  }
  if (parser.isSet(zygote_option) && parser.isSet(no_zygote_option)) {
    err << "sandbrowser: --zygote and --no-zygote contradict each other\n";
    return 2;
  }
  if (parser.isSet(zygote_option)) options.zygote = true;
  if (parser.isSet(no_zygote_option)) options.zygote = false;
  if (parser.isSet(no_sandbox_option)) {
    options.sandbox = false;
    err << "sandbrowser: WARNING: --no-sandbox: renderers run with every right of your user account\n";
    err.flush();
  }
  if (parser.isSet(disable_layer_option)) {
    auto layers = sb::browser::parseDisabledSandboxLayers(parser.values(disable_layer_option));
    if (auto* error = std::get_if<QString>(&layers)) {
      err << "sandbrowser: --disable-sandbox-layer: " << *error << "\n";
      return 2;
    }
    options.disabled_sandbox_layers = std::get<std::vector<std::string>>(layers);
    err << "sandbrowser: WARNING: --disable-sandbox-layer: renderers run without "
        << parser.values(disable_layer_option).join(QStringLiteral(",")) << "\n";
    err.flush();
  }
  if (parser.isSet(log_capacity_option)) {
    bool ok = false;
    const qlonglong capacity = parser.value(log_capacity_option).toLongLong(&ok);
    if (!ok || capacity < 1000 || capacity > 10'000'000) {
      err << "sandbrowser: --ipc-log-capacity: a number of messages from 1000 to 10000000\n";
      return 2;
    }
    options.ipc_log_capacity = static_cast<size_t>(capacity);
  }
  if (parser.isSet(process_model_option)) {
    auto model = sb::browser::parseProcessModel(parser.value(process_model_option));
    if (auto* error = std::get_if<QString>(&model)) {
      err << "sandbrowser: --process-model: " << *error << "\n";
      return 2;
    }
    options.process_model = std::get<sb::browser::ProcessModel>(model);
  }
  if (parser.isSet(process_limit_option)) {
    auto limit = sb::browser::parseRendererProcessLimit(parser.value(process_limit_option));
    if (auto* error = std::get_if<QString>(&limit)) {
      err << "sandbrowser: --renderer-process-limit: " << *error << "\n";
      return 2;
    }
    options.renderer_process_limit = std::get<int>(limit);
  }
  QStringList panels;
  for (const QString& value : parser.values(show_panel_option)) panels += value.split(QLatin1Char(','), Qt::SkipEmptyParts);
  for (const QString& panel : panels) {
    if (!sb::browser::MainWindow::panelNames().contains(panel)) {
      err << "sandbrowser: --show-panel: no panel \"" << panel << "\"; the panels are "
          << sb::browser::MainWindow::panelNames().join(QStringLiteral(", ")) << "\n";
      return 2;
    }
  }
  if (!panels.isEmpty() && headless) {
    err << "sandbrowser: --show-panel needs the window (it cannot be used with --headless)\n";
    return 2;
  }
  if (parser.isSet(open_log_option) && headless) {
    err << "sandbrowser: --open-log needs the window (it cannot be used with --headless); "
           "sandbrowser-ipcdump prints a log in the terminal\n";
    return 2;
  }
  if (parser.isSet(demo_option) && !headless) {
    err << "sandbrowser: --demo needs --headless\n";
    return 2;
  }
  // --scale drives and measures this very browser; checked first, as it refuses --compare-models.
  const auto scale = sb::browser::scaleRequest(parser, headless);
  if (auto* error = std::get_if<QString>(&scale)) {
    err << "sandbrowser: " << *error << "\n";
    return 2;
  }
  // --chaos harms this very browser; checked before --compare-models, which it refuses.
  const auto chaos = sb::browser::chaosRequest(parser, headless);
  if (auto* error = std::get_if<QString>(&chaos)) {
    err << "sandbrowser: " << *error << "\n";
    return 2;
  }
  // --compare-models runs each model in a browser child of its own; this process builds no Browser.
  const auto comparison = sb::browser::comparisonRequest(parser, headless);
  if (auto* error = std::get_if<QString>(&comparison)) {
    err << "sandbrowser: " << *error << "\n";
    return 2;
  }
  if (auto* compare = std::get_if<sb::browser::ComparisonOptions>(&comparison)) {
    return sb::browser::runModelComparison(*compare, out, err);
  }

  options.auto_reload_crashed = parser.isSet(auto_reload_option);
  sb::browser::Browser browser(options);
  QObject::connect(&browser, &sb::browser::Browser::shutdownComplete, app.get(), &QCoreApplication::quit);
  termination.startWatching();
  QObject::connect(&termination, &sb::browser::TerminationSignals::terminationRequested, &browser,
                   [&browser] { browser.shutdownAll(); });

  std::unique_ptr<sb::browser::ControlServer> control;
  if (parser.isSet(control_option)) {
    control = std::make_unique<sb::browser::ControlServer>(browser);
    QString error;
    if (!control->listen(parser.value(control_option), &error)) {
      err << "sandbrowser: --control-socket: " << error << "\n";
      return 2;
    }
    QObject::connect(control.get(), &sb::browser::ControlServer::quitRequested, &browser,
                     &sb::browser::Browser::shutdownAll);
  }

  QStringList urls = parser.positionalArguments();
  std::unique_ptr<sb::browser::HeadlessDemo> demo;
  std::unique_ptr<sb::browser::ScaleRun> scale_run;
  std::unique_ptr<sb::browser::ChaosRun> chaos_run;
  std::unique_ptr<sb::browser::MainWindow> window;
  int exit_code = 0;
  if (headless) {
    if (auto* scale_options = std::get_if<sb::browser::ScaleOptions>(&scale)) {
      scale_run = std::make_unique<sb::browser::ScaleRun>(browser, *scale_options, out, err);
      QObject::connect(scale_run.get(), &sb::browser::ScaleRun::finished, &browser, [&](int code) {
        exit_code = code;
        browser.shutdownAll();
      });
      scale_run->start();
    } else if (auto* chaos_options = std::get_if<sb::browser::ChaosOptions>(&chaos)) {
      chaos_run = std::make_unique<sb::browser::ChaosRun>(browser, *chaos_options, out, err);
      QObject::connect(chaos_run.get(), &sb::browser::ChaosRun::finished, &browser, [&](int code) {
        exit_code = code;
        browser.shutdownAll();
      });
      chaos_run->start();
    } else if (parser.isSet(demo_option)) {
      demo = std::make_unique<sb::browser::HeadlessDemo>(browser, out);
      QObject::connect(demo.get(), &sb::browser::HeadlessDemo::finished, &browser, [&](int code) {
        exit_code = code;
        browser.shutdownAll();
      });
      demo->start();
    } else {
      for (const QString& url : urls) {
        auto opened = browser.openTab(url);
        if (auto* error = std::get_if<QString>(&opened)) err << "sandbrowser: " << *error << "\n";
      }
      if (!control) out << "sandbrowser: headless with no --control-socket and no --demo; Ctrl+C to stop\n";
      out.flush();
    }
  } else {
    // The window's close starts a clean shutdown; the app quits on Browser::shutdownComplete.
    QApplication::setQuitOnLastWindowClosed(false);
    window = std::make_unique<sb::browser::MainWindow>(browser);
    if (parser.isSet(open_log_option)) {
      QString error;
      if (!window->openIpcLog(parser.value(open_log_option), &error)) {
        err << "sandbrowser: --open-log: " << error << "\n";
        return 2;
      }
    }
    if (urls.isEmpty()) urls << QStringLiteral("demo://home");
    for (const QString& url : urls) window->openTab(url);
    window->show();
    for (const QString& panel : panels) window->showPanel(panel);
  }
  const int loop_code = app->exec();
  return exit_code ? exit_code : loop_code;
}
