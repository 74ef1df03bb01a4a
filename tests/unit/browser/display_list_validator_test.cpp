#include "apps/browser/core/display_list_validator.h"

#include <gtest/gtest.h>

#include "common/ipc/wire_limits.h"

namespace sb::browser {
namespace {

using Limits = ipc::WireLimits;

wire::DisplayList goodList() {
  wire::DisplayList list;
  list.set_title("ok");
  list.set_content_height(1000);
  auto* text = list.add_items()->mutable_text();
  text->set_text("hello");
  text->set_pixel_size(16);
  text->mutable_rect()->set_width(100);
  text->mutable_rect()->set_height(20);
  auto* image = list.add_items()->mutable_image();
  image->set_width(2);
  image->set_height(2);
  image->set_rgba(std::string(16, '\x7f'));
  return list;
}

TEST(DisplayListValidator, AcceptsAWellFormedList) { EXPECT_FALSE(validateDisplayList(goodList())); }

TEST(DisplayListValidator, RejectsEachKindOfViolation) {
  auto expectRejected = [](auto mutate, const char* what) {
    wire::DisplayList list = goodList();
    mutate(list);
    EXPECT_TRUE(validateDisplayList(list)) << what;
  };
  expectRejected([](auto& l) { l.set_title(std::string(Limits::kMaxTitleBytes + 1, 't')); }, "long title");
  expectRejected([](auto& l) { l.set_content_height(-1); }, "negative height");
  expectRejected([](auto& l) { l.set_scroll_y(5000); }, "scroll past content");
  expectRejected([](auto& l) { l.mutable_items(0)->mutable_text()->set_pixel_size(0); }, "pixel size 0");
  expectRejected([](auto& l) { l.mutable_items(0)->mutable_text()->set_text(std::string(Limits::kMaxTextBytes + 1, 'x')); },
                 "long text");
  expectRejected([](auto& l) { l.mutable_items(0)->mutable_text()->mutable_rect()->set_width(-5); }, "negative width");
  expectRejected([](auto& l) { l.mutable_items(0)->mutable_text()->mutable_rect()->set_x(Limits::kMaxCoordinate + 1); },
                 "x out of range");
  expectRejected([](auto& l) { l.mutable_items(1)->mutable_image()->set_rgba("short"); }, "pixel size mismatch");
  expectRejected([](auto& l) { l.mutable_items(1)->mutable_image()->set_width(Limits::kMaxImageSide + 1); },
                 "image too wide");
  expectRejected([](auto& l) { l.add_items(); }, "item with no kind");
  expectRejected(
      [](auto& l) {
        for (size_t i = 0; i < Limits::kMaxDisplayItems; ++i) l.add_items()->mutable_rect();
      },
      "too many items");
}

}  // namespace
}  // namespace sb::browser

namespace sb::browser {
namespace {

wire::PluginBox* addPluginBox(wire::DisplayList& list, const char* type, uint32_t id) {
  auto* box = list.add_items()->mutable_plugin();
  box->set_type(type);
  box->set_box_id(id);
  box->mutable_rect()->set_width(300);
  box->mutable_rect()->set_height(100);
  return box;
}

TEST(DisplayListValidator, AcceptsPluginBoxesOfKnownTypes) {
  wire::DisplayList list;
  addPluginBox(list, "ticker", 1);
  addPluginBox(list, "ball", 2);
  EXPECT_FALSE(validateDisplayList(list));
}

TEST(DisplayListValidator, RejectsBadPluginBoxes) {
  auto reason = [](auto&& mutate) {
    wire::DisplayList list;
    mutate(list);
    return validateDisplayList(list).value_or("accepted");
  };
  EXPECT_EQ(reason([](auto& l) { addPluginBox(l, "flash", 1); }), "plugin box of unknown type");
  EXPECT_EQ(reason([](auto& l) { addPluginBox(l, "ticker", 0); }), "plugin box without an id");
  EXPECT_EQ(reason([](auto& l) { addPluginBox(l, "ticker", 1)->mutable_rect()->set_width(0); }),
            "plugin box size out of range");
  EXPECT_EQ(reason([](auto& l) { addPluginBox(l, "ticker", 1)->mutable_rect()->set_height(5000); }),
            "plugin box size out of range");
  EXPECT_EQ(reason([](auto& l) { addPluginBox(l, "ticker", 1)->mutable_rect()->set_x(-2'000'000); }),
            "plugin box rectangle out of range");
  EXPECT_EQ(reason([](auto& l) {
              addPluginBox(l, "ticker", 3);
              addPluginBox(l, "ball", 3);
            }),
            "two plugin boxes with one id");
  EXPECT_EQ(reason([](auto& l) {
              for (uint32_t id = 1; id <= Limits::kMaxPluginBoxes + 1; ++id) addPluginBox(l, "ball", id);
            }),
            "too many plugin boxes");
}

TEST(DisplayListValidator, PluginContentHoldsNoLinksOrBoxes) {
  wire::DisplayList content = goodList();
  EXPECT_FALSE(validatePluginContent(content));
  content.add_items()->mutable_link()->set_href("demo://home");
  EXPECT_TRUE(validatePluginContent(content));
  wire::DisplayList nested;
  addPluginBox(nested, "ticker", 1);
  EXPECT_TRUE(validatePluginContent(nested));
}

}  // namespace
}  // namespace sb::browser
