#pragma once

#include <cstdint>
#include <istream>
#include <streambuf>
#include <vector>

namespace dossier {

// A request body as the routes read it: the socket stream behind it, with a
// count of the bytes actually pulled (for the request log) and whether the
// body was read to its end (a connection with unread body bytes cannot be
// kept alive).
class CountedInput : public std::istream {
 public:
  explicit CountedInput(std::istream& source);
  CountedInput(const CountedInput&) = delete;
  CountedInput& operator=(const CountedInput&) = delete;

  std::uint64_t count() const { return buffer_.count(); }
  bool reached_end() const { return buffer_.reached_end(); }
  // Reads and drops up to `limit` bytes; true when the body's end was reached
  // (the socket holds no more of it).
  bool Drain(std::uint64_t limit);

 private:
  class Buffer : public std::streambuf {
   public:
    explicit Buffer(std::istream& source);
    std::uint64_t count() const { return count_; }
    bool reached_end() const { return end_; }

   protected:
    int_type underflow() override;

   private:
    std::istream& source_;
    std::vector<char> data_;
    std::uint64_t count_ = 0;
    bool end_ = false;
  };
  Buffer buffer_;
};

}  // namespace dossier
