// One hostile client against the door of the service: slow heads, floods of
// connections from one address, contradictory framing, bodies cut short.
// Everything goes through real sockets to a real dossierd.
#include <gtest/gtest.h>

#include <memory>
#include <thread>
#include <vector>

#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/service/RawConnection.h"
#include "tests/service/ServiceTestbed.h"

namespace dossier::test {
namespace {

const std::string kBoundary = "----hostile-client-boundary";

std::string UploadHead(const std::string& candidature, const std::string& token,
                       const std::string& framing) {
  return "POST /api/v1/candidatures/" + candidature +
         "/pieces/cv/files HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
         "\r\nContent-Type: multipart/form-data; boundary=" + kBoundary + "\r\n" + framing + "\r\n";
}

std::string Chunked(const std::string& body, std::size_t chunk) {
  std::string text;
  for (std::size_t at = 0; at < body.size(); at += chunk) {
    std::string part = body.substr(at, chunk);
    char size[32];
    std::snprintf(size, sizeof size, "%zx\r\n", part.size());
    text += size + part + "\r\n";
  }
  return text;
}

std::string CvBody() {
  return ApiClient::MultipartBody({{"cv.pdf", fixtures::BornDigitalPdf({{"Curriculum vitae"}})}},
                                  kBoundary);
}

std::vector<std::unique_ptr<RawConnection>> SlowHeads(int port, int count) {
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < count; ++i) {
    slow.push_back(std::make_unique<RawConnection>(port));
    slow.back()->Send("G");  // then nothing: the rest of the head never comes
  }
  return slow;
}

TEST(HostileClient, SlowHeadsHoldNoThreadAndAreCutAtTheHeadDeadline) {
  ServiceTestbed bed{
      {"--workers", "0", "--head-timeout", "4", "--max-waiting-per-address", "1000"}};
  ASSERT_EQ(bed.CreateCandidature("SLOW-1", {{"cv", true}}), 201);
  // More slow connections than the service has serving threads (128 + 8).
  auto slow = SlowHeads(bed.service().port(), 300);
  for (int i = 0; i < 20; ++i) ASSERT_EQ(bed.api().Request("GET", "/healthz").status, 200);
  ApiResponse upload =
      bed.api().Upload("SLOW-1", "cv", bed.Token("candidat", "SLOW-1"),
                       {{"cv.pdf", fixtures::BornDigitalPdf({{"Curriculum vitae"}})}});
  EXPECT_EQ(upload.status, 202) << upload.body;
  // Past the deadline each slow connection got 408 and was closed.
  std::this_thread::sleep_for(std::chrono::seconds(5));
  for (int i : {0, 150, 299}) {
    bool closed = false;
    std::string answer = slow[static_cast<std::size_t>(i)]->ReadAll(2.0, &closed);
    EXPECT_TRUE(closed) << "slow connection " << i;
    EXPECT_EQ(ResponseStatuses(answer), std::vector<int>{408}) << answer;
  }
}

TEST(HostileClient, OneAddressHoldsAtMostItsShareOfWaitingHeads) {
  ServiceTestbed bed{{"--workers", "0", "--max-waiting-per-address", "20"}};
  auto slow = SlowHeads(bed.service().port(), 30);
  // The ten oldest were closed to make room; the twenty newest still wait.
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(slow[static_cast<std::size_t>(i)]->ClosedWithin(2.0));
  for (int i = 10; i < 30; ++i)
    EXPECT_FALSE(slow[static_cast<std::size_t>(i)]->ClosedWithin(0.05)) << i;
  // A request that arrives whole is served all the same.
  EXPECT_EQ(bed.api().Request("GET", "/healthz").status, 200);
}

struct Smuggling {
  const char* name;
  std::string framing;
  std::string version;
  int status;
  const char* code;
};

TEST(HostileClient, ContradictoryFramingIsRefusedAndNothingAfterItIsRead) {
  ServiceTestbed bed{{"--workers", "0"}};
  const std::string smuggled = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  const std::vector<Smuggling> cases = {
      {"two lengths", "Content-Length: 5\r\nContent-Length: 48\r\n", "1.1", 400,
       "bad_content_length"},
      {"length list", "Content-Length: 5, 5\r\n", "1.1", 400, "bad_content_length"},
      {"negative length", "Content-Length: -5\r\n", "1.1", 400, "bad_content_length"},
      {"length with letters", "Content-Length: 5x\r\n", "1.1", 400, "bad_content_length"},
      {"length and chunked", "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "1.1", 400,
       "ambiguous_framing"},
      {"chunked and length", "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", "1.1", 400,
       "ambiguous_framing"},
      {"gzip coding", "Transfer-Encoding: gzip\r\n", "1.1", 501, "unsupported_transfer_coding"},
      {"gzip then chunked", "Transfer-Encoding: gzip, chunked\r\n", "1.1", 501,
       "unsupported_transfer_coding"},
      {"chunked twice", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", "1.1", 501,
       "unsupported_transfer_coding"},
      {"chunked in HTTP/1.0", "Transfer-Encoding: chunked\r\n", "1.0", 400, "ambiguous_framing"},
      {"space before colon", "Content-Length : 5\r\n", "1.1", 400, "bad_header"},
      {"folded header", "X-Note: a\r\n  folded\r\nContent-Length: 5\r\n", "1.1", 400, "bad_header"},
  };
  for (const Smuggling& test : cases) {
    RawConnection connection(bed.service().port());
    connection.Send("POST /api/v1/candidatures/X/pieces/cv/files HTTP/" + test.version +
                    "\r\nHost: 127.0.0.1\r\nAuthorization: Bearer x\r\n" + test.framing +
                    "\r\n0\r\n\r\n" + smuggled);
    bool closed = false;
    std::string answer = connection.ReadAll(5.0, &closed);
    EXPECT_EQ(ResponseStatuses(answer), std::vector<int>{test.status}) << test.name << answer;
    EXPECT_NE(answer.find(std::string("\"error\":\"") + test.code + "\""), std::string::npos)
        << test.name << answer;
    EXPECT_TRUE(closed) << test.name;
  }
}

TEST(HostileClient, ChunkedUploadWithoutItsLastChunkIsTruncated) {
  ServiceTestbed bed{{"--workers", "0"}};
  ASSERT_EQ(bed.CreateCandidature("CHUNK-1", {{"cv", true}}), 201);
  std::string token = bed.Token("candidat", "CHUNK-1");
  std::string body = CvBody();
  // The whole multipart, closing boundary included, but not the last chunk.
  {
    RawConnection cut(bed.service().port());
    cut.Send(UploadHead("CHUNK-1", token, "Transfer-Encoding: chunked\r\n") + Chunked(body, 4000));
    cut.EndSending();
    std::string answer = cut.ReadAll(10.0);
    EXPECT_EQ(ResponseStatuses(answer), std::vector<int>{400}) << answer;
    EXPECT_NE(answer.find("\"error\":\"truncated\""), std::string::npos) << answer;
  }
  // Cut inside the file.
  {
    RawConnection cut(bed.service().port());
    cut.Send(UploadHead("CHUNK-1", token, "Transfer-Encoding: chunked\r\n") +
             Chunked(body.substr(0, body.size() / 2), 4000));
    cut.EndSending();
    std::string answer = cut.ReadAll(10.0);
    EXPECT_EQ(ResponseStatuses(answer), std::vector<int>{400}) << answer;
    EXPECT_NE(answer.find("\"error\":\"truncated\""), std::string::npos) << answer;
  }
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM piece_version"), 0);
  // The same body, whole, is taken; the connection then serves another request.
  RawConnection whole(bed.service().port());
  whole.Send(UploadHead("CHUNK-1", token, "Transfer-Encoding: chunked\r\n") + Chunked(body, 4000) +
             "0\r\n\r\n");
  std::string answer = whole.ReadAll(3.0);
  EXPECT_EQ(ResponseStatuses(answer), std::vector<int>{202}) << answer;
  whole.Send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  EXPECT_EQ(ResponseStatuses(whole.ReadAll(3.0)), std::vector<int>{200});
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM piece_version"), 1);
}

TEST(HostileClient, ABodyWithoutTokenIsRefusedAtTheDoor) {
  ServiceTestbed bed{{"--workers", "0"}};
  RawConnection connection(bed.service().port());
  connection.Send(
      "POST /api/v1/candidatures/X/pieces/cv/files HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Content-Length: 100000000\r\n\r\n");
  bool closed = false;
  std::string answer = connection.ReadAll(5.0, &closed);
  EXPECT_EQ(ResponseStatuses(answer), std::vector<int>{401}) << answer;
  EXPECT_NE(answer.find("\"error\":\"unauthorized\""), std::string::npos) << answer;
  EXPECT_TRUE(closed);
}

TEST(HostileClient, OneAddressGetsItsShareOfServingThreadsAndProbesStillPass) {
  ServiceTestbed bed{{"--workers", "0", "--max-serving-per-address", "2"}};
  ASSERT_EQ(bed.CreateCandidature("BUSY-1", {{"cv", true}}), 201);
  std::string token = bed.Token("candidat", "BUSY-1");
  // Two uploads that announce 5 Mo and send a trickle: each holds a thread.
  std::vector<std::unique_ptr<RawConnection>> trickles;
  for (int i = 0; i < 2; ++i) {
    trickles.push_back(std::make_unique<RawConnection>(bed.service().port()));
    trickles.back()->Send(UploadHead("BUSY-1", token, "Content-Length: 5000000\r\n") + "--" +
                          kBoundary + "\r\n");
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  ApiResponse third = bed.api().Request("GET", "/api/v1/candidatures/BUSY-1", token);
  EXPECT_EQ(third.status, 503) << third.body;
  EXPECT_NE(third.body.find("too_many_connections"), std::string::npos) << third.body;
  EXPECT_EQ(third.headers["retry-after"], "5");
  EXPECT_EQ(bed.api().Request("GET", "/healthz").status, 200);
  trickles.clear();  // the uploads give up: their threads come back
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(bed.api().Request("GET", "/api/v1/candidatures/BUSY-1", token).status, 200);
}

TEST(HostileClient, KeptAliveConnectionsServeOneRequestAfterAnother) {
  ServiceTestbed bed{{"--workers", "0"}};
  RawConnection connection(bed.service().port());
  for (int i = 0; i < 3; ++i) {
    connection.Send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    EXPECT_EQ(ResponseStatuses(connection.ReadAll(1.0)), std::vector<int>{200}) << i;
  }
}

}  // namespace
}  // namespace dossier::test
