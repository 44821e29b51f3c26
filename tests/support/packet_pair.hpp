#pragma once

#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace psoas::testing {

// A stand-in terminal that keeps writes apart: on a SOCK_SEQPACKET socket each
// write is one packet, and each read takes one, so the reads say how many
// writes there were and what each held. Write to `fds[0]`.
struct PacketPair {
  std::array<int, 2> fds{-1, -1};
  PacketPair() { REQUIRE(::socketpair(AF_UNIX, SOCK_SEQPACKET, 0, fds.data()) == 0); }
  ~PacketPair() {
    ::close(fds[0]);
    ::close(fds[1]);
  }
  PacketPair(const PacketPair&) = delete;
  PacketPair& operator=(const PacketPair&) = delete;

  // The next write, or "" once there is none.
  std::string next_packet() const {
    std::string packet(1 << 16, '\0');  // larger than any frame: a packet cut short would be lost
    const ssize_t n = ::recv(fds[1], packet.data(), packet.size(), MSG_DONTWAIT);
    packet.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    return packet;
  }

  // Every write not read yet, in order.
  std::vector<std::string> all_packets() const {
    std::vector<std::string> packets;
    for (std::string packet = next_packet(); !packet.empty(); packet = next_packet())
      packets.push_back(packet);
    return packets;
  }
};

}  // namespace psoas::testing
