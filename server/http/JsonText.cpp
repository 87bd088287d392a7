#include "server/http/JsonText.h"

#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

namespace dossier {

Poco::JSON::Object::Ptr NewJsonObject() {
  return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

std::string JsonText(const Poco::JSON::Object::Ptr& object) {
  std::ostringstream text;
  object->stringify(text);
  return text.str();
}

std::string JsonText(const Poco::JSON::Array::Ptr& array) {
  std::ostringstream text;
  array->stringify(text);
  return text.str();
}

Poco::Dynamic::Var ParseJson(const std::string& text) {
  Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
  return parser.parse(text);
}

}  // namespace dossier
