#include "core/json/JsonDocument.h"

#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

namespace dossier {

Poco::JSON::Object::Ptr NewJsonObject() {
  return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

std::string JsonText(const Poco::JSON::Object::Ptr& object) {
  return JsonText(*object);
}

std::string JsonText(const Poco::JSON::Array::Ptr& array) {
  return JsonText(*array);
}

Poco::Dynamic::Var ParseJson(const std::string& text) {
  Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
  return parser.parse(text);
}

}  // namespace dossier
