#pragma once

#include "apps/tools/ipcbench/endpoint.h"
#include "common/base/unique_fd.h"

namespace sb::ipcbench {

// A byte stream carries any message size as is: pipes and FIFOs (one descriptor per direction),
// stream sockets (one descriptor both ways).
class StreamEndpoint : public Endpoint {
 public:
  StreamEndpoint(UniqueFd read_fd, UniqueFd write_fd)
      : read_fd_(std::move(read_fd)), write_fd_(std::move(write_fd)) {}
  explicit StreamEndpoint(UniqueFd socket) : read_fd_(std::move(socket)) {}

  bool send(const uint8_t* data, size_t size) override;
  bool receive(uint8_t* data, size_t size) override;

 private:
  UniqueFd read_fd_;
  UniqueFd write_fd_;  // invalid for a socket: read_fd_ is used both ways
};

// The parent's and the child's ends of two one-way channels (pipes, FIFOs).
EndpointPair streamPair(UniqueFd parent_read, UniqueFd parent_write, UniqueFd child_read,
                        UniqueFd child_write);
EndpointPair socketPair(UniqueFd parent, UniqueFd child);

}  // namespace sb::ipcbench
