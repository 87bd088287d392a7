// PieceUpload's first step, from the request alone: what it announces is
// judged before the database is asked and before a byte of the body is read,
// with the errors the reception gives for the same body.
#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>

#include "core/errors/ClientError.h"
#include "core/messages/UploadMessages.h"
#include "ingest/upload/PieceUpload.h"
#include "ingest/upload/ReceiveMultipart.h"
#include "store/blobs/BlobStore.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

class PieceUploadCheckAnnouncedTest : public ::testing::Test {
 protected:
  PieceUploadCheckAnnouncedTest() : store_(dir_.path()) { limits_.min_free_bytes = 0; }

  UploadRequest Request(const std::string& content_type, std::optional<std::uint64_t> length) {
    return {"C1", "cv", "", content_type, length};
  }

  // The ClientError CheckAnnounced throws; code kInternalError when none.
  ClientError RefusalOf(const UploadRequest& request) {
    try {
      PieceUpload(request, limits_, quota_, store_).CheckAnnounced();
    } catch (const ClientError& error) {
      return error;
    }
    return ClientError(ErrorCode::kInternalError, "");
  }

  testing::TempDir dir_;
  BlobStore store_;
  UploadLimits limits_;
  CandidatureQuota quota_;
};

TEST_F(PieceUploadCheckAnnouncedTest, ABodyAnnouncedOverTheCapIsTheReceptionsTooLarge) {
  const std::string type = "multipart/form-data; boundary=b";
  ClientError announced = RefusalOf(Request(type, limits_.max_request_bytes + 1));
  EXPECT_STREQ(announced.code_name(), "too_large");
  EXPECT_EQ(announced.message(), RequestTooLargeMessage(limits_.max_request_bytes));
  // The reception refuses the same body with the same error.
  std::istringstream body("--b--\r\n");
  try {
    ReceiveMultipart(body, type, limits_.max_request_bytes + 1, PieceRules{}, limits_, store_);
    ADD_FAILURE() << "received";
  } catch (const ClientError& received) {
    EXPECT_EQ(received.code(), announced.code());
    EXPECT_EQ(received.message(), announced.message());
  }
  EXPECT_EQ(RefusalOf(Request(type, limits_.max_request_bytes)).code(), ErrorCode::kInternalError)
      << "at the cap is allowed";
  EXPECT_EQ(RefusalOf(Request(type, std::nullopt)).code(), ErrorCode::kInternalError)
      << "a chunked body is capped as it is read";
}

TEST_F(PieceUploadCheckAnnouncedTest, OnlyAMultipartFormDataBodyIsAnUpload) {
  EXPECT_STREQ(RefusalOf(Request("application/json", 100)).code_name(), "not_multipart");
  EXPECT_STREQ(RefusalOf(Request("", 100)).code_name(), "not_multipart");
  EXPECT_STREQ(RefusalOf(Request("multipart/mixed; boundary=b", 100)).code_name(), "not_multipart");
  EXPECT_EQ(RefusalOf(Request("Multipart/Form-Data; boundary=b", 100)).code(),
            ErrorCode::kInternalError);
}

TEST_F(PieceUploadCheckAnnouncedTest, TheStepsRunInTheirOrder) {
  PieceUpload upload(Request("multipart/form-data; boundary=b", 7), limits_, quota_, store_);
  std::istringstream body("--b--\r\n");
  EXPECT_THROW(upload.Receive(body), std::logic_error);
  EXPECT_EQ(body.tellg(), 0) << "nothing is read before the admission";
}

}  // namespace
}  // namespace dossier
