#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "core/errors/ClientError.h"
#include "server/http/HttpStatusOf.h"
#include "server/routes/CandidatureRequest.h"

namespace dossier {
namespace {

CandidatureRequest Parse(const std::string& json) {
  return ParseCandidatureRequest(
      Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>());
}

std::string ErrorCode(const std::string& json) {
  try {
    Parse(json);
  } catch (const ClientError& error) {
    EXPECT_EQ(HttpStatusOf(error.code()), 400) << json;
    EXPECT_FALSE(error.message().empty());
    return error.code_name();
  }
  return "";
}

TEST(CandidatureRequest, ReadsFormationIneEmailAndPiecesInOrder) {
  CandidatureRequest request = Parse(
      R"({"formation": "Licence Droit", "ine": "1234567890 v", "email": "a@b.fr",
          "pieces": [{"code": "releve_bac", "mandatory": true}, {"code": "cv", "mandatory": false},
                     {"code": "bulletins"}]})");
  EXPECT_EQ(request.formation, "Licence Droit");
  ASSERT_TRUE(request.ine);
  EXPECT_EQ(*request.ine, "1234567890V");  // normalised as stored
  EXPECT_EQ(request.email.value_or(""), "a@b.fr");
  ASSERT_TRUE(request.pieces);
  ASSERT_EQ(request.pieces->size(), 3u);
  EXPECT_EQ((*request.pieces)[0].code, "releve_bac");
  EXPECT_FALSE((*request.pieces)[1].mandatory);
  EXPECT_TRUE((*request.pieces)[2].mandatory);  // the default
}

TEST(CandidatureRequest, AbsentFieldsStayAbsentSoAnUpdateKeepsThem) {
  CandidatureRequest request = Parse(R"({"formation": "BUT Informatique"})");
  EXPECT_FALSE(request.ine);
  EXPECT_FALSE(request.email);
  EXPECT_FALSE(request.pieces);
  CandidatureRequest cleared = Parse(R"({"formation": "BUT", "ine": null, "email": ""})");
  EXPECT_EQ(cleared.ine.value_or("x"), "");
  EXPECT_EQ(cleared.email.value_or("x"), "");
}

TEST(CandidatureRequest, RefusesWhatCannotBeStored) {
  EXPECT_EQ(ErrorCode(R"({"ine": "1234567890V"})"), "invalid_field");
  EXPECT_EQ(ErrorCode(R"({"formation": ""})"), "invalid_field");
  EXPECT_EQ(ErrorCode(R"({"formation": 12})"), "invalid_field");
  EXPECT_EQ(ErrorCode(R"({"formation": "L", "ine": "1234567890A"})"), "invalid_ine");
  EXPECT_EQ(ErrorCode(R"({"formation": "L", "ine": "12345"})"), "invalid_ine");
  EXPECT_EQ(ErrorCode(R"({"formation": "L", "email": "pas une adresse"})"), "invalid_field");
  EXPECT_EQ(ErrorCode(R"({"formation": "L", "pieces": "cv"})"), "invalid_field");
  EXPECT_EQ(ErrorCode(R"({"formation": "L", "pieces": ["cv"]})"), "invalid_field");
  EXPECT_EQ(ErrorCode(R"({"formation": "L", "pieces": [{"code": "../etc"}]})"), "unknown_piece");
  EXPECT_EQ(ErrorCode(R"({"formation": "L", "pieces": [{"code": "cv", "mandatory": "oui"}]})"),
            "invalid_field");
  EXPECT_EQ(ErrorCode(R"({"formation": "L", "pieces": [{"code": "cv"}, {"code": "cv"}]})"),
            "duplicate_piece");
}

}  // namespace
}  // namespace dossier
