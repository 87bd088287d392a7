#include "tests/service/RawConnection.h"

#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>

#include <vector>

namespace dossier::test {

RawConnection::RawConnection(int port)
    : socket_(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port))) {}

void RawConnection::Send(const std::string& bytes) {
  socket_.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
}

void RawConnection::EndSending() {
  socket_.shutdownSend();
}

std::string RawConnection::ReadAll(double seconds, bool* closed) {
  std::string bytes;
  char buffer[16384];
  socket_.setReceiveTimeout(Poco::Timespan(static_cast<long>(seconds * 1e6)));
  if (closed) *closed = false;
  try {
    for (;;) {
      int got = socket_.receiveBytes(buffer, sizeof buffer);
      if (got <= 0) {
        if (closed) *closed = true;
        break;
      }
      bytes.append(buffer, static_cast<std::size_t>(got));
    }
  } catch (const Poco::TimeoutException&) {
  } catch (const Poco::Net::NetException&) {
    if (closed) *closed = true;  // reset
  }
  return bytes;
}

bool RawConnection::ClosedWithin(double seconds) {
  bool closed = false;
  ReadAll(seconds, &closed);
  return closed;
}

std::vector<int> ResponseStatuses(const std::string& bytes) {
  std::vector<int> statuses;
  for (std::size_t at = bytes.find("HTTP/1.1 "); at != std::string::npos;
       at = bytes.find("HTTP/1.1 ", at + 1))
    statuses.push_back(std::stoi(bytes.substr(at + 9, 3)));
  return statuses;
}

}  // namespace dossier::test
