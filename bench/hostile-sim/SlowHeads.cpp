#include "bench/hostile-sim/SlowHeads.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

namespace dossier::sim {
namespace {

const std::string kHead = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";

int Connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  return fd;
}

// Whether the service closed it (EOF or reset); what it sent is dropped.
bool ClosedByPeer(int fd) {
  char scratch[4096];
  for (;;) {
    ssize_t got = recv(fd, scratch, sizeof scratch, 0);
    if (got > 0) continue;
    return got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
  }
}

struct Slow {
  int fd = -1;
  std::size_t sent = 0;  // bytes of the head sent so far
};

}  // namespace

SlowHeads::SlowHeads(int port, int connections, std::chrono::milliseconds interval)
    : port_(port), connections_(connections), interval_(interval) {}

SlowHeads::~SlowHeads() {
  Stop();
}

void SlowHeads::Start() {
  stop_ = false;
  thread_ = std::thread([this] { Run(); });
}

SlowHeadsReport SlowHeads::Stop() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
  return report_;
}

// Every connection sends its next byte once per interval; the sends are
// spread over the interval in `slices` so the service sees a steady trickle.
void SlowHeads::Run() {
  std::vector<Slow> slow(static_cast<std::size_t>(connections_));
  for (Slow& connection : slow) {  // all at once, then the trickle
    connection.fd = Connect(port_);
    if (connection.fd >= 0) ++report_.connected;
  }
  const int slices = 20;
  const auto tick = interval_ / slices;
  for (long round = 0; !stop_; ++round) {
    std::size_t slice = static_cast<std::size_t>(round % slices);
    for (std::size_t i = slice; i < slow.size() && !stop_; i += slices) {
      Slow& connection = slow[i];
      if (connection.fd >= 0 && ClosedByPeer(connection.fd)) {
        close(connection.fd);
        connection = Slow{};
        ++report_.closed_by_service;
      }
      if (connection.fd < 0) {
        connection.fd = Connect(port_);
        if (connection.fd < 0) continue;
        ++report_.connected;
      }
      char byte = connection.sent < kHead.size() ? kHead[connection.sent] : 'x';
      if (send(connection.fd, &byte, 1, MSG_NOSIGNAL) == 1) {
        ++connection.sent;
        ++report_.bytes_sent;
      }
    }
    std::this_thread::sleep_for(tick);
  }
  for (Slow& connection : slow) {
    if (connection.fd < 0) continue;
    if (!ClosedByPeer(connection.fd)) ++report_.open_at_end;
    close(connection.fd);
  }
}

}  // namespace dossier::sim
