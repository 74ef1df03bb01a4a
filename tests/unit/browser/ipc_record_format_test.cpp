#include "apps/browser/core/ipc_record_format.h"

#include <gtest/gtest.h>

#include <QString>

#include "tests/support/ipc_sample_records.h"

namespace sb::browser {
namespace {

using testing::samplePayload;

IpcPayload payloadOf(const wire::Envelope& envelope) { return samplePayload(envelope); }

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

bool validUtf8(const std::string& text) {
  return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()))
             .toUtf8()
             .toStdString() == text;
}

TEST(IpcRecordFormat, DecodesAPayloadOrSaysWhyNot) {
  DecodedEnvelope good = decodeEnvelope(payloadOf(testing::sampleNavigate()));
  ASSERT_TRUE(good.envelope) << good.error;
  EXPECT_EQ(good.envelope->navigate().url(), "demo://clock");

  DecodedEnvelope none = decodeEnvelope(nullptr);
  EXPECT_FALSE(none.envelope);
  EXPECT_TRUE(contains(none.error, "not kept")) << none.error;

  DecodedEnvelope garbage = decodeEnvelope(std::make_shared<const std::string>("\xff\xff\xff\xff"));
  EXPECT_FALSE(garbage.envelope);
  EXPECT_TRUE(contains(garbage.error, "not a valid sb.wire.Envelope")) << garbage.error;
  EXPECT_TRUE(contains(garbage.error, "4 bytes")) << garbage.error;
}

TEST(IpcRecordFormat, TextShowsTheEnvelopeInTextFormat) {
  const std::string text = bodyAsText(payloadOf(testing::sampleNavigate()));
  EXPECT_TRUE(contains(text, "seq: 1\n")) << text;
  EXPECT_TRUE(contains(text, "navigate {\n  navigation_id: 1\n  url: \"demo://clock\"\n")) << text;
}

TEST(IpcRecordFormat, TextAbbreviatesLongBytesAndSaysHowMuchWasCut) {
  // A 512 x 512 image: 1 MiB of pixels in one bytes field.
  const IpcPayload payload = payloadOf(testing::sampleDisplayList(512));
  ASSERT_GT(payload->size(), 1u << 20);
  const std::string text = bodyAsText(payload);
  EXPECT_LT(text.size(), 4096u);
  EXPECT_TRUE(contains(text, "# 1048320 more bytes not shown (1048576 in all)")) << text;
  EXPECT_TRUE(contains(text, "title: \"Clock\"")) << text;
}

TEST(IpcRecordFormat, TextCutsLongStringsOnACharacterBoundary) {
  wire::Envelope envelope;
  std::string korean;
  for (int i = 0; i < 200; ++i) korean += "한";  // 3 bytes each: 256 falls inside a character
  envelope.mutable_log_record()->set_text(korean);
  const std::string text = bodyAsText(payloadOf(envelope));
  EXPECT_TRUE(validUtf8(text)) << text;
  EXPECT_TRUE(contains(text, "text: \"한한")) << text;  // readable, not octal escapes
  EXPECT_TRUE(contains(text, "# 345 more bytes not shown (600 in all)")) << text;
}

