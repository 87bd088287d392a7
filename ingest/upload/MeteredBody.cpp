#include "ingest/upload/MeteredBody.h"

#include <algorithm>
#include <string_view>

namespace dossier {
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;

}  // namespace

MeteredBody::MeteredBody(std::istream& source, std::uint64_t limit, std::string end_marker)
    : source_(source), limit_(limit), end_marker_(std::move(end_marker)), buffer_(kChunkBytes) {}

MeteredBody::int_type MeteredBody::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (bytes_read_ >= limit_) {
    if (!over_limit_ && source_.peek() != traits_type::eof()) over_limit_ = true;
    return traits_type::eof();
  }
  std::size_t want =
      static_cast<std::size_t>(std::min<std::uint64_t>(buffer_.size(), limit_ - bytes_read_));
  source_.read(buffer_.data(), static_cast<std::streamsize>(want));
  auto got = static_cast<std::size_t>(source_.gcount());
  if (got == 0) return traits_type::eof();
  bytes_read_ += got;
  Watch(got);
  setg(buffer_.data(), buffer_.data(), buffer_.data() + got);
  return traits_type::to_int_type(*gptr());
}

void MeteredBody::Watch(std::size_t size) {
  if (saw_end_marker_ || end_marker_.empty()) return;
  std::string_view chunk(buffer_.data(), size);
  std::size_t overlap = end_marker_.size() - 1;
  // The marker may straddle the previous chunk and this one.
  std::string seam = carry_ + std::string(chunk.substr(0, overlap));
  if (seam.find(end_marker_) != std::string::npos ||
      chunk.find(end_marker_) != std::string_view::npos) {
    saw_end_marker_ = true;
    return;
  }
  carry_ = chunk.size() >= overlap ? std::string(chunk.substr(chunk.size() - overlap))
                                   : seam.substr(seam.size() - std::min(seam.size(), overlap));
}

}  // namespace dossier
