#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "apps/renderer/geometry.h"
#include "apps/renderer/page.h"
#include "apps/renderer/renderer_environment.h"
#include "sandbrowser.pb.h"

namespace sb::renderer {

// One tab hosted by this renderer: its current page, navigation, viewport and scroll position.
// It owns painting (layout, scroll, cull, send) and hit-testing; pages only describe content.
class Tab {
 public:
  Tab(uint32_t id, const RendererEnvironment& environment);
  ~Tab();
  Tab(const Tab&) = delete;
  Tab& operator=(const Tab&) = delete;

  void navigate(const wire::Navigate& navigate);
  void resize(int width, int height);
  void input(const wire::InputEvent& event);
  // The browser's answer to demo://ipc-lab; ignored by every other page.
  void ipcLabReport(const wire::IpcLabReport& report);
  // A plugin calls the page (forwarded by the browser as envelope `seq`): always answered, with
  // an error when the page answers no calls.
  void answerCall(uint64_t seq, const wire::Call& call);
  // The reply to the page's non-blocking call.
  void callReply(const wire::CallReply& reply);

 private:
  struct LinkTarget {
    Rect rect;  // page coordinates
    std::string href;
  };

  void setViewport(int width, int height);
  void repaint();
  void click(int x, int y);
  void scrollBy(int delta_y);
  void key(const wire::KeyInput& key);
  void openUrl(const std::string& href);
  void askIpcLab(bool start);
  std::optional<wire::CallReply> callPlugin(uint32_t box_id, const std::string& question,
                                            bool blocking);

  uint32_t id_;
  const RendererEnvironment& environment_;
  uint64_t navigation_id_ = 0;
  uint64_t frame_number_ = 0;
  int viewport_width_ = 1;
  int viewport_height_ = 1;
  int scroll_y_ = 0;
  int content_height_ = 0;
  std::vector<LinkTarget> links_;  // from the last layout sent
  std::unique_ptr<Page> page_;
};

}  // namespace sb::renderer
