#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "server/http/HttpError.h"

namespace dossier {
namespace {

Poco::JSON::Object::Ptr Parsed(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

TEST(HttpError, BodyHasErrorAndMessageFirstWithFrenchKeptReadable) {
  HttpError error(409, "not_transmittable", "Votre dossier a déjà été transmis « RE ».", 0);
  std::string body = error.Body();
  EXPECT_EQ(body.find("{\"error\":\"not_transmittable\",\"message\":"), 0u) << body;
  EXPECT_NE(body.find("déjà"), std::string::npos) << "UTF-8 is written as is: " << body;
  Poco::JSON::Object::Ptr parsed = Parsed(body);
  EXPECT_EQ(parsed->getValue<std::string>("message"), "Votre dossier a déjà été transmis « RE ».");
  EXPECT_EQ(parsed->size(), 2u);
  EXPECT_EQ(error.status(), 409);
}

TEST(HttpError, ExtraMembersFollowAndQuotesAreEscaped) {
  Poco::JSON::Array::Ptr codes = new Poco::JSON::Array;
  codes->add("cv");
  codes->add("releve_bac");
  HttpError error(409, "pieces_missing", "Il manque « CV » \"et\" le relevé.");
  error.With("pieces", codes);
  Poco::JSON::Object::Ptr parsed = Parsed(error.Body());
  EXPECT_EQ(parsed->getValue<std::string>("error"), "pieces_missing");
  EXPECT_EQ(parsed->getValue<std::string>("message"), "Il manque « CV » \"et\" le relevé.");
  Poco::JSON::Array::Ptr pieces = parsed->getArray("pieces");
  ASSERT_TRUE(pieces);
  ASSERT_EQ(pieces->size(), 2u);
  EXPECT_EQ(pieces->getElement<std::string>(1), "releve_bac");
}

TEST(HttpError, ErrorBodyIsTheSameShape) {
  Poco::JSON::Object::Ptr parsed = Parsed(ErrorBody("unauthorized", "Accès refusé."));
  EXPECT_EQ(parsed->getValue<std::string>("error"), "unauthorized");
  EXPECT_EQ(parsed->getValue<std::string>("message"), "Accès refusé.");
}

}  // namespace
}  // namespace dossier
