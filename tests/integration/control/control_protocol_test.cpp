// The control protocol itself: every kind of bad request is answered and survived, waits do not
// block, the socket is private, the IPC log and process list say what they should.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QElapsedTimer>
#include <thread>

#include "tests/integration/control/control_session.h"
#include "tests/support/proc_inspect.h"

namespace sb::testing {
namespace {

using namespace std::chrono_literals;

class ControlProtocol : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(session_.ok()) << session_.error(); }

  // A bad request gets ok:false with `error` containing `expected`, and the connection still works.
  void expectRefused(const std::string& line, const QString& expected) {
    SCOPED_TRACE(line.substr(0, 120));
    const QJsonObject reply = session_.callRaw(line);
    EXPECT_EQ(reply["ok"], QJsonValue(false)) << toLine(reply);
    EXPECT_TRUE(reply["error"].toString().contains(expected)) << toLine(reply);
    const QJsonObject after = session_.call({{"cmd", "list_tabs"}});
    EXPECT_EQ(after["ok"], QJsonValue(true)) << toLine(after);
  }

  ControlSession session_;
};

TEST_F(ControlProtocol, MalformedRequestsAreAnsweredAndTheConnectionStaysUsable) {
  const int tab = session_.openTab("demo://home");
  const auto renderer = session_.waitFor(tab, "loaded")["renderer_pid"].toInteger();
  const std::string pid = std::to_string(renderer);
  expectRefused("this is not json", "not JSON");
  expectRefused("{\"cmd\":\"list_tabs\"", "not JSON");
  expectRefused("[1,2,3]", "JSON object");
  expectRefused("42", "not JSON");  // Qt's parser takes only an object or array at the top
  expectRefused("{\"tab\":1}", "missing \"cmd\"");
  expectRefused("{\"cmd\":7}", "\"cmd\" must be a string");
  expectRefused("{\"cmd\":\"fly\"}", "unknown cmd \"fly\"");
  expectRefused("{\"cmd\":\"reload\",\"tab\":\"1\"}", "\"tab\" must be an integer");
  expectRefused("{\"cmd\":\"reload\",\"tab\":1.5}", "\"tab\" must be an integer");
  expectRefused("{\"cmd\":\"reload\",\"tab\":null}", "\"tab\" must be an integer");
  expectRefused("{\"cmd\":\"reload\"}", "missing \"tab\"");
  expectRefused("{\"cmd\":\"open_tab\"}", "missing \"url\"");
  expectRefused("{\"cmd\":\"open_tab\",\"url\":5}", "\"url\" must be a string");
  expectRefused("{\"cmd\":\"navigate\",\"tab\":1}", "missing \"url\"");
  expectRefused("{\"cmd\":\"reload\",\"tab\":999}", "no tab 999");
  expectRefused("{\"cmd\":\"close_tab\",\"tab\":999}", "no tab 999");
  expectRefused("{\"cmd\":\"wait\",\"tab\":999,\"state\":\"loaded\"}", "no tab 999");
  expectRefused("{\"cmd\":\"wait\",\"tab\":1,\"state\":\"asleep\"}", "\"state\" must be one of");
  expectRefused("{\"cmd\":\"wait\",\"tab\":1,\"state\":\"loaded\",\"timeout_ms\":600001}",
                "\"timeout_ms\" must be between");
  expectRefused("{\"cmd\":\"crash\",\"tab\":1,\"how\":\"explode\"}", "\"how\" must be one of");
  expectRefused("{\"cmd\":\"back\",\"tab\":1}", "no earlier page");
  expectRefused("{\"cmd\":\"ipc_log\",\"limit\":0}", "\"limit\" must be between 1 and 10000");
  expectRefused("{\"cmd\":\"ipc_log\",\"limit\":10001}", "\"limit\" must be between 1 and 10000");
  expectRefused("{\"cmd\":\"kill\"}", "missing \"pid\"");
  expectRefused("{\"cmd\":\"kill\",\"pid\":-1}", "\"pid\" must be between");
  expectRefused("{\"cmd\":\"kill\",\"pid\":0}", "\"pid\" must be between");
  expectRefused("{\"cmd\":\"kill\",\"pid\":4194305}", "not one of this browser's processes");
  expectRefused("{\"cmd\":\"kill\",\"pid\":" + pid + ",\"signal\":\"NOPE\"}", "\"signal\" must be");
  expectRefused("{\"cmd\":\"kill\",\"pid\":" + pid + ",\"signal\":99}", "\"signal\" must be");
  expectRefused("{\"cmd\":\"kill\",\"pid\":" + pid + ",\"signal\":[9]}", "\"signal\" must be");
  // None of that hurt the tab.
  EXPECT_EQ(session_.tab(tab)["state"].toString(), "loaded");
  EXPECT_EQ(session_.tab(tab)["renderer_pid"].toInteger(), renderer);
}

