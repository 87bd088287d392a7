#include "workflow/policy/PiecePolicy.h"

#include <Poco/JSON/Parser.h>

#include <fstream>
#include <initializer_list>
#include <sstream>
#include <vector>

namespace dossier {

extern const char* const kBuiltInPiecePolicy;  // generated from schemas/piece_types.json

namespace {

using Poco::JSON::Object;

constexpr std::uint64_t kAdminCeiling = 10'000'000;  // eCandidat's admin screen caps at 10 Mo

// The sniffed kinds a pièce may accept (FileKindCode): documents and the
// image formats the workers turn into pages.
bool IsPieceFormat(const std::string& format) {
  for (const char* known : {"pdf", "jpeg", "png", "heic", "avif", "webp", "tiff"})
    if (format == known) return true;
  return false;
}

void ReadFormats(const Object& entry, PieceRules& rules) {
  if (!entry.has("formats")) return;
  rules.formats.clear();
  auto formats = entry.getArray("formats");
  for (std::size_t i = 0; i < formats->size(); ++i) {
    std::string format = formats->getElement<std::string>(static_cast<unsigned>(i));
    if (!IsPieceFormat(format)) throw PolicyError("unknown format '" + format + "'");
    rules.formats.push_back(format);
  }
}

// A key this service does not read is an error naming it: a misspelt
// "max_byte" would otherwise leave eCandidat's default in force unseen.
void RequireKnownKeys(const Object& object, std::initializer_list<const char*> known) {
  std::vector<std::string> names;
  object.getNames(names);
  for (const std::string& name : names) {
    bool found = false;
    for (const char* key : known) found = found || name == key;
    if (!found) throw PolicyError("unknown key '" + name + "'");
  }
}

void Overlay(const Object& entry, PieceRules& rules, bool& conditional) {
  RequireKnownKeys(entry, {"code", "label", "max_bytes", "max_pages", "target_dpi", "bilevel_dpi",
                           "floor_dpi", "jpeg_quality", "check_ine", "conditional", "formats"});
  if (entry.has("code")) rules.code = entry.getValue<std::string>("code");
  if (entry.has("label")) rules.label = entry.getValue<std::string>("label");
  if (entry.has("max_bytes")) rules.max_bytes = entry.getValue<std::uint64_t>("max_bytes");
  if (entry.has("max_pages")) rules.max_pages = entry.getValue<int>("max_pages");
  if (entry.has("target_dpi")) rules.image.dpi = entry.getValue<int>("target_dpi");
  if (entry.has("bilevel_dpi")) rules.image.bilevel_dpi = entry.getValue<int>("bilevel_dpi");
  if (entry.has("floor_dpi")) rules.image.floor_dpi = entry.getValue<int>("floor_dpi");
  if (entry.has("jpeg_quality")) rules.image.jpeg_quality = entry.getValue<int>("jpeg_quality");
  if (entry.has("check_ine")) rules.check_ine = entry.getValue<bool>("check_ine");
  if (entry.has("conditional")) conditional = entry.getValue<bool>("conditional");
  ReadFormats(entry, rules);
}

void Validate(const PieceRules& rules) {
  if (rules.max_bytes < 100'000 || rules.max_bytes > kAdminCeiling)
    throw PolicyError("max_bytes must be between 100000 and 10000000");
  if (rules.max_pages < 1) throw PolicyError("max_pages must be at least 1");
  if (rules.image.floor_dpi < 72 || rules.image.dpi < rules.image.floor_dpi)
    throw PolicyError("need 72 <= floor_dpi <= target_dpi");
  if (rules.image.jpeg_quality < 30 || rules.image.jpeg_quality > 100)
    throw PolicyError("jpeg_quality must be between 30 and 100");
  if (rules.formats.empty()) throw PolicyError("formats must not be empty");
}

}  // namespace

PiecePolicy PiecePolicy::BuiltIn() {
  return FromJson(kBuiltInPiecePolicy, "built-in piece_types.json");
}

PiecePolicy PiecePolicy::FromFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw PolicyError(path + ": cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  return FromJson(text.str(), path);
}

PiecePolicy PiecePolicy::FromJson(const std::string& json, const std::string& origin) {
  PiecePolicy policy;
  std::string where = origin;
  try {
    Poco::JSON::Parser parser;
    auto root = parser.parse(json).extract<Object::Ptr>();
    RequireKnownKeys(*root, {"version", "defaults", "piece_types"});
    bool ignored = false;
    where = origin + ": defaults";
    if (root->has("defaults")) Overlay(*root->getObject("defaults"), policy.defaults_, ignored);
    Validate(policy.defaults_);
    auto entries = root->getArray("piece_types");
    for (std::size_t i = 0; entries && i < entries->size(); ++i) {
      where = origin + ": piece_types[" + std::to_string(i) + "]";
      PieceType type{policy.defaults_, false};
      Overlay(*entries->getObject(static_cast<unsigned>(i)), type.rules, type.conditional);
      if (type.rules.code == policy.defaults_.code) throw PolicyError("missing code");
      Validate(type.rules);
      policy.types_.push_back(type);
    }
  } catch (const PolicyError& error) {
    throw PolicyError(where + ": " + error.what());
  } catch (const Poco::Exception& error) {
    throw PolicyError(where + ": " + error.displayText());
  }
  return policy;
}

const PieceType* PiecePolicy::Find(const std::string& code) const {
  for (const PieceType& type : types_)
    if (type.rules.code == code) return &type;
  return nullptr;
}

PieceRules PiecePolicy::RulesFor(const std::string& code) const {
  if (code.empty()) return defaults_;
  const PieceType* type = Find(code);
  if (!type) throw PolicyError("unknown pièce type '" + code + "'");
  return type->rules;
}

}  // namespace dossier
