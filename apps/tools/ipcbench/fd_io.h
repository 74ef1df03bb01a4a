#pragma once

#include <cstddef>

namespace sb::ipcbench {

// Blocking loops over read()/write() until all `size` bytes moved (streams return short counts).
// False on error or end of file; errno says which (0 for end of file).
bool readFull(int fd, void* data, size_t size);
bool writeFull(int fd, const void* data, size_t size);

}  // namespace sb::ipcbench
