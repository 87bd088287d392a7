#pragma once

#include <cstdint>
#include <istream>
#include <streambuf>
#include <string>
#include <vector>

namespace dossier {

// A request body as the multipart reader consumes it: bytes are counted as
// they come off the connection, delivery stops once `limit` bytes have come
// (over_limit() then says whether more were on their way), and the end
// marker — the closing multipart delimiter — is watched for, so that a body
// cut short by a dropped connection is told apart from a complete one.
class MeteredBody : public std::streambuf {
 public:
  MeteredBody(std::istream& source, std::uint64_t limit, std::string end_marker);
  MeteredBody(const MeteredBody&) = delete;
  MeteredBody& operator=(const MeteredBody&) = delete;

  std::uint64_t bytes_read() const { return bytes_read_; }
  bool over_limit() const { return over_limit_; }
  bool saw_end_marker() const { return saw_end_marker_; }

 protected:
  int_type underflow() override;

 private:
  void Watch(std::size_t size);

  std::istream& source_;
  std::uint64_t limit_;
  std::string end_marker_;
  std::vector<char> buffer_;
  std::string carry_;  // the last bytes of the previous chunk, for a marker across chunks
  std::uint64_t bytes_read_ = 0;
  bool over_limit_ = false;
  bool saw_end_marker_ = false;
};

}  // namespace dossier
