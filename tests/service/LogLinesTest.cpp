// The log stays readable by a log collector whatever a client sends: paths,
// headers and file names full of invalid UTF-8 and control bytes, over a
// raw socket, and every line dossierd writes is still one JSON object in
// strict UTF-8. The judge is Python's strict decoder and JSON parser.
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <gtest/gtest.h>

#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/service/ServiceTestbed.h"

namespace dossier::test {
namespace {

// Bytes no UTF-8 decoder accepts (the connection gate lets them through as
// obs-text), and controls a terminal would obey (the gate refuses them in a
// request head: they come percent-encoded in the path, or in a file name).
const std::string kInvalidUtf8 = "\xff\xfe\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80\xc3";
const std::string kControls = "\x01\x7f\x1b[2J\xc2\x9b\xe2\x80\xa8";

// Sends `request` as is and reads until the service closes the connection.
std::string SendRaw(int port, const std::string& request) {
  Poco::Net::StreamSocket socket(
      Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
  socket.setReceiveTimeout(Poco::Timespan(30, 0));
  socket.sendBytes(request.data(), static_cast<int>(request.size()));
  std::string answer;
  char buffer[4096];
  try {
    while (int got = socket.receiveBytes(buffer, sizeof buffer)) answer.append(buffer, got);
  } catch (const Poco::Exception&) {
    // Reset by the service: what came before is the answer.
  }
  return answer;
}

int Occurrences(const std::string& text, const std::string& needle) {
  int count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++count;
  return count;
}

std::string Multipart(const std::string& filename, const std::string& bytes) {
  return "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
         "\"\r\nContent-Type: application/pdf\r\n\r\n" + bytes + "\r\n--b0undary--\r\n";
}

std::string Upload(const std::string& token, const std::string& filename,
                   const std::string& extra_headers) {
  std::string body = Multipart(filename, fixtures::BornDigitalPdf({{"CV"}}));
  return "POST /api/v1/candidatures/L-1/pieces/cv/files HTTP/1.1\r\nHost: 127.0.0.1\r\n"
         "Authorization: Bearer " +
         token + "\r\nContent-Type: multipart/form-data; boundary=b0undary\r\n" + extra_headers +
         "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

TEST(LogLines, HostileBytesInPathsHeadersAndNamesLeaveEveryLineValidJson) {
  ServiceTestbed bed{{"--workers", "1"}};
  ASSERT_EQ(bed.CreateCandidature("L-1", {{"cv", true}}), 201);
  std::string token = bed.Token("candidat", "L-1");
  int port = bed.service().port();
  const std::string headers =
      "X-Note: " + kInvalidUtf8 + "\r\nUser-Agent: " + kInvalidUtf8 + "\r\n";

  // Raw bytes in the request line; controls percent-encoded (the service
  // decodes the path before it logs it), NUL and newline included.
  SendRaw(port, "GET /api/v1/" + kInvalidUtf8 + " HTTP/1.1\r\nHost: x\r\n" + headers +
                    "Connection: close\r\n\r\n");
  SendRaw(port,
          "GET /api/v1/candidatures/%FF%00%0A%C0%AF%ED%A0%80%1B%5B2J%C2%9B/pieces HTTP/1.1\r\n"
          "Host: x\r\n" +
              headers + "Connection: close\r\n\r\n");
  SendRaw(port, "GET /candidat/%E9t%E9%0D%0A HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                    kInvalidUtf8 + "\r\nConnection: close\r\n\r\n");
  // Controls in a header: refused at the door, which must not break the log either.
  SendRaw(port, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Note: a\x01\x1b[2Jb\r\n\r\n");
  // An upload with a hostile Idempotency-Key (refused), then one with a
  // hostile file name (stored, processed: the job's line is written too).
  SendRaw(port, Upload(token, "cv.pdf", "Idempotency-Key: " + kInvalidUtf8 + "\r\n"));
  std::string accepted = SendRaw(port, Upload(token, kInvalidUtf8 + kControls + ".pdf", headers));
  EXPECT_NE(accepted.find(" 202 "), std::string::npos) << accepted;
  bed.WaitProcessed("L-1");
  EXPECT_EQ(bed.service().Terminate(), 0);

  std::string log = bed.service().Log();
  testing::TempFile copy(log, ".log");
  testing::CommandResult judged = testing::RunCommand(
      "python3 -c 'import json, sys\n"
      "lines = open(sys.argv[1], \"rb\").read().decode(\"utf-8\").split(\"\\n\")\n"
      "assert lines[-1] == \"\", \"the last line is cut\"\n"
      "for line in lines[:-1]:\n"
      "    assert isinstance(json.loads(line), dict), line\n"
      "print(len(lines) - 1, \"lines\")' " +
      copy.path());
  EXPECT_EQ(judged.exit_code, 0) << judged.out << "\n--- log:\n" << log;
  // The hostile requests were logged, not dropped.
  EXPECT_GE(Occurrences(log, "\"event\":\"http\""), 7);
  EXPECT_NE(log.find("\"event\":\"job\""), std::string::npos);
  EXPECT_NE(log.find("\\u001b[2J"), std::string::npos) << log;
}

}  // namespace
}  // namespace dossier::test
