#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dossier {

// The values of one JSON object, read by key and checked for their type: a
// key missing, a value of another type or out of range throws JsonParseError
// naming where ("report.inputs[1].pages") and what was expected. FromJson's
// tool: what it returns is typed, never a string to be read again.
class JsonObjectReader {
 public:
  // `text` must be one JSON object; `where` names it in errors ("report").
  static JsonObjectReader Parse(const std::string& text, const std::string& where);
  JsonObjectReader(Poco::JSON::Object::Ptr object, std::string where);

  std::string String(const std::string& key) const;
  std::string StringOrNull(const std::string& key) const;   // null: ""
  std::string StringOrEmpty(const std::string& key) const;  // null or missing: ""
  bool Bool(const std::string& key) const;
  int Int(const std::string& key) const;
  std::optional<int> IntOrNull(const std::string& key) const;
  std::uint64_t Unsigned(const std::string& key) const;
  double Number(const std::string& key) const;
  std::optional<double> NumberOrNull(const std::string& key) const;
  JsonObjectReader Object(const std::string& key) const;
  std::vector<JsonObjectReader> Objects(const std::string& key) const;  // an array of objects
  std::vector<std::string> Strings(const std::string& key) const;       // an array of strings

  // Where `key` is, for a caller's own checks of a value's content.
  std::string Where(const std::string& key) const;

 private:
  Poco::Dynamic::Var Value(const std::string& key, const char* expected) const;

  Poco::JSON::Object::Ptr object_;
  std::string where_;
};

}  // namespace dossier
