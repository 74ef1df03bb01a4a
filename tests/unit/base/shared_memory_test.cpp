#include "common/base/shared_memory.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "common/base/unique_fd.h"

namespace sb {
namespace {

constexpr size_t kSize = 3 * 4096 + 100;  // not a whole number of pages, on purpose

SharedMemory createOrFail(size_t size = kSize) {
  auto created = SharedMemory::create("sb-test", size);
  if (auto* error = std::get_if<std::string>(&created)) {
    ADD_FAILURE() << "create: " << *error;
    return SharedMemory();
  }
  return std::move(std::get<SharedMemory>(created));
}

// The refusal message, or a test failure if the mapping was (wrongly) made.
std::string refusalOf(UniqueFd fd, size_t min_size) {
  auto mapped = SharedMemory::mapReadOnly(std::move(fd), min_size);
  if (auto* error = std::get_if<std::string>(&mapped)) return *error;
  ADD_FAILURE() << "mapReadOnly accepted what it should refuse";
  return {};
}

// True when [data, data + size) is no longer mapped in this process (mincore fails with ENOMEM).
bool unmapped(const void* data, size_t size) {
  const long page = ::sysconf(_SC_PAGESIZE);
  std::vector<unsigned char> pages((size + static_cast<size_t>(page) - 1) / static_cast<size_t>(page));
  return ::mincore(const_cast<void*>(data), size, pages.data()) != 0 && errno == ENOMEM;
}

TEST(SharedMemoryTest, CreateGivesAZeroedWritableMappingOfTheSize) {
  SharedMemory memory = createOrFail();
  ASSERT_TRUE(memory.valid());
  EXPECT_EQ(memory.size(), kSize);
  ASSERT_NE(memory.writableData(), nullptr);
  EXPECT_EQ(memory.writableData(), memory.data());
  EXPECT_GE(memory.fd(), 0);
  for (size_t i = 0; i < kSize; ++i) ASSERT_EQ(memory.data()[i], 0) << "byte " << i;
  // Every byte is writable, the last one included.
  std::memset(memory.writableData(), 0xab, kSize);
  EXPECT_EQ(memory.data()[kSize - 1], 0xab);
}

TEST(SharedMemoryTest, CreateSealsTheMemfd) {
  SharedMemory memory = createOrFail();
  const int seals = ::fcntl(memory.fd(), F_GET_SEALS);
  ASSERT_GE(seals, 0) << std::strerror(errno);
  EXPECT_TRUE(seals & F_SEAL_SHRINK);
  EXPECT_TRUE(seals & F_SEAL_GROW);
  EXPECT_TRUE(seals & F_SEAL_SEAL);
  EXPECT_EQ(::fcntl(memory.fd(), F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
}

TEST(SharedMemoryTest, CreateRefusesZeroBytes) {
  auto created = SharedMemory::create("sb-test", 0);
  ASSERT_TRUE(std::holds_alternative<std::string>(created));
  EXPECT_EQ(std::get<std::string>(created), "shared memory of 0 bytes");
}

TEST(SharedMemoryTest, WritesAreVisibleThroughAReadOnlyMappingOfADup) {
  SharedMemory writer = createOrFail();
  std::memcpy(writer.writableData(), "before", 6);
  auto mapped = SharedMemory::mapReadOnly(duplicateFd(writer.fd()), kSize);
  ASSERT_TRUE(std::holds_alternative<SharedMemory>(mapped)) << std::get<std::string>(mapped);
  SharedMemory& reader = std::get<SharedMemory>(mapped);
  EXPECT_TRUE(reader.valid());
  EXPECT_EQ(reader.size(), kSize);
  EXPECT_EQ(reader.writableData(), nullptr);
  EXPECT_EQ(reader.fd(), -1) << "a read-only mapping keeps no descriptor";
  EXPECT_NE(reader.data(), writer.data()) << "a second mapping, not the same one";
  EXPECT_EQ(std::memcmp(reader.data(), "before", 6), 0);
  // Written after the reader mapped it: the same pages, so the reader sees it at once.
  std::memcpy(writer.writableData(), "after!", 6);
  writer.writableData()[kSize - 1] = 0x5a;
  EXPECT_EQ(std::memcmp(reader.data(), "after!", 6), 0);
  EXPECT_EQ(reader.data()[kSize - 1], 0x5a);
}

TEST(SharedMemoryTest, ReadOnlyMappingOfAPrefix) {
  SharedMemory writer = createOrFail();
  auto mapped = SharedMemory::mapReadOnly(duplicateFd(writer.fd()), 4096);
  ASSERT_TRUE(std::holds_alternative<SharedMemory>(mapped)) << std::get<std::string>(mapped);
  EXPECT_EQ(std::get<SharedMemory>(mapped).size(), 4096u);
}

TEST(SharedMemoryTest, RefusesAPipe) {
  int fds[2];
  ASSERT_EQ(::pipe2(fds, O_CLOEXEC), 0);
  UniqueFd read_end(fds[0]);
  UniqueFd write_end(fds[1]);
  const std::string error = refusalOf(std::move(read_end), 4096);
  EXPECT_NE(error.find("not a memfd"), std::string::npos) << error;
  EXPECT_NE(error.find("EINVAL"), std::string::npos) << error;
}

TEST(SharedMemoryTest, RefusesAPlainFile) {
  // A regular file of the right size: everything but a memfd. On most file systems F_GET_SEALS
  // fails ("not a memfd"); a tmpfs file answers with no shrink seal. Refused either way.
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  UniqueFd fd(::fcntl(::fileno(file), F_DUPFD_CLOEXEC, 0));
  std::fclose(file);
  ASSERT_TRUE(fd);
  ASSERT_EQ(::ftruncate(fd.get(), 8192), 0);
  const std::string error = refusalOf(std::move(fd), 4096);
  EXPECT_TRUE(error.find("not a memfd") != std::string::npos ||
              error.find("memfd not sealed against shrinking") != std::string::npos)
      << error;
}

TEST(SharedMemoryTest, RefusesAnUnsealedMemfd) {
  UniqueFd fd(::memfd_create("sb-unsealed", MFD_CLOEXEC | MFD_ALLOW_SEALING));
  ASSERT_TRUE(fd);
  ASSERT_EQ(::ftruncate(fd.get(), 8192), 0);
  EXPECT_EQ(refusalOf(std::move(fd), 4096), "memfd not sealed against shrinking");
}

TEST(SharedMemoryTest, RefusesAMemfdThatCannotBeSealed) {
  // Without MFD_ALLOW_SEALING the memfd is born with F_SEAL_SEAL only: it could shrink any time.
  UniqueFd fd(::memfd_create("sb-no-sealing", MFD_CLOEXEC));
  ASSERT_TRUE(fd);
  ASSERT_EQ(::ftruncate(fd.get(), 8192), 0);
  EXPECT_EQ(refusalOf(std::move(fd), 4096), "memfd not sealed against shrinking");
}

TEST(SharedMemoryTest, RefusesAMemfdSmallerThanMinSize) {
  SharedMemory writer = createOrFail(4096);
  EXPECT_EQ(refusalOf(duplicateFd(writer.fd()), 4097), "memfd holds 4096 bytes, 4097 needed");
}

TEST(SharedMemoryTest, RefusesSizeZero) {
  SharedMemory writer = createOrFail();
  EXPECT_EQ(refusalOf(duplicateFd(writer.fd()), 0), "nothing to map");
}

TEST(SharedMemoryTest, RefusesAnInvalidFd) {
  EXPECT_EQ(refusalOf(UniqueFd(), 4096), "no descriptor");
  EXPECT_EQ(refusalOf(UniqueFd(-1), 4096), "no descriptor");
}

TEST(SharedMemoryTest, RefusesAClosedFdNumber) {
  // A number that is not an open descriptor (far above anything this process has open).
  const std::string error = refusalOf(UniqueFd(1 << 20), 4096);
  EXPECT_NE(error.find("EBADF"), std::string::npos) << error;
}

TEST(SharedMemoryTest, ReadOnlyMappingReallyIsReadOnly) {
  SharedMemory writer = createOrFail();
  auto mapped = SharedMemory::mapReadOnly(duplicateFd(writer.fd()), kSize);
  ASSERT_TRUE(std::holds_alternative<SharedMemory>(mapped)) << std::get<std::string>(mapped);
  SharedMemory& reader = std::get<SharedMemory>(mapped);

  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0) << std::strerror(errno);
  if (pid == 0) {
    // The child dies of the default SIGSEGV action (no core file, no sanitizer handler).
    const rlimit no_core{0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);
    ::signal(SIGSEGV, SIG_DFL);
    volatile uint8_t* target = const_cast<uint8_t*>(reader.data());
    target[0] = 1;
    ::_exit(0);  // reached only if the write went through
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status)) << "child exited with " << (WIFEXITED(status) ? WEXITSTATUS(status) : -1)
                                   << " instead of dying";
  EXPECT_EQ(WTERMSIG(status), SIGSEGV);
  EXPECT_EQ(writer.data()[0], 0) << "the write must not have reached the memory";
}

TEST(SharedMemoryTest, ShrinkingIsRefusedBySeal) {
  SharedMemory memory = createOrFail();
  errno = 0;
  EXPECT_NE(::ftruncate(memory.fd(), 4096), 0);
  EXPECT_EQ(errno, EPERM);
  errno = 0;
  EXPECT_NE(::ftruncate(memory.fd(), 0), 0);
  EXPECT_EQ(errno, EPERM);
  // Growing is sealed too, and the seals themselves cannot be removed or added to.
  errno = 0;
  EXPECT_NE(::ftruncate(memory.fd(), static_cast<off_t>(kSize) * 2), 0);
  EXPECT_EQ(errno, EPERM);
  errno = 0;
  EXPECT_NE(::fcntl(memory.fd(), F_ADD_SEALS, F_SEAL_WRITE), 0);
  EXPECT_EQ(errno, EPERM);
  struct stat info {};
  ASSERT_EQ(::fstat(memory.fd(), &info), 0);
  EXPECT_EQ(static_cast<size_t>(info.st_size), kSize);
}

TEST(SharedMemoryTest, MoveConstructionTransfersTheMapping) {
  SharedMemory source = createOrFail();
  source.writableData()[0] = 7;
  const uint8_t* data = source.data();
  const int fd = source.fd();

  SharedMemory moved(std::move(source));
  EXPECT_TRUE(moved.valid());
  EXPECT_EQ(moved.data(), data);
  EXPECT_EQ(moved.writableData(), data);
  EXPECT_EQ(moved.size(), kSize);
  EXPECT_EQ(moved.fd(), fd);
  EXPECT_EQ(moved.data()[0], 7);
  // The moved-from object owns nothing (and its destructor unmaps nothing).
  EXPECT_FALSE(source.valid());  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(source.data(), nullptr);
  EXPECT_EQ(source.writableData(), nullptr);
  EXPECT_EQ(source.size(), 0u);
  EXPECT_EQ(source.fd(), -1);
}

TEST(SharedMemoryTest, MoveAssignmentUnmapsWhatTheTargetHeld) {
  SharedMemory target = createOrFail(4096);
  const uint8_t* old_data = target.data();
  SharedMemory source = createOrFail();
  const uint8_t* data = source.data();
  const int fd = source.fd();

  target = std::move(source);
  EXPECT_TRUE(unmapped(old_data, 4096)) << "the target's previous mapping leaked";
  EXPECT_EQ(target.data(), data);
  EXPECT_EQ(target.size(), kSize);
  EXPECT_EQ(target.fd(), fd);
  EXPECT_FALSE(source.valid());  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(source.fd(), -1);

  // Self-assignment (through a reference, as generic code would do it) keeps the mapping.
  SharedMemory& alias = target;
  target = std::move(alias);
  EXPECT_EQ(target.data(), data);
  EXPECT_EQ(target.size(), kSize);
}

TEST(SharedMemoryTest, DestructionUnmaps) {
  const uint8_t* data = nullptr;
  {
    SharedMemory memory = createOrFail();
    data = memory.data();
    ASSERT_FALSE(unmapped(data, kSize));
  }
  EXPECT_TRUE(unmapped(data, kSize));
}

TEST(SharedMemoryTest, ClosingTheFdKeepsTheMapping) {
  SharedMemory memory = createOrFail();
  memory.closeFd();
  EXPECT_EQ(memory.fd(), -1);
  ASSERT_TRUE(memory.valid());
  memory.writableData()[kSize - 1] = 3;
  EXPECT_EQ(memory.data()[kSize - 1], 3);
}

TEST(SharedMemoryTest, DefaultConstructedIsEmpty) {
  SharedMemory memory;
  EXPECT_FALSE(memory.valid());
  EXPECT_EQ(memory.data(), nullptr);
  EXPECT_EQ(memory.size(), 0u);
  EXPECT_EQ(memory.fd(), -1);
}

}  // namespace
}  // namespace sb
