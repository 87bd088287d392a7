#include "cli/PieceTypesCommand.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <iostream>

#include "core/json/JsonText.h"
#include "workflow/policy/PiecePolicy.h"

namespace dossier {
namespace {

Poco::JSON::Object::Ptr TypeJson(const PieceRules& rules, bool conditional) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("code", rules.code);
  json->set("label", rules.label);
  json->set("max_bytes", rules.max_bytes);
  json->set("max_pages", rules.max_pages);
  Poco::JSON::Array::Ptr formats = new Poco::JSON::Array;
  for (const std::string& format : rules.formats) formats->add(format);
  json->set("formats", formats);
  json->set("target_dpi", rules.image.dpi);
  json->set("check_ine", rules.check_ine);
  json->set("conditional", conditional);
  return json;
}

}  // namespace

int RunPieceTypesCommand(const std::vector<std::string>& args) {
  try {
    if (!args.empty() && (args.size() != 2 || args[0] != "--policy")) {
      std::cerr << "usage: dossier piece-types [--policy FILE]\n";
      return 2;
    }
    PiecePolicy policy = args.empty() ? PiecePolicy::BuiltIn() : PiecePolicy::FromFile(args[1]);
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("defaults", TypeJson(policy.defaults(), false));
    Poco::JSON::Array::Ptr types = new Poco::JSON::Array;
    for (const PieceType& type : policy.types()) types->add(TypeJson(type.rules, type.conditional));
    json.set("piece_types", types);
    std::cout << JsonText(json) << "\n";
    return 0;
  } catch (const PolicyError& error) {
    std::cerr << "dossier piece-types: " << error.what() << "\n";
    return 2;
  }
}

}  // namespace dossier