TEST_F(ControlProtocol, PidsThatAreNotOursAreRefusedAndLeftAlone) {
  // A bystander: our child, not the browser's.
  const pid_t bystander = ::fork();
  ASSERT_GE(bystander, 0);
  if (bystander == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    for (;;) ::pause();
  }
  expectRefused("{\"cmd\":\"kill\",\"pid\":" + std::to_string(bystander) + "}",
                "not one of this browser's processes");
  expectRefused("{\"cmd\":\"kill\",\"pid\":" + std::to_string(::getpid()) + ",\"signal\":\"KILL\"}",
                "not one of this browser's processes");
  expectRefused("{\"cmd\":\"kill\",\"pid\":1,\"signal\":\"CONT\"}",
                "not one of this browser's processes");
  expectRefused("{\"cmd\":\"kill\",\"pid\":" + std::to_string(session_.browser().pid()) + "}",
                "browser itself");
  EXPECT_TRUE(session_.browser().running());
  // A signal, had one been sent, is delivered before kill(2) returns; give death a moment to show.
  std::this_thread::sleep_for(50ms);
  int status = 0;
  EXPECT_EQ(::waitpid(bystander, &status, WNOHANG), 0) << "the bystander was signalled";
  ::kill(bystander, SIGKILL);
  ::waitpid(bystander, &status, 0);
}

TEST_F(ControlProtocol, OverlongLinesAreRefusedAndTheNextRequestAnswered) {
  constexpr size_t kMax = 1 << 20;
  expectRefused(std::string(kMax + 1, 'x'), "longer than");
  expectRefused(std::string(3 * kMax, ' ') + "{\"cmd\":\"list_tabs\"}", "longer than");
  // Exactly the limit is still a request.
  std::string padded = "{\"cmd\":\"list_tabs\",\"pad\":\"";
  padded += std::string(kMax - padded.size() - 2, 'p') + "\"}";
  ASSERT_EQ(padded.size(), kMax);
  EXPECT_EQ(session_.callRaw(padded)["ok"], QJsonValue(true));
}

TEST_F(ControlProtocol, PipelinedRequestsAreAnsweredOneEachInOrder) {
  // 300 requests in one write: each reply names its request, so order is visible.
  std::string batch;
  for (int i = 0; i < 300; ++i) batch += "{\"cmd\":\"step" + std::to_string(i) + "\"}\n\n";
  batch.pop_back();  // send() adds the last newline
  auto client = session_.connect();
  ASSERT_TRUE(client);
  std::string error;
  ASSERT_TRUE(client->send(batch, &error)) << error;
  for (int i = 0; i < 300; ++i) {
    const auto reply = client->receive(5s, &error);
    ASSERT_TRUE(reply) << "reply " << i << ": " << error;
    EXPECT_EQ(parseReply(*reply)["error"].toString().toStdString(),
              "unknown cmd \"step" + std::to_string(i) + "\"");
  }
  EXPECT_FALSE(client->receive(50ms, &error)) << "a blank line was answered";
}

TEST_F(ControlProtocol, WaitTimesOutWithATimeoutError) {
  const int tab = session_.openTab("demo://home");
  session_.waitFor(tab, "loaded");
  QElapsedTimer clock;
  clock.start();
  const QJsonObject reply =
      session_.call({{"cmd", "wait"}, {"tab", tab}, {"state", "crashed"}, {"timeout_ms", 200}});
  EXPECT_EQ(reply["ok"], QJsonValue(false));
  EXPECT_EQ(reply["error"].toString(), "timeout");
  EXPECT_GE(clock.elapsed(), 200);
  EXPECT_LT(clock.elapsed(), 2000);
}

