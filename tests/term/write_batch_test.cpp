#include "term/write_batch.hpp"

#include <string>

#include <doctest/doctest.h>

#include "support/packet_pair.hpp"

using namespace psoas;
using psoas::testing::PacketPair;

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
