#include <string>

#include <gtest/gtest.h>

#include "tests/unit/renderer/renderer_test_support.h"

namespace sb::renderer::testing {
namespace {

// The field is the bordered white box right after the "Your message" heading.
wire::Rect fieldRect(const wire::DisplayList& list) {
  bool after_heading = false;
  for (const auto& item : list.items()) {
    if (item.has_text() && item.text().text() == "Your message") after_heading = true;
    if (after_heading && item.has_rect() && item.rect().border_argb() != 0 &&
        item.rect().argb() == 0xFFFFFFFF) {
      return item.rect().rect();
    }
  }
  ADD_FAILURE() << "no field";
  return {};
}

class FormPage : public ::testing::Test {
 protected:
  void SetUp() override { harness.navigate(1, "demo://form"); }

  void clickField() {
    const wire::Rect field = fieldRect(harness.lastList(1));
    harness.click(1, field.x() + 10, field.y() + 10);
  }
  std::string text() const { return allText(harness.lastList(1)); }
  bool contains(std::string_view needle) const { return text().find(needle) != std::string::npos; }

  CoreHarness harness;
};

TEST_F(FormPage, TypingWithoutFocusDoesNothing) {
  const size_t before = harness.sent.size();
  harness.type(1, "hello");
  EXPECT_EQ(harness.sent.size(), before);
}

TEST_F(FormPage, AClickInTheFieldFocusesAndHighlightsIt) {
  const wire::DisplayList unfocused = harness.lastList(1);
  clickField();
  const wire::DisplayList& focused = harness.lastList(1);
  EXPECT_EQ(focused.title(), "Form (typing)");
  EXPECT_NE(fieldRect(focused).x(), 0);
  EXPECT_NE(fieldRect(unfocused).y(), 0);
  // The highlighted border differs from the resting one.
  auto border = [](const wire::DisplayList& list) {
    bool after_heading = false;
    for (const auto& item : list.items()) {
      if (item.has_text() && item.text().text() == "Your message") after_heading = true;
      if (after_heading && item.has_rect() && item.rect().border_argb() != 0)
        return item.rect().border_argb();
    }
    return 0u;
  };
  EXPECT_NE(border(focused), border(unfocused));
}

TEST_F(FormPage, ClickingElsewhereBlursTheField) {
  clickField();
  harness.click(1, 1, 1);
  EXPECT_EQ(harness.lastList(1).title(), "Form");
}

TEST_F(FormPage, TypedTextAppearsLive) {
  clickField();
  harness.type(1, "Hel");
  harness.type(1, "lo");
  EXPECT_TRUE(contains("You typed: Hello"));
}

TEST_F(FormPage, BackspaceRemovesOneCharacterEvenWhenItIsMultiByte) {
  clickField();
  harness.type(1, "caf\xC3\xA9!");
  harness.press(1, wire::KeyInput::SPECIAL_BACKSPACE);
  EXPECT_TRUE(contains("You typed: caf\xC3\xA9\n"));
  harness.press(1, wire::KeyInput::SPECIAL_BACKSPACE);
  EXPECT_TRUE(contains("You typed: caf\n"));
  EXPECT_TRUE(respectsWireLimits(harness.lastList(1)));
}

TEST_F(FormPage, EnterSubmitsIntoTheListAndClearsTheField) {
  clickField();
  harness.type(1, "first");
  harness.press(1, wire::KeyInput::SPECIAL_ENTER);
  harness.type(1, "second");
  harness.press(1, wire::KeyInput::SPECIAL_ENTER);
  EXPECT_TRUE(contains("Submitted (2)"));
  EXPECT_TRUE(contains("1.  first"));
  EXPECT_TRUE(contains("2.  second"));
  EXPECT_TRUE(contains("You typed: (nothing yet)"));
}

TEST_F(FormPage, EnterOnAnEmptyFieldSubmitsNothing) {
  clickField();
  harness.press(1, wire::KeyInput::SPECIAL_ENTER);
  EXPECT_TRUE(contains("Submitted (0)"));
}

TEST_F(FormPage, EndlessTypingStaysInsideTheLimits) {
  clickField();
  for (int i = 0; i < 100; ++i) {
    harness.type(1, std::string(100, 'x') + "\n\t\x01");
    harness.press(1, wire::KeyInput::SPECIAL_ENTER);
  }
  harness.type(1, std::string(50000, 'y'));
  EXPECT_TRUE(respectsWireLimits(harness.lastList(1)));
  EXPECT_EQ(text().find('\t'), std::string::npos);
}

TEST_F(FormPage, StateIsLostOnNavigation) {
  clickField();
  harness.type(1, "precious");
  harness.press(1, wire::KeyInput::SPECIAL_ENTER);
  harness.navigate(1, "demo://home", 2);
  harness.navigate(1, "demo://form", 3);
  EXPECT_TRUE(contains("Submitted (0)"));
}

}  // namespace
}  // namespace sb::renderer::testing
