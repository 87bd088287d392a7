#include "server/http/ChunkedBody.h"

#include <Poco/Net/NetException.h>

#include <algorithm>

namespace dossier {
namespace {

constexpr std::size_t kMaxLine = 4096;  // a chunk-size line with extensions, a trailer field

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

ChunkedBody::Decoder::Decoder(std::string buffered, Poco::Net::StreamSocket socket)
    : raw_(std::move(buffered)), socket_(std::move(socket)), data_(64 * 1024) {}

int ChunkedBody::Decoder::Byte() {
  if (raw_at_ == raw_.size()) {
    raw_.resize(64 * 1024);
    int got = 0;
    try {
      got = socket_.receiveBytes(raw_.data(), static_cast<int>(raw_.size()));
    } catch (const Poco::Exception&) {
      got = 0;  // a timeout or a reset: the body ends here, incomplete
    }
    raw_.resize(static_cast<std::size_t>(std::max(got, 0)));
    raw_at_ = 0;
    if (got <= 0) return -1;
  }
  return static_cast<unsigned char>(raw_[raw_at_++]);
}

// One CRLF-terminated line, without its CRLF; false at the end of the
// connection, on a bare CR or LF, or past kMaxLine.
bool ChunkedBody::Decoder::ReadLine(std::string& line) {
  line.clear();
  for (;;) {
    int c = Byte();
    if (c < 0 || c == '\n') return false;
    if (c == '\r') return Byte() == '\n';
    if (line.size() == kMaxLine) return false;
    line.push_back(static_cast<char>(c));
  }
}

bool ChunkedBody::Decoder::ReadSize() {
  std::string line;
  if (!ReadLine(line)) return false;
  std::size_t end = line.find(';');  // chunk extensions are ignored
  std::string digits = line.substr(0, end);
  while (!digits.empty() && (digits.back() == ' ' || digits.back() == '\t')) digits.pop_back();
  if (digits.empty() || digits.size() > 15) return false;
  left_ = 0;
  for (char c : digits) {
    int value = HexValue(c);
    if (value < 0) return false;
    left_ = left_ * 16 + static_cast<std::uint64_t>(value);
  }
  state_ = left_ == 0 ? State::Trailer : State::Data;
  return true;
}

bool ChunkedBody::Decoder::ReadTrailer() {
  std::string line;
  for (int fields = 0; fields < 64; ++fields) {
    if (!ReadLine(line)) return false;
    if (line.empty()) {
      state_ = State::Done;
      return true;
    }
  }
  return false;
}

ChunkedBody::Decoder::int_type ChunkedBody::Decoder::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  for (;;) {
    bool ok = true;
    switch (state_) {
      case State::Size:
        ok = ReadSize();
        break;
      case State::DataEnd: {
        std::string line;
        ok = ReadLine(line) && line.empty();
        state_ = State::Size;
        break;
      }
      case State::Trailer:
        ok = ReadTrailer();
        break;
      case State::Done:
      case State::Broken:
        return traits_type::eof();
      case State::Data: {
        std::size_t size = 0;
        std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(left_, data_.size()));
        // What is buffered, or else one read of the socket: a body arriving
        // slowly is passed on as it comes.
        if (want > 0) {
          int c = Byte();
          if (c < 0) break;
          data_[size++] = static_cast<char>(c);
          std::size_t run = std::min(want - size, raw_.size() - raw_at_);
          std::copy_n(raw_.data() + raw_at_, run, data_.data() + size);
          raw_at_ += run;
          size += run;
        }
        if (size == 0) {
          state_ = State::Broken;
          return traits_type::eof();
        }
        left_ -= size;
        if (left_ == 0) state_ = State::DataEnd;
        setg(data_.data(), data_.data(), data_.data() + size);
        return traits_type::to_int_type(*gptr());
      }
    }
    if (!ok) {
      state_ = State::Broken;
      return traits_type::eof();
    }
  }
}

ChunkedBody::ChunkedBody(std::string buffered, Poco::Net::StreamSocket socket)
    : std::istream(nullptr), buffer_(std::move(buffered), std::move(socket)) {
  rdbuf(&buffer_);
}

}  // namespace dossier
