#include "server/http/CountedInput.h"

#include <algorithm>

namespace dossier {

CountedInput::Buffer::Buffer(std::istream& source) : source_(source), data_(64 * 1024) {}

CountedInput::Buffer::int_type CountedInput::Buffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (end_) return traits_type::eof();
  source_.read(data_.data(), static_cast<std::streamsize>(data_.size()));
  std::streamsize got = source_.gcount();
  if (got < static_cast<std::streamsize>(data_.size())) end_ = source_.eof();
  if (got <= 0) {
    end_ = true;
    return traits_type::eof();
  }
  count_ += static_cast<std::uint64_t>(got);
  setg(data_.data(), data_.data(), data_.data() + got);
  return traits_type::to_int_type(*gptr());
}

CountedInput::CountedInput(std::istream& source) : std::istream(nullptr), buffer_(source) {
  rdbuf(&buffer_);
}

bool CountedInput::Drain(std::uint64_t limit) {
  char scratch[8192];
  clear();
  while (limit > 0 && !reached_end()) {
    std::streamsize want =
        static_cast<std::streamsize>(std::min<std::uint64_t>(limit, sizeof scratch));
    read(scratch, want);
    std::streamsize got = gcount();
    if (got <= 0) break;
    limit -= static_cast<std::uint64_t>(got);
  }
  return reached_end();
}

}  // namespace dossier
