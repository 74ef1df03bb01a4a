// What the GPU process hands back is exactly what the browser would have painted itself, and it
// reaches the browser as a read-only shared mapping.
#include <gtest/gtest.h>

#include <QCryptographicHash>
#include <QImage>
#include <QPainter>
#include <memory>
#include <sstream>
#include <string>

#include "apps/browser/core/browser.h"
#include "apps/browser/core/gpu_host.h"
#include "common/paint/display_list_painter.h"
#include "tests/integration/gpu_waits.h"
#include "tests/integration/tab_waits.h"

namespace sb::browser {
namespace {

using namespace std::chrono_literals;
using sb::testing::hasFreshFrame;
using sb::testing::openLoaded;
using sb::testing::waitUntil;

QImage paintInSoftware(const wire::DisplayList& list, QSize size) {
  QImage image(size, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::transparent);
  QPainter painter(&image);
  paint::paintDisplayList(painter, list, image.rect());
  return image;
}

QByteArray checksum(const QImage& image) {
  QCryptographicHash hash(QCryptographicHash::Sha256);
  for (int y = 0; y < image.height(); ++y) {
    hash.addData(
        QByteArrayView(reinterpret_cast<const char*>(image.constScanLine(y)), image.width() * 4));
  }
  return hash.result().toHex();
}

int differingPixels(const QImage& a, const QImage& b) {
  int count = 0;
  for (int y = 0; y < a.height(); ++y) {
    const auto* ra = reinterpret_cast<const QRgb*>(a.constScanLine(y));
    const auto* rb = reinterpret_cast<const QRgb*>(b.constScanLine(y));
    for (int x = 0; x < a.width(); ++x) count += ra[x] != rb[x];
  }
  return count;
}

// On a mismatch both images go to /tmp for a person to look at.
void expectSamePixels(const QImage& gpu, const QImage& software, const std::string& what) {
  ASSERT_EQ(gpu.size(), software.size()) << what;
  ASSERT_EQ(gpu.format(), software.format()) << what;
  const QByteArray gpu_sum = checksum(gpu);
  const QByteArray software_sum = checksum(software);
  if (gpu_sum == software_sum) return;
  const std::string stem = "/tmp/sb-gpu-frame-" + what;
  gpu.save(QString::fromStdString(stem + "-gpu.png"));
  software.save(QString::fromStdString(stem + "-software.png"));
  ADD_FAILURE() << what << ": " << differingPixels(gpu, software) << " pixels differ (sha256 "
                << gpu_sum.toStdString() << " vs " << software_sum.toStdString() << "); see "
                << stem << "-*.png";
}

// Lines of /proc/self/maps naming a surface memfd.
std::vector<std::string> surfaceMappings() {
  std::istringstream maps(sb::testing::readProcFile("/proc/self/maps"));
  std::vector<std::string> lines;
  for (std::string line; std::getline(maps, line);) {
    if (line.find("memfd:sb-surface-") != std::string::npos) lines.push_back(line);
  }
  return lines;
}

TEST(GpuFrames, PixelsInTheBrowserEqualWhatTheGpuProcessDrew) {
  Browser browser({});
  const int tab = openLoaded(browser, "demo://home");
  ASSERT_GT(tab, 0);
  ASSERT_TRUE(waitUntil([&] { return hasFreshFrame(browser.gpu(), tab); }, 15s))
      << browser.gpu().statusText().toStdString();
  // demo://home sends one list; give a late second one the chance to be painted before comparing.
  const uint64_t shown = browser.gpu().framesShown();
  sb::testing::spinFor(300ms);
  if (browser.gpu().framesShown() != shown) {
    ASSERT_TRUE(waitUntil([&] { return hasFreshFrame(browser.gpu(), tab); }, 10s));
  }

  const GpuHost::Frame* frame = browser.gpu().frame(tab);
  ASSERT_NE(frame, nullptr);
  const Tab* t = browser.tab(tab);
  ASSERT_NE(t->composed, nullptr);
  EXPECT_EQ(frame->image.size(), t->viewport);
  EXPECT_EQ(frame->image.format(), QImage::Format_ARGB32_Premultiplied);
  const QImage software = paintInSoftware(*t->composed, frame->image.size());
  expectSamePixels(frame->image, software, "home");

  // The pixels arrive through the surface memfds, mapped read-only and shared.
  const auto mappings = surfaceMappings();
  ASSERT_FALSE(mappings.empty()) << sb::testing::readProcFile("/proc/self/maps");
  for (const auto& line : mappings) {
    std::istringstream fields(line);
    std::string range, perms;
    fields >> range >> perms;
    EXPECT_EQ(perms, "r--s") << line;
  }
  // ...and the frame's image points into one of them.
  bool inside = false;
  const auto address = reinterpret_cast<uintptr_t>(frame->image.constBits());
  for (const auto& line : mappings) {
    std::istringstream fields(line);
    std::string range;
    fields >> range;
    const auto dash = range.find('-');
    const uintptr_t begin = std::stoull(range.substr(0, dash), nullptr, 16);
    const uintptr_t end = std::stoull(range.substr(dash + 1), nullptr, 16);
    inside = inside || (address >= begin && address < end);
  }
  EXPECT_TRUE(inside) << "frame pixels at " << std::hex << address
                      << " are not in a surface mapping";
}

// No fonts involved: coloured rectangles, painted by a GpuHost of its own (no Browser).
TEST(GpuFrames, FillRectsPaintedByTheGpuProcessMatchExactly) {
  GpuHost::Options options;
  options.process.executable = "sandbrowser-gpu";
  GpuHost gpu(options);
  gpu.start();

  auto list = std::make_shared<wire::DisplayList>();
  list->set_background_argb(0xFF202020);
  const struct {
    int x, y, w, h;
    uint32_t argb;
    uint32_t border;
    int radius;
  } rects[] = {{0, 0, 40, 30, 0xFFFF0000, 0, 0},   {20, 10, 50, 40, 0xFF00FF00, 0, 0},
               {60, 5, 30, 60, 0x800000FF, 0, 0},  {5, 50, 70, 20, 0xFFFFFF00, 0xFF000000, 0},
               {90, 40, 40, 40, 0xFF00FFFF, 0, 8}, {0, 0, 1, 1, 0xFFFFFFFF, 0, 0}};
  for (const auto& r : rects) {
    auto* fill = list->add_items()->mutable_rect();
    fill->mutable_rect()->set_x(r.x);
    fill->mutable_rect()->set_y(r.y);
    fill->mutable_rect()->set_width(r.w);
    fill->mutable_rect()->set_height(r.h);
    fill->set_argb(r.argb);
    fill->set_border_argb(r.border);
    fill->set_corner_radius(r.radius);
  }
  const QSize size(131, 77);  // odd sizes: no row padding hides a stride mistake
  gpu.submit(7, size, list);
  ASSERT_TRUE(waitUntil([&] { return hasFreshFrame(gpu, 7); }, 15s))
      << gpu.statusText().toStdString();
  expectSamePixels(gpu.frame(7)->image, paintInSoftware(*list, size), "rects");
  EXPECT_EQ(gpu.frame(7)->image.pixel(0, 0), 0xFFFFFFFFu);
  EXPECT_EQ(gpu.frame(7)->image.pixel(130, 76), 0xFF202020u);

  // A second list goes to the other buffer; the first is given back.
  auto second = std::make_shared<wire::DisplayList>(*list);
  second->set_background_argb(0xFF0000AA);
  const uint64_t first_number = gpu.frame(7)->frame_number;
  const uint32_t first_buffer = gpu.frame(7)->buffer_index;
  gpu.submit(7, size, second);
  ASSERT_TRUE(waitUntil([&] { return hasFreshFrame(gpu, 7, first_number); }, 10s));
  EXPECT_NE(gpu.frame(7)->buffer_index, first_buffer);
  expectSamePixels(gpu.frame(7)->image, paintInSoftware(*second, size), "rects-second");
  EXPECT_EQ(gpu.framesShown(), 2u);

  gpu.shutdown();
  EXPECT_TRUE(waitUntil([&] { return !gpu.live(); }, 5s));
  EXPECT_EQ(gpu.totalCrashes(), 0);
}

// A viewport the GPU process cannot make a surface for (over 64 MiB a buffer, still inside the
// wire limit of 16384 a side): the tab must still show its current content, from the GPU or
// painted in software, never the frame of the old size for ever.
TEST(GpuFrames, AViewportTooLargeForAGpuSurfaceStillShowsTheCurrentPage) {
  Browser browser({});
  const int tab = openLoaded(browser, "demo://clock");
  ASSERT_GT(tab, 0);
  ASSERT_TRUE(waitUntil([&] { return hasFreshFrame(browser.gpu(), tab); }, 15s));
  const QSize huge(7680, 4320);  // an 8K screen: 132 MB a buffer
  browser.resizeViewport(tab, huge);
  ASSERT_EQ(browser.tab(tab)->viewport, huge);
  const bool current = waitUntil(
      [&] {
        const GpuHost::Frame* frame = browser.gpu().frame(tab);
        const Tab* t = browser.tab(tab);
        return t->composed && (!frame || frame->image.size() == huge);
      },
      10s);
  const GpuHost::Frame* frame = browser.gpu().frame(tab);
  EXPECT_TRUE(current) << "the tab still shows a " << (frame ? frame->image.width() : 0) << "x"
                       << (frame ? frame->image.height() : 0) << " GPU frame (stale "
                       << (frame && frame->stale) << ") for a " << huge.width() << "x"
                       << huge.height() << " viewport; "
                       << browser.gpu().statusText().toStdString();
  EXPECT_EQ(browser.gpu().totalCrashes(), 0);
  EXPECT_EQ(browser.tab(tab)->state, TabState::kLoaded);
}

}  // namespace
}  // namespace sb::browser
