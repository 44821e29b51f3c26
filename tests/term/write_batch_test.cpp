#include "term/write_batch.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <string>

#include <doctest/doctest.h>

using namespace psoas;

namespace {

// Each write on a SOCK_SEQPACKET socket is one packet, and each read takes one:
// the reads say how many writes there were, and what each held.
struct PacketPair {
  std::array<int, 2> fds{-1, -1};
  PacketPair() { REQUIRE(::socketpair(AF_UNIX, SOCK_SEQPACKET, 0, fds.data()) == 0); }
  ~PacketPair() {
    ::close(fds[0]);
    ::close(fds[1]);
  }
  PacketPair(const PacketPair&) = delete;
  PacketPair& operator=(const PacketPair&) = delete;

  std::string next_packet() const {
    std::string packet(4096, '\0');
    const ssize_t n = ::recv(fds[1], packet.data(), packet.size(), MSG_DONTWAIT);
    packet.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    return packet;
  }
};

}  // namespace

TEST_CASE("a write batch sends what its writers added in one write, and nothing when nothing was added") {
  PacketPair pair;
  WriteBatch batch(pair.fds[0]);
  CHECK(batch.fd() == pair.fds[0]);
  batch.flush();  // nothing added: no write, not even an empty one
  batch.add("\a");
  batch.add("\x1b[1;1H12");
  batch.flush();
  batch.flush();
  batch.add("13");
  batch.flush();
  // An empty write would have come first as an empty packet.
  CHECK(pair.next_packet() == "\a\x1b[1;1H12");
  CHECK(pair.next_packet() == "13");  // not what was sent before
  CHECK(pair.next_packet().empty());
}
