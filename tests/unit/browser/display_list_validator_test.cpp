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
