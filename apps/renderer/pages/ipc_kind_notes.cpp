#include "apps/renderer/pages/ipc_kind_notes.h"

namespace sb::renderer {

const std::vector<IpcKindNote>& ipcKindNotes() {
  static const std::vector<IpcKindNote> notes = {
      {"pipe", "Anonymous pipe",
       "Two: write() copies into a kernel buffer, read() copies out of it.",
       "A system call on each side of every message, and a wake-up of the reader.",
       "None to write: the kernel orders the bytes and blocks a reader with nothing to read.",
       "Related processes only (the pipe is inherited across fork); one way, so a ping-pong "
       "needs two."},
      {"fifo", "FIFO (named pipe)",
       "Two, as a pipe: it is one, only opened by name.",
       "As a pipe, plus open() of the name once.",
       "As a pipe.",
       "Any process allowed to open the file in the filesystem; still one way."},
      {"unix-stream", "Unix domain stream socket",
       "Two, through the socket buffers.",
       "A system call per send and receive; no network stack.",
       "None; a byte stream, so the reader must find where each message ends.",
       "Two-way, on one host. Can carry file descriptors: how Sandbrowser hands out shared "
       "memory."},
      {"unix-seqpacket", "Unix domain seqpacket socket",
       "Two.",
       "As a stream socket.",
       "None, and the kernel keeps message boundaries.",
       "Two-way, on one host."},
      {"mqueue", "POSIX message queue",
       "Two: mq_send() into the kernel, mq_receive() out; bigger messages go in pieces (the "
       "kernel caps a message's size).",
       "A system call per message.",
       "None; whole messages, with priorities.",
       "Any process that knows the queue's name and may open it."},
      {"tcp", "TCP over loopback",
       "Two, plus the TCP/IP stack's work even though nothing leaves the machine.",
       "A system call per send and receive, through the whole network stack.",
       "None; a byte stream.",
       "Anyone who can connect to the port, on this host or, bound wider, another."},
      {"shm", "Shared memory ring + futex",
       "None through the kernel: both processes map the same pages; the benchmark copies "
       "each message into the ring and out again.",
       "Only to sleep or wake (futex) when one side must wait.",
       "Everything is yours: without the futex and the ring's indices the reader would see "
       "half-written messages.",
       "Processes that map the same memory (a memfd passed over a socket, or a name)."},
      {"threads", "Two threads, mutex + condition variable",
       "One copy into the queue, or none: the threads share one address space.",
       "Only to sleep or wake on the condition variable.",
       "A mutex around the queue.",
       "Threads of one process, which share everything, crashes included: no isolation."},
      {"channel", "Sandbrowser's Channel",
       "Two, as a Unix stream socket, plus Protobuf encoding and decoding of every envelope.",
       "As a Unix stream socket.",
       "None; frames with a length prefix, checked before they are parsed.",
       "The browser and one child: every message in this app travels this way."},
  };
  return notes;
}

const IpcKindNote* findIpcKindNote(std::string_view kind) {
  for (const IpcKindNote& note : ipcKindNotes()) {
    if (note.kind == kind) return &note;
  }
  return nullptr;
}

}  // namespace sb::renderer
