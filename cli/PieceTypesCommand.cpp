#include "cli/PieceTypesCommand.h"

#include <iostream>

#include "ingest/policy/PiecePolicy.h"
#include "processors/core/JsonWriter.h"

namespace dossier {
namespace {

void WriteType(JsonWriter& json, const PieceRules& rules, bool conditional) {
  json.BeginObject()
      .Key("code").String(rules.code)
      .Key("label").String(rules.label)
      .Key("max_bytes").Integer(static_cast<long long>(rules.max_bytes))
      .Key("max_pages").Integer(rules.max_pages)
      .Key("formats").BeginArray();
  for (const std::string& format : rules.formats) json.String(format);
  json.EndArray()
      .Key("target_dpi").Integer(rules.image.dpi)
      .Key("check_ine").Bool(rules.check_ine)
      .Key("conditional").Bool(conditional)
      .EndObject();
}

}  // namespace

int RunPieceTypesCommand(const std::vector<std::string>& args) {
  try {
    if (!args.empty() && (args.size() != 2 || args[0] != "--policy")) {
      std::cerr << "usage: dossier piece-types [--policy FILE]\n";
      return 2;
    }
    PiecePolicy policy = args.empty() ? PiecePolicy::BuiltIn() : PiecePolicy::FromFile(args[1]);
    JsonWriter json;
    json.BeginObject().Key("defaults");
    WriteType(json, policy.defaults(), false);
    json.Key("piece_types").BeginArray();
    for (const PieceType& type : policy.types()) WriteType(json, type.rules, type.conditional);
    json.EndArray().EndObject();
    std::cout << json.str() << "\n";
    return 0;
  } catch (const PolicyError& error) {
    std::cerr << "dossier piece-types: " << error.what() << "\n";
    return 2;
  }
}

}  // namespace dossier
