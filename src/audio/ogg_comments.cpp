#include "audio/ogg_comments.hpp"

#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>
#include <ogg/ogg.h>

#include "base/error.hpp"
#include "base/files.hpp"

namespace psoas {
namespace {

using Bytes = std::vector<unsigned char>;

std::uint32_t read_u32(const Bytes& bytes, std::size_t at) {
  if (at + 4 > bytes.size()) throw Error("the Ogg comment header ends early");
  return static_cast<std::uint32_t>(bytes[at]) | static_cast<std::uint32_t>(bytes[at + 1]) << 8 |
         static_cast<std::uint32_t>(bytes[at + 2]) << 16 | static_cast<std::uint32_t>(bytes[at + 3]) << 24;
}

void append_u32(Bytes& bytes, std::uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) bytes.push_back(static_cast<unsigned char>(value >> shift));
}

// The comment header with `tags` after its own comments: the vendor, the
// count, the comments, then what followed them (Vorbis's framing bit).
Bytes with_tags(const Bytes& header, std::size_t prefix,
                const std::vector<std::pair<std::string, std::string>>& tags) {
  std::size_t at = prefix;
  const std::uint32_t vendor = read_u32(header, at);
  at += 4 + vendor;
  const std::uint32_t count = read_u32(header, at);
  const std::size_t comments_at = at + 4;
  at = comments_at;
  for (std::uint32_t i = 0; i < count; ++i) at += 4 + read_u32(header, at);
  if (at > header.size()) throw Error("the Ogg comment header ends early");

  Bytes out(header.begin(), header.begin() + static_cast<std::ptrdiff_t>(prefix + 4 + vendor));
  append_u32(out, count + static_cast<std::uint32_t>(tags.size()));
  out.insert(out.end(), header.begin() + static_cast<std::ptrdiff_t>(comments_at),
             header.begin() + static_cast<std::ptrdiff_t>(at));
  for (const auto& [key, value] : tags) {
    const std::string comment = key + "=" + value;
    append_u32(out, static_cast<std::uint32_t>(comment.size()));
    out.insert(out.end(), comment.begin(), comment.end());
  }
  out.insert(out.end(), header.begin() + static_cast<std::ptrdiff_t>(at), header.end());
  return out;
}

bool starts_with(const Bytes& bytes, std::string_view prefix) {
  return bytes.size() >= prefix.size() && std::memcmp(bytes.data(), prefix.data(), prefix.size()) == 0;
}

void write_page(int to, const ogg_page& page) {
  const bool written =
      write_all(to,
                {reinterpret_cast<const char*>(page.header), static_cast<std::size_t>(page.header_len)}) &&
      write_all(to, {reinterpret_cast<const char*>(page.body), static_cast<std::size_t>(page.body_len)});
  if (!written) throw Error(fmt::format("cannot write the track: {}", std::strerror(errno)));
}

struct OggState {
  ogg_sync_state sync{};
  ogg_stream_state in{};
  ogg_stream_state out{};
  bool streams = false;
  OggState() { ogg_sync_init(&sync); }
  ~OggState() {
    ogg_sync_clear(&sync);
    if (streams) {
      ogg_stream_clear(&in);
      ogg_stream_clear(&out);
    }
  }
  OggState(const OggState&) = delete;
  OggState& operator=(const OggState&) = delete;
};

}  // namespace

void add_ogg_comments(const std::filesystem::path& from, int to,
                      const std::vector<std::pair<std::string, std::string>>& tags) {
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(from.c_str(), "rb"), std::fclose);
  if (!in) throw Error(fmt::format("cannot read {}: {}", from.string(), std::strerror(errno)));
  OggState ogg;
  std::vector<Bytes> headers;
  std::size_t needed = 1;  // known from the first packet: 3 for Vorbis, 2 for Opus
  long pages_in = 0;
  long renumber = 0;
  bool headers_done = false;
  for (;;) {
    char* buffer = ogg_sync_buffer(&ogg.sync, 1 << 16);
    const std::size_t read = std::fread(buffer, 1, 1 << 16, in.get());
    ogg_sync_wrote(&ogg.sync, static_cast<long>(read));
    ogg_page page;
    while (ogg_sync_pageout(&ogg.sync, &page) == 1) {
      if (headers_done) {
        if (renumber != 0) {
          const auto number = static_cast<std::uint32_t>(ogg_page_pageno(&page) + renumber);
          for (int i = 0; i < 4; ++i) page.header[18 + i] = static_cast<unsigned char>(number >> (8 * i));
          ogg_page_checksum_set(&page);
        }
        write_page(to, page);
        continue;
      }
      if (!ogg.streams) {
        ogg_stream_init(&ogg.in, ogg_page_serialno(&page));
        ogg_stream_init(&ogg.out, ogg_page_serialno(&page));
        ogg.streams = true;
      }
      ++pages_in;
      ogg_stream_pagein(&ogg.in, &page);
      ogg_packet packet;
      while (headers.size() < needed && ogg_stream_packetout(&ogg.in, &packet) == 1) {
        headers.emplace_back(packet.packet, packet.packet + packet.bytes);
        if (headers.size() == 1) {
          if (starts_with(headers[0], "\x01vorbis")) {
            needed = 3;
          } else if (starts_with(headers[0], "OpusHead")) {
            needed = 2;
          } else {
            throw Error(fmt::format("{} is neither Ogg Vorbis nor Ogg Opus", from.string()));
          }
        }
      }
      if (headers.size() < needed) continue;
      if (ogg_stream_packetout(&ogg.in, &packet) != 0)
        throw Error(fmt::format("{}: audio shares a page with the headers", from.string()));
      const bool vorbis = needed == 3;
      if (!starts_with(headers[1], vorbis ? "\x03vorbis" : "OpusTags"))
        throw Error(fmt::format("{}: no comment header where one belongs", from.string()));
      headers[1] = with_tags(headers[1], vorbis ? 7 : 8, tags);
      long pages_out = 0;
      for (std::size_t i = 0; i < headers.size(); ++i) {
        ogg_packet out{};
        out.packet = headers[i].data();
        out.bytes = static_cast<long>(headers[i].size());
        out.b_o_s = i == 0 ? 1 : 0;
        out.packetno = static_cast<ogg_int64_t>(i);
        ogg_stream_packetin(&ogg.out, &out);
        // The first header alone on the first page; audio starts on a page of its own.
        if (i == 0 || i + 1 == headers.size()) {
          ogg_page made;
          while (ogg_stream_flush(&ogg.out, &made) != 0) {
            write_page(to, made);
            ++pages_out;
          }
        }
      }
      renumber = pages_out - pages_in;
      headers_done = true;
    }
    if (read == 0) break;
  }
  if (std::ferror(in.get())) throw Error(fmt::format("cannot read {}", from.string()));
  if (!headers_done) throw Error(fmt::format("{} ends before its headers do", from.string()));
}

}  // namespace psoas
