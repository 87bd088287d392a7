#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <set>

#include "core/messages/ApiMessages.h"
#include "core/messages/DoorMessages.h"
#include "server/http/ErrorAnswer.h"
#include "server/http/HttpStatusOf.h"

namespace dossier {
namespace {

Poco::JSON::Object::Ptr Parsed(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

std::string Header(const ErrorAnswer& answer, const std::string& name) {
  for (const auto& [key, value] : answer.headers)
    if (key == name) return value;
  return "";
}

TEST(ErrorAnswer, BodyHasErrorAndMessageFirstWithFrenchKeptReadable) {
  ErrorAnswer answer = AnswerTo(ClientError(
      ErrorCode::kNotTransmittable, "Votre dossier a déjà été transmis « RE ».", "candidature C1"));
  EXPECT_EQ(answer.status, 409);
  EXPECT_EQ(answer.body.find("{\"error\":\"not_transmittable\",\"message\":"), 0u) << answer.body;
  EXPECT_NE(answer.body.find("déjà"), std::string::npos) << "UTF-8 is written as is";
  Poco::JSON::Object::Ptr parsed = Parsed(answer.body);
  EXPECT_EQ(parsed->getValue<std::string>("message"), "Votre dossier a déjà été transmis « RE ».");
  EXPECT_EQ(parsed->size(), 2u) << "the context is for the log only: " << answer.body;
  EXPECT_TRUE(answer.headers.empty());
}

TEST(ErrorAnswer, ListsFollowAndQuotesAreEscaped) {
  ClientError error(ErrorCode::kPiecesMissing, "Il manque « CV » \"et\" le relevé.");
  error.With("pieces", {"cv", "releve_bac"});
  ErrorAnswer answer = AnswerTo(error);
  EXPECT_EQ(answer.body,
            "{\"error\":\"pieces_missing\",\"message\":\"Il manque « CV » \\\"et\\\" le "
            "relevé.\",\"pieces\":[\"cv\",\"releve_bac\"]}");
  Poco::JSON::Array::Ptr pieces = Parsed(answer.body)->getArray("pieces");
  ASSERT_TRUE(pieces);
  EXPECT_EQ(pieces->getElement<std::string>(1), "releve_bac");
}

TEST(ErrorAnswer, RetryAfterAndTheBearerChallengeAreHeaders) {
  ErrorAnswer busy = AnswerTo(ClientError(ErrorCode::kBusy, "Patientez.").RetryAfter(5));
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(Header(busy, "Retry-After"), "5");
  ErrorAnswer unauthorized = AnswerTo(ClientError(ErrorCode::kUnauthorized, "Accès refusé."));
  EXPECT_EQ(unauthorized.status, 401);
  EXPECT_EQ(Header(unauthorized, "WWW-Authenticate"), "Bearer");
  EXPECT_EQ(Header(unauthorized, "Retry-After"), "");
  Poco::JSON::Object::Ptr parsed = Parsed(unauthorized.body);
  EXPECT_EQ(parsed->getValue<std::string>("error"), "unauthorized");
  EXPECT_EQ(parsed->getValue<std::string>("message"), "Accès refusé.");
}

// The codes and statuses clients already rely on (schemas/openapi.yaml).
TEST(ErrorCodes, KeepTheirNamesAndStatuses) {
  EXPECT_EQ(HttpStatusOf(ErrorCode::kNotFound), 404);
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kPiecesMissing), "pieces_missing");
  EXPECT_EQ(HttpStatusOf(ErrorCode::kPiecesMissing), 409);
  EXPECT_EQ(HttpStatusOf(ErrorCode::kTooManyUploads), 429);
  EXPECT_EQ(HttpStatusOf(ErrorCode::kFormat), 415);
  EXPECT_EQ(HttpStatusOf(ErrorCode::kHeadTooLarge), 431);
  EXPECT_EQ(HttpStatusOf(ErrorCode::kUnsupportedTransferCoding), 501);
  EXPECT_EQ(HttpStatusOf(ErrorCode::kHttpVersion), 505);
  EXPECT_EQ(HttpStatusOf(ErrorCode::kDatabaseUnavailable), 503);
}

TEST(ErrorCodes, EveryCodeHasANameAndAStatus) {
  std::set<std::string> names;
  for (int i = 0; i < kErrorCodeCount; ++i) {
    auto code = static_cast<ErrorCode>(i);
    std::string name = ErrorCodeName(code);
    EXPECT_TRUE(names.insert(name).second) << "two codes are named " << name;
    int status = HttpStatusOf(code);
    EXPECT_GE(status, 400) << name;
    EXPECT_LT(status, 600) << name;
    // Only the one meant for it is answered 500: any other one landing
    // there is a code missing from HttpStatusOf.
    EXPECT_EQ(status == 500, code == ErrorCode::kInternalError) << name;
  }
  EXPECT_EQ(names.count("internal_error"), 1u);
}

// The gate answers these before any route runs: each says what happened
// and what to do in a sentence of its own.
TEST(ErrorCodes, EveryRefusalAtTheDoorHasItsOwnSentence) {
  const ErrorCode kDoor[] = {ErrorCode::kAmbiguousFraming,
                             ErrorCode::kBadContentLength,
                             ErrorCode::kBadHeader,
                             ErrorCode::kBadRequestLine,
                             ErrorCode::kHeadTimeout,
                             ErrorCode::kHeadTooLarge,
                             ErrorCode::kHttpVersion,
                             ErrorCode::kUnsupportedTransferCoding,
                             ErrorCode::kBusy,
                             ErrorCode::kTooManyConnections,
                             ErrorCode::kUnauthorized};
  std::string fallback = messages::DoorRefusal(ErrorCode::kInternalError);
  std::set<std::string> sentences;
  for (ErrorCode code : kDoor) {
    std::string sentence = messages::DoorRefusal(code);
    EXPECT_NE(sentence, fallback) << ErrorCodeName(code);
    EXPECT_TRUE(sentences.insert(sentence).second) << ErrorCodeName(code) << ": " << sentence;
    EXPECT_EQ(sentence.back(), '.') << ErrorCodeName(code) << ": " << sentence;
  }
  EXPECT_EQ(messages::DoorRefusal(ErrorCode::kUnauthorized), messages::Unauthorized());
}

}  // namespace
}  // namespace dossier
