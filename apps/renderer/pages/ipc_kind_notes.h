#pragma once

#include <string_view>
#include <vector>

namespace sb::renderer {

// What one IPC kind costs and allows, in the terms of the OS notes the project teaches from:
// copies of the data, trips into the kernel, the synchronisation it needs, who can use it.
struct IpcKindNote {
  std::string_view kind;  // the benchmark's kind name
  std::string_view title;
  std::string_view copies;
  std::string_view kernel;
  std::string_view sync;
  std::string_view who;
};

// In the benchmark's order.
const std::vector<IpcKindNote>& ipcKindNotes();
// Null for a kind the page has no note for.
const IpcKindNote* findIpcKindNote(std::string_view kind);

}  // namespace sb::renderer