TEST_F(ControlProtocol, WaitBlocksNeitherTheLoopNorOtherConnectionsAndRepliesStayInOrder) {
  const int tab = session_.openTab("demo://home");
  const auto pid = session_.waitFor(tab, "loaded")["renderer_pid"].toInteger();
  auto waiting = session_.connect();
  ASSERT_TRUE(waiting);
  std::string error;
  // Pipelined: the list_tabs is answered only after the wait.
  ASSERT_TRUE(waiting->send(
      toLine({{"cmd", "wait"}, {"tab", tab}, {"state", "crashed"}, {"timeout_ms", 5000}}), &error));
  ASSERT_TRUE(waiting->send("{\"cmd\":\"list_tabs\"}", &error));
  EXPECT_FALSE(waiting->receive(100ms, &error).has_value()) << "the wait returned early";

  QElapsedTimer clock;
  clock.start();
  EXPECT_EQ(session_.call({{"cmd", "list_tabs"}})["ok"], QJsonValue(true));
  EXPECT_LT(clock.elapsed(), 1000) << "another connection's wait held this one up";
  EXPECT_EQ(session_.call({{"cmd", "kill"}, {"pid", pid}})["ok"], QJsonValue(true));

  const auto first = waiting->receive(5s, &error);
  ASSERT_TRUE(first) << error;
  const QJsonObject waited = parseReply(*first);
  EXPECT_EQ(waited["ok"], QJsonValue(true)) << *first;
  EXPECT_EQ(waited["tab"].toObject()["state"].toString(), "crashed") << *first;
  const auto second = waiting->receive(5s, &error);
  ASSERT_TRUE(second) << error;
  EXPECT_TRUE(parseReply(*second).contains("tabs")) << *second;
}

TEST_F(ControlProtocol, ClosingATabEndsAWaitOnItWithAnError) {
  const int tab = session_.openTab("demo://home");
  session_.waitFor(tab, "loaded");
  auto waiting = session_.connect();
  ASSERT_TRUE(waiting);
  std::string error;
  ASSERT_TRUE(waiting->send(toLine({{"cmd", "wait"}, {"tab", tab}, {"state", "crashed"}}), &error));
  EXPECT_FALSE(waiting->receive(50ms, &error).has_value());
  EXPECT_EQ(session_.call({{"cmd", "close_tab"}, {"tab", tab}})["ok"], QJsonValue(true));
  const auto reply = waiting->receive(5s, &error);
  ASSERT_TRUE(reply) << error;
  const QJsonObject object = parseReply(*reply);
  EXPECT_EQ(object["ok"], QJsonValue(false));
  EXPECT_TRUE(object["error"].toString().contains("closed")) << *reply;
}

TEST_F(ControlProtocol, TheSocketIsPrivateToTheUser) {
  struct stat st {};
  ASSERT_EQ(::stat(session_.socketPath().c_str(), &st), 0);
  EXPECT_TRUE(S_ISSOCK(st.st_mode));
  EXPECT_EQ(st.st_mode & 07777, 0600u) << std::oct << (st.st_mode & 07777);
  EXPECT_EQ(st.st_uid, ::getuid());
}

