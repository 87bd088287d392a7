// deadline-sim's HTTP client against a real socket: the body goes out at
// the candidate's uplink pace, and the wait it reports starts at the last
// body byte, so the ack figure is the service's, not the transfer's.
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "bench/deadline-sim/ServiceClient.h"

namespace dossier::sim {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kServerDelayMs = 150;

// Reads one request (headers, then Content-Length bytes), waits, answers 202.
void AnswerOnce(Poco::Net::ServerSocket& listener, std::size_t& body_bytes) {
  Poco::Net::StreamSocket connection = listener.acceptConnection();
  std::string received;
  char buffer[65536];
  std::size_t header_end = std::string::npos, length = 0;
  while (header_end == std::string::npos || received.size() < header_end + 4 + length) {
    int n = connection.receiveBytes(buffer, sizeof buffer);
    if (n <= 0) return;
    received.append(buffer, static_cast<std::size_t>(n));
    if (header_end == std::string::npos &&
        (header_end = received.find("\r\n\r\n")) != std::string::npos) {
      std::size_t at = received.find("Content-Length: ");
      length = at < header_end ? std::stoul(received.substr(at + 16)) : 0;
    }
  }
  body_bytes = received.size() - header_end - 4;
  std::this_thread::sleep_for(std::chrono::milliseconds(kServerDelayMs));
  std::string answer = "HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
  connection.sendBytes(answer.data(), static_cast<int>(answer.size()));
}

TEST(DeadlineSimClient, PacesTheBodyToTheUplinkAndTimesTheWaitFromItsLastByte) {
  Poco::Net::ServerSocket listener(Poco::Net::SocketAddress("127.0.0.1", 0));
  std::size_t body_bytes = 0;
  std::thread server([&] { AnswerOnce(listener, body_bytes); });
  const std::string body(256 * 1024, 'x');
  ServiceClient client(Poco::URI("http://127.0.0.1:" + std::to_string(listener.address().port())));
  HttpRequestSpec spec{"POST", "/upload", "", {}, "application/octet-stream", &body, 1e6};
  Clock::time_point start = Clock::now();
  HttpAnswer answer = client.Send(spec);
  double total_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  server.join();
  ASSERT_EQ(answer.status, 202) << answer.connection_error;
  EXPECT_EQ(body_bytes, body.size());
  // 256 KiB at 1 MB/s: the last of four 64 KiB blocks leaves after ~197 ms.
  EXPECT_GE(total_ms, 190 + kServerDelayMs);
  EXPECT_GE(answer.wait_after_body_ms, kServerDelayMs - 5);
  EXPECT_LE(answer.wait_after_body_ms, total_ms - 190);
}

}  // namespace
}  // namespace dossier::sim
