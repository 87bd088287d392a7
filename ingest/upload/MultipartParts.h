#pragma once

#include <Poco/Net/MessageHeader.h>

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace dossier {

// The parts of a multipart/form-data body (RFC 7578, RFC 2046 §5.1), read
// as a stream: at most `buffer_bytes` plus the delimiter are held at once,
// whatever the size of a part. Part bytes are handed out in blocks found
// with a memory search for the delimiter, not byte by byte: every uploaded
// byte goes through here. Lines may end in CRLF or a bare LF; a preamble
// before the first delimiter and an epilogue after the last are skipped.
// A part's header is capped (kMaxHeaderLine per line, kMaxHeaderFields
// fields), as a hostile client controls it. A body that does not read as
// multipart (no opening delimiter, a part header too long or not
// "Name: value", the body ending inside a part) throws ClientError
// `malformed`, what went wrong as its context; ReceiveMultipart tells a body
// cut short or over its cap from a broken one.
class MultipartParts {
 public:
  static constexpr std::size_t kMaxHeaderLine = 8192;
  static constexpr int kMaxHeaderFields = 32;

  MultipartParts(std::istream& body, const std::string& boundary,
                 std::size_t buffer_bytes = 64 * 1024);
  MultipartParts(const MultipartParts&) = delete;
  MultipartParts& operator=(const MultipartParts&) = delete;

  // Moves to the next part, skipping what is left of the current one, and
  // fills `header` with its fields. False after the closing delimiter.
  bool Next(Poco::Net::MessageHeader& header);
  // Up to `size` bytes of the current part into `out` (dropped when `out`
  // is null); 0 at its end.
  std::size_t Read(char* out, std::size_t size);

 private:
  std::size_t Available() const { return end_ - begin_; }
  bool Fill(std::size_t wanted);
  std::size_t FindDelimiter() const;
  std::size_t Take(char* out, std::size_t size);
  void SkipToFirstDelimiter();
  bool AfterDelimiter();
  std::string HeaderLine();
  void ReadHeader(Poco::Net::MessageHeader& header);

  std::istream& body_;
  std::string delimiter_;  // "\n--" + boundary: a CR before it is the line end's
  std::vector<char> buffer_;
  std::size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  bool started_ = false;
  bool in_part_ = false;
  bool closed_ = false;
};

}  // namespace dossier
