#include "png_writer.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

namespace bplab {
namespace {

using Bytes = std::vector<std::uint8_t>;

// CRC-32 as PNG defines it: reflected polynomial 0xEDB88320, initial value and final xor 0xFFFFFFFF.
std::uint32_t crc32(const std::uint8_t* data, std::size_t size) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (std::size_t i = 0; i < size; ++i) c = table[(c ^ data[i]) & 0xFFu] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

// Adler-32 (zlib's checksum): a = 1 + Σ bytes, b = Σ a after each byte, both mod 65521; (b << 16) | a.
std::uint32_t adler32(const Bytes& data) {
  constexpr std::uint32_t kMod = 65521;
  std::uint32_t a = 1, b = 0;
  for (std::uint8_t byte : data) {
    a = (a + byte) % kMod;
    b = (b + a) % kMod;
  }
  return (b << 16) | a;
}

void put_u32_be(Bytes& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

void put_u16_le(Bytes& out, std::uint16_t v) {
  out.push_back(static_cast<std::uint8_t>(v & 0xFFu));
  out.push_back(static_cast<std::uint8_t>(v >> 8));
}

// Chunk = length (big-endian) | 4-letter type | data | CRC-32 of type and data.
void put_chunk(Bytes& out, const char* type, const Bytes& data) {
  put_u32_be(out, static_cast<std::uint32_t>(data.size()));
  const std::size_t type_at = out.size();
  out.insert(out.end(), type, type + 4);
  out.insert(out.end(), data.begin(), data.end());
  put_u32_be(out, crc32(out.data() + type_at, out.size() - type_at));
}

// zlib stream of stored deflate blocks: header 0x78 0x01, then blocks of at most 65535 bytes,
// each BFINAL/BTYPE=00 byte | LEN | ~LEN (little-endian) | raw bytes, then Adler-32 (big-endian).
Bytes zlib_stored(const Bytes& raw) {
  constexpr std::size_t kMaxBlock = 65535;
  Bytes out{0x78, 0x01};
  std::size_t at = 0;
  do {
    const std::size_t len = std::min(kMaxBlock, raw.size() - at);
    const bool last = at + len == raw.size();
    out.push_back(last ? 1 : 0);
    put_u16_le(out, static_cast<std::uint16_t>(len));
    put_u16_le(out, static_cast<std::uint16_t>(~len));
    out.insert(out.end(), raw.begin() + at, raw.begin() + at + len);
    at += len;
  } while (at < raw.size());
  put_u32_be(out, adler32(raw));
  return out;
}

}  // namespace

bool write_png_rgba(const std::string& path, int width, int height, const std::uint8_t* rgba) {
  const std::size_t row_bytes = static_cast<std::size_t>(width) * 4;
  // Each scanline is preceded by its filter type; 0 = none.
  Bytes scanlines;
  scanlines.reserve((row_bytes + 1) * height);
  for (int y = 0; y < height; ++y) {
    scanlines.push_back(0);
    const std::uint8_t* row = rgba + row_bytes * y;
    scanlines.insert(scanlines.end(), row, row + row_bytes);
  }

  Bytes header;
  put_u32_be(header, static_cast<std::uint32_t>(width));
  put_u32_be(header, static_cast<std::uint32_t>(height));
  // bit depth 8, colour type 6 (RGBA), deflate, adaptive filtering, no interlace
  header.insert(header.end(), {8, 6, 0, 0, 0});

  Bytes png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  put_chunk(png, "IHDR", header);
  put_chunk(png, "IDAT", zlib_stored(scanlines));
  put_chunk(png, "IEND", {});

  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return false;
  const bool written = std::fwrite(png.data(), 1, png.size(), file) == png.size();
  return std::fclose(file) == 0 && written;
}

}  // namespace bplab
