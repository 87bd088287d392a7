#include "server/gate/HeadGate.h"

#include <Poco/Net/StreamSocketImpl.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "core/messages/DoorMessages.h"
#include "server/gate/ServingLane.h"
#include "server/http/ClientAddress.h"
#include "server/http/ErrorAnswer.h"
#include "server/http/RequestId.h"

namespace dossier {
namespace {

constexpr int kTick = 200;                         // ms between deadline sweeps
constexpr auto kLinger = std::chrono::seconds(2);  // reading after an answer, before closing

std::string AddressText(const sockaddr_storage& address) {
  char text[INET6_ADDRSTRLEN] = {0};
  if (address.ss_family == AF_INET)
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(address).sin_addr, text, sizeof text);
  else if (address.ss_family == AF_INET6)
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(address).sin6_addr, text,
              sizeof text);
  return text;
}

const char* Reason(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 408:
      return "Request Timeout";
    case 431:
      return "Request Header Fields Too Large";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Error";
  }
}

std::string RawAnswer(ErrorCode code, int retry_after, const std::string& request_id) {
  ErrorAnswer answer =
      AnswerTo(ClientError(code, messages::DoorRefusal(code)).RetryAfter(retry_after));
  std::string text =
      "HTTP/1.1 " + std::to_string(answer.status) + " " + Reason(answer.status) + "\r\n";
  text += "Content-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\n";
  for (const auto& [name, value] : answer.headers) text += name + ": " + value + "\r\n";
  text += "X-Request-Id: " + request_id + "\r\n";
  text += "Content-Length: " + std::to_string(answer.body.size()) + "\r\nConnection: close\r\n\r\n";
  return text + answer.body;
}

void Control(int epoll_fd, int op, int fd) {
  epoll_event event{};
  event.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
  event.data.fd = fd;
  if (epoll_ctl(epoll_fd, op, fd, &event) != 0 && op != EPOLL_CTL_DEL)
    throw std::system_error(errno, std::generic_category(), "epoll_ctl");
}

}  // namespace

HeadGate::HeadGate(const GateSettings& settings, Poco::Net::ServerSocket listening,
                   ServingLane& main, ServingLane& reserve, Serve serve)
    : settings_(settings),
      listening_(std::move(listening)),
      main_(main),
      reserve_(reserve),
      serve_(std::move(serve)),
      peek_(settings.max_head_bytes + 1) {}

HeadGate::~HeadGate() {
  StopAccepting();
}

void HeadGate::Start() {
  // Waiting heads are descriptors: take every one the system allows.
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
  }
  epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (epoll_fd_ < 0 || wake_fd_ < 0)
    throw std::system_error(errno, std::generic_category(), "epoll/eventfd");
  listening_.setBlocking(false);
  Control(epoll_fd_, EPOLL_CTL_ADD, listening_.impl()->sockfd());
  Control(epoll_fd_, EPOLL_CTL_ADD, wake_fd_);
  loop_ = std::thread([this] { Loop(); });
}

void HeadGate::StopAccepting() {
  if (!loop_.joinable()) return;
  stopping_ = true;
  std::uint64_t one = 1;
  (void)!write(wake_fd_, &one, sizeof one);
  loop_.join();
  while (!waiting_.empty()) Close(waiting_.begin()->first);
  listening_.close();
  close(epoll_fd_);
  close(wake_fd_);
}

int HeadGate::serving() const {
  std::lock_guard<std::mutex> lock(serving_mutex_);
  return static_cast<int>(serving_fds_.size());
}

void HeadGate::CutServing() {
  std::lock_guard<std::mutex> lock(serving_mutex_);
  for (int fd : serving_fds_) shutdown(fd, SHUT_RDWR);
}

void HeadGate::Loop() {
  epoll_event events[256];
  const int listening_fd = listening_.impl()->sockfd();
  while (!stopping_) {
    int ready = epoll_wait(epoll_fd_, events, 256, kTick);
    for (int i = 0; i < ready && !stopping_; ++i) {
      int fd = events[i].data.fd;
      if (fd == listening_fd) {
        AcceptAll();
      } else if (fd == wake_fd_) {
        std::uint64_t count;
        (void)!read(wake_fd_, &count, sizeof count);
        TakeReturned();
      } else {
        OnReadable(fd);
      }
    }
    ExpireDeadlines();
  }
}