TEST(IpcRecordFormat, TextOfAHugeBodyIsCutAndSaysSo) {
  wire::Envelope envelope;
  auto* list = envelope.mutable_display_list();
  for (int i = 0; i < 100'000; ++i) list->add_items()->mutable_text()->set_text("row");
  FormatLimits limits;
  limits.max_text_bytes = 64 * 1024;
  const IpcPayload payload = payloadOf(envelope);
  const std::string text = bodyAsText(payload, limits);
  EXPECT_LE(text.size(), limits.max_text_bytes + 200);
  EXPECT_TRUE(contains(text, "text cut at 65536 bytes")) << text.substr(text.size() - 200);
  EXPECT_TRUE(contains(text, std::to_string(payload->size()) + " bytes on the wire"));
}

TEST(IpcRecordFormat, TextShowsFieldsTheSchemaDoesNotKnow) {
  const auto records = testing::sampleRecords();
  const IpcRecord& hostile = records[5];
  const std::string text = bodyAsText(hostile.payload);
  EXPECT_TRUE(contains(text, "99: 5")) << text;
  EXPECT_TRUE(contains(text, "url: \"demo://home\"")) << text;
}

TEST(IpcRecordFormat, TextAndJsonOfAMissingOrBrokenPayloadAreTheDecodeError) {
  EXPECT_EQ(bodyAsText(nullptr), decodeEnvelope(nullptr).error);
  EXPECT_EQ(bodyAsJson(nullptr), decodeEnvelope(nullptr).error);
  const IpcPayload garbage = std::make_shared<const std::string>("\xff\xff");
  EXPECT_EQ(bodyAsText(garbage), decodeEnvelope(garbage).error);
}

TEST(IpcRecordFormat, JsonIsCompactOrPrettyWithProtoFieldNames) {
  const IpcPayload payload = payloadOf(testing::sampleNavigate());
  const std::string compact = bodyAsJson(payload, JsonStyle::kCompact);
  EXPECT_FALSE(contains(compact, "\n")) << compact;
  EXPECT_TRUE(contains(compact, "\"seq\":\"1\"")) << compact;
  EXPECT_TRUE(contains(compact, "\"navigate\":{")) << compact;
  EXPECT_TRUE(contains(compact, "\"viewport_width\":800")) << compact;

  const std::string pretty = bodyAsJson(payload);
  EXPECT_TRUE(contains(pretty, "\n")) << pretty;
  EXPECT_TRUE(contains(pretty, "\"url\": \"demo://clock\"")) << pretty;
}

TEST(IpcRecordFormat, JsonOfAHugeBodyIsCutAndSaysSo) {
  FormatLimits limits;
  limits.max_text_bytes = 4096;
  const std::string json =
      bodyAsJson(payloadOf(testing::sampleDisplayList(512)), JsonStyle::kCompact, limits);
  EXPECT_LE(json.size(), 4096u + 200);
  EXPECT_TRUE(contains(json, "JSON cut at 4096 bytes")) << json.substr(json.size() - 200);
}

TEST(IpcRecordFormat, HexDumpShowsTheHeaderThenThePayload) {
  const IpcPayload payload = std::make_shared<const std::string>("ABCDEFGHIJKLMNOPQRS");  // 19
  const std::string expected =
      "00000000  13 00 00 00 41 42 43 44  45 46 47 48 49 4a 4b 4c  |....ABCDEFGHIJKL|\n"
      "00000010  4d 4e 4f 50 51 52 53" +
      std::string(28, ' ') + "  |MNOPQRS|\n";
  EXPECT_EQ(frameHexDump(payload), expected);
}

TEST(IpcRecordFormat, HexDumpIsBoundedAndSaysHowManyBytesAreNotShown) {
  const IpcPayload payload = std::make_shared<const std::string>(64 * 1024, '\x01');
  const std::string dump = frameHexDump(payload, 1024);
  EXPECT_EQ(std::count(dump.begin(), dump.end(), '\n'), 64 + 1);
  EXPECT_TRUE(contains(dump, "… 64516 more bytes (65540 in the frame)\n"))
      << dump.substr(dump.size() - 100);
  EXPECT_TRUE(contains(frameHexDump(nullptr), "not kept"));
}

TEST(IpcRecordFormat, SummarisesEachKindOnOneLine) {
  const auto records = testing::sampleRecords();
  EXPECT_EQ(bodySummary(records[0].payload), "navigate demo://clock");
  EXPECT_EQ(bodySummary(records[1].payload), "display_list 2 items, frame 3 \"Clock\"");
  EXPECT_EQ(bodySummary(records[2].payload), "ping 3 bytes");
  EXPECT_EQ(bodySummary(records[3].payload), "pong 3 bytes");
  EXPECT_EQ(bodySummary(records[4].payload), "log_record warn: slow frame second line 한국어");
  EXPECT_EQ(bodySummary(records[5].payload), "open_url demo://home");
  EXPECT_EQ(bodySummary(records[6].payload), "(body not kept)");
  EXPECT_EQ(bodySummary(std::make_shared<const std::string>("\xff\xff")), "(not an Envelope)");

  wire::Envelope empty;
  EXPECT_EQ(bodySummary(empty), "(no body)");
  const IpcPayload unknown = samplePayload(empty, std::string("\x98\x06\x05", 3));
  EXPECT_EQ(bodySummary(unknown), "(unknown body: field 99)");

  wire::Envelope fault;
  fault.mutable_debug_fault()->set_kind(wire::DebugFault::KIND_SEGV);
  EXPECT_EQ(bodySummary(fault), "debug_fault segv");
  wire::Envelope click;
  click.mutable_input()->mutable_click()->set_x(10);
  click.mutable_input()->mutable_click()->set_y(20);
  EXPECT_EQ(bodySummary(click), "input click 10,20");
  wire::Envelope hello;
  hello.mutable_hello()->set_kind(wire::PROCESS_KIND_GPU);
  hello.mutable_hello()->set_pid(77);
  hello.mutable_hello()->set_protocol_version(wire::PROTOCOL_VERSION_CURRENT);
  EXPECT_EQ(bodySummary(hello), "hello gpu pid 77 v1, no sandbox");
}

TEST(IpcRecordFormat, SummaryCutsLongTextAndHidesControlCharacters) {
  wire::Envelope envelope;
  envelope.mutable_log_record()->set_level(wire::LOG_LEVEL_ERROR);
  envelope.mutable_log_record()->set_text("\x1b[31mred\x1b[0m " + std::string(200, 'x'));
  const std::string summary = bodySummary(envelope);
  EXPECT_EQ(summary.find('\x1b'), std::string::npos) << summary;
  EXPECT_EQ(summary.rfind("log_record error:  [31mred [0m xxx", 0), 0u) << summary;
  EXPECT_LT(summary.size(), 120u);
  EXPECT_EQ(summary.substr(summary.size() - 3), "…");
}

}  // namespace
}  // namespace sb::browser
