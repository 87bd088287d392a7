#pragma once

#include <Poco/Net/StreamSocket.h>

#include <cstdint>
#include <istream>
#include <streambuf>
#include <string>
#include <vector>

namespace dossier {

// A chunked request body (RFC 9112 §7.1), decoded strictly from the socket:
// the bytes the HTTP session already buffered, then the socket itself.
// Poco's own decoder takes a connection closed before the last chunk for a
// normal end; this one says so (complete() stays false), so that an upload
// cut short is never taken whole, whatever the multipart inside looked like.
// A malformed chunk ends the stream the same way.
class ChunkedBody : public std::istream {
 public:
  ChunkedBody(std::string buffered, Poco::Net::StreamSocket socket);
  ChunkedBody(const ChunkedBody&) = delete;
  ChunkedBody& operator=(const ChunkedBody&) = delete;

  // The last chunk and the trailer section arrived.
  bool complete() const { return buffer_.complete(); }
  // Bytes past the body were read from the socket (a pipelined request):
  // the connection cannot be kept.
  bool read_past_end() const { return buffer_.read_past_end(); }

 private:
  class Decoder : public std::streambuf {
   public:
    Decoder(std::string buffered, Poco::Net::StreamSocket socket);
    bool complete() const { return state_ == State::Done; }
    bool read_past_end() const { return raw_at_ < raw_.size(); }

   protected:
    int_type underflow() override;

   private:
    enum class State { Size, Data, DataEnd, Trailer, Done, Broken };
    int Byte();  // the next raw byte, -1 at the end of the connection
    bool ReadLine(std::string& line);
    bool ReadSize();
    bool ReadTrailer();

    std::string raw_;
    std::size_t raw_at_ = 0;
    Poco::Net::StreamSocket socket_;
    State state_ = State::Size;
    std::uint64_t left_ = 0;  // bytes of the current chunk not yet decoded
    std::vector<char> data_;
  };
  Decoder buffer_;
};

}  // namespace dossier
