#include "apps/tools/ipcbench/stream_endpoint.h"

#include "apps/tools/ipcbench/fd_io.h"

namespace sb::ipcbench {

bool StreamEndpoint::send(const uint8_t* data, size_t size) {
  return writeFull(write_fd_ ? write_fd_.get() : read_fd_.get(), data, size);
}

bool StreamEndpoint::receive(uint8_t* data, size_t size) { return readFull(read_fd_.get(), data, size); }

EndpointPair streamPair(UniqueFd parent_read, UniqueFd parent_write, UniqueFd child_read,
                        UniqueFd child_write) {
  EndpointPair pair;
  pair.parent = std::make_unique<StreamEndpoint>(std::move(parent_read), std::move(parent_write));
  pair.child = std::make_unique<StreamEndpoint>(std::move(child_read), std::move(child_write));
  return pair;
}

EndpointPair socketPair(UniqueFd parent, UniqueFd child) {
  EndpointPair pair;
  pair.parent = std::make_unique<StreamEndpoint>(std::move(parent));
  pair.child = std::make_unique<StreamEndpoint>(std::move(child));
  return pair;
}

}  // namespace sb::ipcbench
