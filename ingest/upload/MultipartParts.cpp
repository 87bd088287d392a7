#include "ingest/upload/MultipartParts.h"

#include <Poco/String.h>

#include <algorithm>
#include <cstring>
#include <string_view>

#include "core/errors/ClientError.h"
#include "core/messages/UploadMessages.h"

namespace dossier {
namespace {

ClientError Broken(const char* what) {
  return ClientError(ErrorCode::kMalformed, MalformedUploadMessage(), what);
}

void TrimLineEnd(std::string& line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
}

}  // namespace

MultipartParts::MultipartParts(std::istream& body, const std::string& boundary,
                               std::size_t buffer_bytes)
    : body_(body), delimiter_("\n--" + boundary) {
  // Room for a block, a delimiter cut by the block's end and a header line.
  buffer_.resize(std::max(buffer_bytes, kMaxHeaderLine) + delimiter_.size() + 2);
  // The first delimiter may open the body, with no line end before it.
  buffer_[0] = '\n';
  end_ = 1;
}

// Tops the buffer up to `wanted` bytes (or its size) unless the body ends;
// true when that many are there.
bool MultipartParts::Fill(std::size_t wanted) {
  wanted = std::min(wanted, buffer_.size());
  if (Available() >= wanted) return true;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, Available());
    end_ -= begin_;
    begin_ = 0;
  }
  while (!eof_ && end_ < wanted) {
    body_.read(buffer_.data() + end_, static_cast<std::streamsize>(buffer_.size() - end_));
    std::size_t got = static_cast<std::size_t>(body_.gcount());
    end_ += got;
    if (got == 0 || !body_) eof_ = true;
  }
  return Available() >= wanted;
}

// Offset from begin_ of the next delimiter in the buffer, or npos.
std::size_t MultipartParts::FindDelimiter() const {
  std::string_view held(buffer_.data() + begin_, Available());
  return held.find(delimiter_);
}

void MultipartParts::SkipToFirstDelimiter() {
  for (;;) {
    Fill(buffer_.size());
    std::size_t at = FindDelimiter();
    if (at != std::string_view::npos) {
      begin_ += at + delimiter_.size();
      return;
    }
    if (eof_) throw Broken("no multipart delimiter in the body");
    // Keep the tail: a delimiter may straddle it and the next read.
    begin_ = end_ - std::min(Available(), delimiter_.size() - 1);
  }
}

// Just past a delimiter: "--" closes the body, else padding and a line end
// open a part. False when closed.
bool MultipartParts::AfterDelimiter() {
  Fill(2);
  if (Available() >= 2 && buffer_[begin_] == '-' && buffer_[begin_ + 1] == '-') {
    closed_ = true;
    return false;
  }
  std::string rest = HeaderLine();
  if (rest.find_first_not_of(" \t") != std::string::npos)
    throw Broken("text after a multipart delimiter");
  return true;
}

// The next line without its line end; throws past kMaxHeaderLine or at the
// body's end.
std::string MultipartParts::HeaderLine() {
  for (std::size_t searched = 0;;) {
    std::string_view held(buffer_.data() + begin_, Available());
    std::size_t newline = held.find('\n', searched);
    if (newline != std::string_view::npos) {
      if (newline > kMaxHeaderLine) throw Broken("a part header line is too long");
      std::string line(held.substr(0, newline));
      begin_ += newline + 1;
      TrimLineEnd(line);
      return line;
    }
    if (Available() > kMaxHeaderLine) throw Broken("a part header line is too long");
    searched = Available();
    if (!Fill(Available() + 1)) throw Broken("the body ends inside a part header");
  }
}

void MultipartParts::ReadHeader(Poco::Net::MessageHeader& header) {
  std::string name, value;
  int fields = 0;
  auto flush = [&] {
    if (!name.empty()) header.add(name, Poco::trim(value));
    name.clear();
    value.clear();
  };
  for (std::string line; !(line = HeaderLine()).empty();) {
    if (line[0] == ' ' || line[0] == '\t') {  // a folded line continues the field
      if (name.empty()) throw Broken("a part header starts with a folded line");
      value += line;  // unfolding drops the line end, keeps the blank
      if (value.size() > kMaxHeaderLine) throw Broken("a part header field is too long");
      continue;
    }
    flush();
    std::size_t colon = line.find(':');
    if (colon == std::string::npos || colon == 0) throw Broken("a part header is not a field");
    if (++fields > kMaxHeaderFields) throw Broken("too many part header fields");
    name = Poco::trim(line.substr(0, colon));
    value = line.substr(colon + 1);
  }
  flush();
}

bool MultipartParts::Next(Poco::Net::MessageHeader& header) {
  header.clear();
  if (closed_) return false;
  if (!started_) {
    started_ = true;
    SkipToFirstDelimiter();
  } else {
    while (Read(nullptr, buffer_.size()) > 0) {  // skipped, not copied
    }
  }
  if (!AfterDelimiter()) return false;
  ReadHeader(header);
  in_part_ = true;
  return true;
}

std::size_t MultipartParts::Read(char* out, std::size_t size) {
  if (!in_part_ || size == 0) return 0;
  for (;;) {
    std::size_t at = FindDelimiter();
    if (at != std::string_view::npos) {
      // The part ends at the delimiter, less the CR of a CRLF line end.
      std::size_t data = at > 0 && buffer_[begin_ + at - 1] == '\r' ? at - 1 : at;
      if (data == 0) {
        begin_ += at + delimiter_.size();
        in_part_ = false;
        return 0;
      }
      return Take(out, std::min(size, data));
    }
    // All but what could begin a delimiter (and its CR) is the part's.
    if (Available() > delimiter_.size())
      return Take(out, std::min(size, Available() - delimiter_.size()));
    if (eof_) throw Broken("the body ends inside a part");
    Fill(buffer_.size());
  }
}

std::size_t MultipartParts::Take(char* out, std::size_t size) {
  if (out) std::memcpy(out, buffer_.data() + begin_, size);
  begin_ += size;
  return size;
}

}  // namespace dossier