void HeadGate::AcceptAll() {
  const int listening_fd = listening_.impl()->sockfd();
  for (;;) {
    sockaddr_storage peer{};
    socklen_t length = sizeof peer;
    int fd = accept4(listening_fd, reinterpret_cast<sockaddr*>(&peer), &length,
                     SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return;  // EAGAIN, or out of descriptors until one closes
    ++counters_.accepted;
    Poco::Net::StreamSocket socket(new Poco::Net::StreamSocketImpl(fd));
    socket.setNoDelay(true);  // an answer's head and body go out at once, not after a delayed ACK
    Watch(std::move(socket), AddressText(peer), false);
  }
}

void HeadGate::Watch(Poco::Net::StreamSocket socket, const std::string& address, bool idle) {
  if (waiting_per_address_[address] >= settings_.max_waiting_per_address) EvictOldest(address);
  if (static_cast<int>(waiting_.size()) >= settings_.max_waiting) EvictOldest("");
  int fd = socket.impl()->sockfd();
  Waiting entry;
  entry.socket = std::move(socket);
  entry.address = address;
  entry.idle = idle;
  entry.deadline = Clock::now() + std::chrono::seconds(idle ? settings_.keep_alive_seconds
                                                            : settings_.head_timeout_seconds);
  entry.age = ages_.insert(ages_.end(), fd);
  waiting_.emplace(fd, std::move(entry));
  ++waiting_per_address_[address];
  Control(epoll_fd_, EPOLL_CTL_ADD, fd);
}

void HeadGate::OnReadable(int fd) {
  auto found = waiting_.find(fd);
  if (found == waiting_.end()) return;
  Waiting& entry = found->second;
  if (entry.closing) return DrainClosing(fd);
  ssize_t got = recv(fd, peek_.data(), peek_.size(), MSG_PEEK);
  if (got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) return Close(fd);
  if (got < 0) return;
  if (entry.idle) {
    // The next request began: it gets the whole head deadline from now.
    entry.idle = false;
    entry.deadline = Clock::now() + std::chrono::seconds(settings_.head_timeout_seconds);
  }
  std::string_view bytes(peek_.data(), static_cast<std::size_t>(got));
  std::size_t length = HeadLength(bytes);
  if (length == 0 || length > settings_.max_head_bytes) {
    if (bytes.size() > settings_.max_head_bytes) Answer(fd, ErrorCode::kHeadTooLarge);
    return;
  }
  OnHead(fd, ReadRequestHead(bytes.substr(0, length)));
}

void HeadGate::OnHead(int fd, const RequestHead& head) {
  const std::string request_id =
      RequestIdFor(head.request_id, settings_.trusted_proxies.Contains(waiting_.at(fd).address));
  if (!head.ok()) {
    ++counters_.refused_framing;
    return Answer(fd, *head.refusal, 0, request_id);
  }
  // No route takes a body from an anonymous client: its bytes are not
  // worth a thread.
  if (head.has_body() && !head.credentials)
    return Answer(fd, ErrorCode::kUnauthorized, 0, request_id);
  if (!Hand(fd, head, request_id)) {
    ++counters_.refused_busy;
    Answer(fd, ErrorCode::kBusy, 5, request_id);
  }
}

// Chooses the lane and gives the connection to it; false when neither has
// room for it (the caller answers 503).
bool HeadGate::Hand(int fd, const RequestHead& head, const std::string& request_id) {
  Waiting& entry = waiting_.at(fd);
  const std::string peer = entry.address;
  const std::string client = ClientAddressOf(peer, head.forwarded_for, settings_.trusted_proxies);
  ServingLane* lane = &main_;
  if (head.probe()) {
    lane = &reserve_;
  } else if (!main_.has_idle_thread() && head.credentials &&
             reserve_.busy() < reserve_.threads() - settings_.probe_only_threads) {
    lane = &reserve_;
  }
  {
    std::lock_guard<std::mutex> lock(serving_mutex_);
    int& serving = serving_per_address_[client];
    if (!head.probe() && serving >= settings_.max_serving_per_address) {
      Answer(fd, ErrorCode::kTooManyConnections, 5, request_id);
      ++counters_.refused_busy;
      return true;
    }
    ++serving;
    serving_fds_.insert(fd);
  }
  Poco::Net::StreamSocket socket = entry.socket;
  epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
  ages_.erase(entry.age);
  if (--waiting_per_address_[peer] == 0) waiting_per_address_.erase(peer);
  waiting_.erase(fd);
  bool taken = lane->Submit([this, socket, client, peer, fd]() mutable {
    bool keep = serve_(socket);
    Finished(client, peer, fd, std::move(socket), keep);
  });
  if (taken) return true;
  Finished(client, peer, fd, Poco::Net::StreamSocket(), false);
  Watch(std::move(socket), peer, false);  // to answer it
  return false;
}

void HeadGate::Finished(const std::string& client, const std::string& peer, int fd,
                        Poco::Net::StreamSocket socket, bool keep) {
  std::lock_guard<std::mutex> lock(serving_mutex_);
  serving_fds_.erase(fd);  // before the descriptor closes and its number is reused
  auto found = serving_per_address_.find(client);
  if (found != serving_per_address_.end() && --found->second <= 0)
    serving_per_address_.erase(found);
  if (!keep || stopping_) return socket.close();
  returned_.emplace_back(std::move(socket), peer);
  std::uint64_t one = 1;
  (void)!write(wake_fd_, &one, sizeof one);
}

void HeadGate::TakeReturned() {
  std::vector<std::pair<Poco::Net::StreamSocket, std::string>> returned;
  {
    std::lock_guard<std::mutex> lock(serving_mutex_);
    returned.swap(returned_);
  }
  for (auto& [socket, address] : returned) {
    socket.setBlocking(false);
    Watch(std::move(socket), address, true);
  }
}

// The gate's own answer: written at once (it fits any socket buffer), then
// the connection is read and dropped for a moment so the client gets the
// answer instead of a reset, and closed. Nothing it sends after the head is
// ever taken for a request.
void HeadGate::Answer(int fd, ErrorCode code, int retry_after, const std::string& request_id) {
  auto found = waiting_.find(fd);
  if (found == waiting_.end()) return;
  std::string text = RawAnswer(code, retry_after, request_id.empty() ? NewRequestId() : request_id);
  (void)!send(fd, text.data(), text.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  shutdown(fd, SHUT_WR);
  found->second.closing = true;
  found->second.deadline = Clock::now() + kLinger;
  DrainClosing(fd);
}

void HeadGate::DrainClosing(int fd) {
  char scratch[16384];
  for (;;) {
    ssize_t got = recv(fd, scratch, sizeof scratch, MSG_DONTWAIT);
    if (got > 0) continue;
    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    return Close(fd);
  }
}

void HeadGate::Close(int fd) {
  auto found = waiting_.find(fd);
  if (found == waiting_.end()) return;
  epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
  ages_.erase(found->second.age);
  const std::string address = found->second.address;
  if (--waiting_per_address_[address] <= 0) waiting_per_address_.erase(address);
  found->second.socket.close();
  waiting_.erase(found);
}

// Past a cap, the connection that has waited longest for its head goes: an
// honest request arrives whole in milliseconds and is never that one.
void HeadGate::EvictOldest(const std::string& address) {
  for (int fd : ages_) {
    const Waiting& entry = waiting_.at(fd);
    if (address.empty() || entry.address == address) {
      ++counters_.evicted;
      return Close(fd);
    }
  }
}

void HeadGate::ExpireDeadlines() {
  const Clock::time_point now = Clock::now();
  std::vector<int> late;
  for (const auto& [fd, entry] : waiting_)
    if (entry.deadline <= now) late.push_back(fd);
  for (int fd : late) {
    Waiting& entry = waiting_.at(fd);
    if (entry.closing || entry.idle) {
      Close(fd);
    } else {
      ++counters_.head_timeouts;
      Answer(fd, ErrorCode::kHeadTimeout);
    }
  }
}

}  // namespace dossier