TEST_F(ControlProtocol, IpcLogRecordsIncreaseAndShowThePageTraffic) {
  const int tab = session_.openTab("demo://clock");
  session_.waitFor(tab, "loaded");
  const QJsonObject reply = session_.call({{"cmd", "ipc_log"}, {"since", 0}, {"limit", 10000}});
  ASSERT_EQ(reply["ok"], QJsonValue(true)) << toLine(reply);
  const QJsonArray records = reply["records"].toArray();
  ASSERT_FALSE(records.isEmpty());
  qint64 previous = 0;
  bool navigate_out = false;
  bool display_list_in = false;
  for (const auto& value : records) {
    const QJsonObject record = value.toObject();
    EXPECT_GT(record["index"].toInteger(), previous);
    previous = record["index"].toInteger();
    EXPECT_GT(record["t_ns"].toInteger(), 0);
    EXPECT_GT(record["bytes"].toInteger(), 0);
    EXPECT_EQ(record["process"].toString(), "renderer");
    navigate_out |= record["kind"] == QJsonValue("navigate") &&
                    record["dir"] == QJsonValue("out") && record["tab"].toInt() == tab;
    display_list_in |=
        record["kind"] == QJsonValue("display_list") && record["dir"] == QJsonValue("in");
  }
  EXPECT_TRUE(navigate_out);
  EXPECT_TRUE(display_list_in);
  EXPECT_GE(reply["last"].toInteger(), previous);

  const QJsonObject one = session_.call({{"cmd", "ipc_log"}, {"since", 1}, {"limit", 1}});
  ASSERT_EQ(one["records"].toArray().size(), 1);
  EXPECT_EQ(one["records"].toArray()[0].toObject()["index"].toInteger(), 2);
  const QJsonObject none = session_.call({{"cmd", "ipc_log"}, {"since", 1'000'000'000}});
  EXPECT_TRUE(none["records"].toArray().isEmpty());
}

TEST_F(ControlProtocol, ProcessListStartsWithTheBrowserAndShowsEachRenderer) {
  const int tab = session_.openTab("demo://news");
  const auto renderer = session_.waitFor(tab, "loaded")["renderer_pid"].toInteger();
  const QJsonArray processes = session_.processes();
  ASSERT_EQ(processes.size(), 4);  // the browser, the renderer, the GPU process, the zygote
  EXPECT_EQ(processes[3].toObject()["kind"].toString(), "zygote");
  const QJsonObject gpu = processes[2].toObject();
  EXPECT_EQ(gpu["kind"].toString(), "gpu");
  EXPECT_TRUE(gpu["gpu_mode"] == QJsonValue("running") || gpu["gpu_mode"] == QJsonValue("starting"))
      << gpu["gpu_mode"].toString().toStdString();
  EXPECT_FALSE(gpu["software_fallback"].toBool());
  EXPECT_EQ(gpu["crash_count"].toInteger(), 0);
  const QJsonObject browser = processes[0].toObject();
  EXPECT_EQ(browser["kind"].toString(), "browser");
  EXPECT_EQ(browser["pid"].toInteger(), session_.browser().pid());
  EXPECT_GT(browser["rss_kb"].toInteger(), 0);
  const QJsonObject child = processes[1].toObject();
  EXPECT_EQ(child["kind"].toString(), "renderer");
  EXPECT_EQ(child["pid"].toInteger(), renderer);
  EXPECT_EQ(child["state"].toString(), "running");
  EXPECT_EQ(child["tabs"].toArray(), QJsonArray{tab});
  EXPECT_GT(child["rss_kb"].toInteger(), 0);
  EXPECT_GE(child["msgs_in"].toInteger(), 2);  // Hello and a display list at least
  EXPECT_GE(child["msgs_out"].toInteger(), 1);
  EXPECT_GT(child["bytes_in"].toInteger(), 0);
  EXPECT_TRUE(child["sandbox"].toObject()["layers"].isArray());
}

TEST_F(ControlProtocol, HistoryCommandsMoveBetweenPages) {
  const int tab = session_.openTab("demo://home");
  session_.waitFor(tab, "loaded");
  EXPECT_EQ(session_.call({{"cmd", "navigate"}, {"tab", tab}, {"url", "demo://news"}})["ok"],
            QJsonValue(true));
  EXPECT_EQ(session_.waitFor(tab, "loaded")["url"].toString(), "demo://news");
  EXPECT_EQ(session_.call({{"cmd", "back"}, {"tab", tab}})["ok"], QJsonValue(true));
  EXPECT_EQ(session_.waitFor(tab, "loaded")["url"].toString(), "demo://home");
  EXPECT_EQ(session_.call({{"cmd", "forward"}, {"tab", tab}})["ok"], QJsonValue(true));
  EXPECT_EQ(session_.waitFor(tab, "loaded")["url"].toString(), "demo://news");
  EXPECT_EQ(session_.call({{"cmd", "reload"}, {"tab", tab}})["ok"], QJsonValue(true));
  EXPECT_EQ(session_.waitFor(tab, "loaded")["url"].toString(), "demo://news");
  EXPECT_EQ(session_.call({{"cmd", "close_tab"}, {"tab", tab}})["ok"], QJsonValue(true));
  EXPECT_TRUE(session_.call({{"cmd", "list_tabs"}})["tabs"].toArray().isEmpty());
}

TEST_F(ControlProtocol, AfterQuitNewWorkIsRefused) {
  auto other = session_.connect();
  ASSERT_TRUE(other);
  EXPECT_EQ(session_.call({{"cmd", "quit"}})["ok"], QJsonValue(true));
  std::string error;
  // Either the refusal or, if the browser is already gone, a closed connection.
  if (auto reply = other->request("{\"cmd\":\"open_tab\",\"url\":\"demo://home\"}", 5s, &error)) {
    EXPECT_TRUE(parseReply(*reply)["error"].toString().contains("quitting")) << *reply;
  }
  const auto status = session_.browser().waitForExit(5s);
  ASSERT_TRUE(status);
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0);
}

}  // namespace
}  // namespace sb::testing
