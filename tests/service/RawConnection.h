#pragma once

#include <Poco/Net/StreamSocket.h>

#include <string>

namespace dossier::test {

// A TCP connection to the service that sends exactly the bytes it is given,
// for requests no well-behaved client would send: slow heads, lying or
// contradictory framing, bodies cut short.
class RawConnection {
 public:
  explicit RawConnection(int port);

  void Send(const std::string& bytes);
  // No more bytes from us (the server sees the end of the stream).
  void EndSending();
  // Everything the server sends until it closes, or until `seconds` of
  // silence; `closed` says which.
  std::string ReadAll(double seconds, bool* closed = nullptr);
  // Whether the server closed the connection (reads EOF or a reset within
  // `seconds`); bytes it sent before are dropped.
  bool ClosedWithin(double seconds);

 private:
  Poco::Net::StreamSocket socket_;
};

// The status code of each HTTP response found in `bytes`, in order.
std::vector<int> ResponseStatuses(const std::string& bytes);

}  // namespace dossier::test
