#include <gtest/gtest.h>

#include "server/gate/RequestHead.h"
#include "server/http/HttpStatusOf.h"

namespace dossier {
namespace {

// What the gate answers a refused head with: its status and machine code
// (0 and "" when the head is fine).
int StatusOf(const RequestHead& head) {
  return head.refusal ? HttpStatusOf(*head.refusal) : 0;
}

std::string CodeOf(const RequestHead& head) {
  return head.refusal ? ErrorCodeName(*head.refusal) : "";
}

RequestHead Read(const std::string& lines) {
  return ReadRequestHead(lines + "\r\n");
}

TEST(RequestHead, FindsTheEndOfTheHeadWithCrlfOrBareLf) {
  EXPECT_EQ(HeadLength("GET / HTTP/1.1\r\nHost: a\r\n"), 0u);
  EXPECT_EQ(HeadLength("GET / HTTP/1.1\r\nHost: a\r\n\r\nbody"), 27u);
  EXPECT_EQ(HeadLength("GET / HTTP/1.1\nHost: a\n\nbody"), 24u);
  // Empty lines before the request line are not its end.
  EXPECT_EQ(HeadLength("\r\n\r\nGET / HTTP/1.1\r\n\r\n"), 22u);
  EXPECT_EQ(HeadLength("\r\n\r\n"), 0u);
}

TEST(RequestHead, ReadsTheRequestLineAndTheFramingOfAPlainRequest) {
  RequestHead head = Read(
      "POST /api/v1/x HTTP/1.1\r\nHost: a\r\nAuthorization: bearer abc\r\nContent-Length: 42\r\n");
  ASSERT_TRUE(head.ok()) << CodeOf(head);
  EXPECT_EQ(head.method, "POST");
  EXPECT_EQ(head.target, "/api/v1/x");
  EXPECT_EQ(head.content_length, 42u);
  EXPECT_TRUE(head.credentials);
  EXPECT_TRUE(head.has_body());
  EXPECT_FALSE(head.probe());
}

TEST(RequestHead, TheCandidatePagesSessionCookieIsACredentialOtherCookiesAreNot) {
  EXPECT_TRUE(Read("POST /api/v1/x HTTP/1.1\r\nCookie: a=1; dossier_candidat=t.s\r\n"
                   "Content-Length: 3\r\n")
                  .credentials);
  EXPECT_FALSE(
      Read("POST /api/v1/x HTTP/1.1\r\nCookie: theme=dark\r\nContent-Length: 3\r\n").credentials);
  EXPECT_FALSE(Read("POST /api/v1/x HTTP/1.1\r\nAuthorization: Basic eA==\r\n").credentials);
}

TEST(RequestHead, TellsTheProbesApart) {
  EXPECT_TRUE(Read("GET /healthz HTTP/1.1\r\n").probe());
  EXPECT_TRUE(Read("GET /readyz?x=1 HTTP/1.1\r\n").probe());
  EXPECT_TRUE(Read("GET /metrics HTTP/1.0\r\n").probe());
  EXPECT_FALSE(Read("POST /healthz HTTP/1.1\r\n").probe());
  EXPECT_FALSE(Read("GET /healthz/x HTTP/1.1\r\n").probe());
  EXPECT_FALSE(Read("GET /api/v1/candidatures HTTP/1.1\r\n").credentials);
}

TEST(RequestHead, RepeatedEqualLengthsAreOneLengthDifferentOnesAreRefused) {
  EXPECT_EQ(Read("POST / HTTP/1.1\r\nContent-Length: 7\r\ncontent-length: 7\r\n").content_length,
            7u);
  RequestHead two = Read("POST / HTTP/1.1\r\nContent-Length: 7\r\nContent-Length: 8\r\n");
  EXPECT_EQ(StatusOf(two), 400);
  EXPECT_EQ(CodeOf(two), "bad_content_length");
}

TEST(RequestHead, RefusesEveryAmbiguousFraming) {
  struct Case {
    std::string headers;
    int status;
    std::string code;
  };
  for (const Case& test : std::vector<Case>{
           {"Content-Length: +5\r\n", 400, "bad_content_length"},
           {"Content-Length: 5 5\r\n", 400, "bad_content_length"},
           {"Content-Length: \r\n", 400, "bad_content_length"},
           {"Content-Length: 99999999999999999999\r\n", 400, "bad_content_length"},
           {"Transfer-Encoding: chunked\r\nContent-Length: 0\r\n", 400, "ambiguous_framing"},
           {"Transfer-Encoding: identity\r\n", 501, "unsupported_transfer_coding"},
           {"Transfer-Encoding: chunked, gzip\r\n", 501, "unsupported_transfer_coding"},
           {"Transfer-Encoding:\r\n", 501, "unsupported_transfer_coding"},
           {"X-A: a\rb\r\n", 400, "bad_header"},
           {"X\tA: b\r\n", 400, "bad_header"},
           {"NoColon\r\n", 400, "bad_header"},
       }) {
    RequestHead head = Read("POST / HTTP/1.1\r\n" + test.headers);
    EXPECT_EQ(StatusOf(head), test.status) << test.headers;
    EXPECT_EQ(CodeOf(head), test.code) << test.headers;
  }
  EXPECT_TRUE(Read("POST / HTTP/1.1\r\nTransfer-Encoding:  Chunked \r\n").chunked);
}

TEST(RequestHead, RefusesBrokenRequestLinesAndOtherVersions) {
  EXPECT_EQ(StatusOf(Read("GET  / HTTP/1.1\r\n")), 400);
  EXPECT_EQ(StatusOf(Read("GET /\x01 HTTP/1.1\r\n")), 400);
  EXPECT_EQ(StatusOf(Read("GET / HTTP/1.1 extra\r\n")), 400);
  EXPECT_EQ(StatusOf(Read("G(T / HTTP/1.1\r\n")), 400);
  EXPECT_EQ(StatusOf(Read("GET / HTTP/2.0\r\n")), 505);
  EXPECT_EQ(StatusOf(ReadRequestHead("\r\n")), 400);
}

}  // namespace
}  // namespace dossier
