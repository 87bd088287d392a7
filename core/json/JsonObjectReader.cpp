#include "core/json/JsonObjectReader.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <limits>

#include "core/json/JsonParseError.h"

namespace dossier {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

// What a value is, in the words of an error message.
const char* Found(const Var& value) {
  if (value.isEmpty()) return "null";
  if (value.type() == typeid(Object::Ptr)) return "an object";
  if (value.type() == typeid(Array::Ptr)) return "an array";
  if (value.isBoolean()) return "a boolean";
  if (value.isString()) return "a string";
  if (value.isNumeric()) return "a number";
  return "another value";
}

[[noreturn]] void Expected(const std::string& where, const char* expected, const Var& found) {
  throw JsonParseError(where + ": expected " + expected + ", found " + Found(found));
}

// Poco's parser gives booleans as integers too: an integer here is a number
// that is neither a boolean nor a fraction.
bool IsInteger(const Var& value) {
  return value.isInteger() && !value.isBoolean();
}

// The value of an integer, as signed or unsigned 64 bits as it was parsed.
bool Negative(const Var& value) {
  return value.isSigned() && value.convert<Poco::Int64>() < 0;
}

int ToInt(const Var& value, const std::string& where) {
  if (!IsInteger(value)) Expected(where, "an integer", value);
  constexpr int kLow = std::numeric_limits<int>::min(), kHigh = std::numeric_limits<int>::max();
  bool fits = value.isSigned()
                  ? value.convert<Poco::Int64>() >= kLow && value.convert<Poco::Int64>() <= kHigh
                  : value.convert<Poco::UInt64>() <= static_cast<Poco::UInt64>(kHigh);
  if (!fits) throw JsonParseError(where + ": expected an integer of 32 bits, found a larger one");
  return static_cast<int>(value.convert<Poco::Int64>());
}

double ToNumber(const Var& value, const std::string& where) {
  if (!value.isNumeric() || value.isBoolean()) Expected(where, "a number", value);
  return value.convert<double>();
}

}  // namespace

JsonObjectReader JsonObjectReader::Parse(const std::string& text, const std::string& where) {
  Var root;
  try {
    root = Poco::JSON::Parser().parse(text);
  } catch (const Poco::Exception& error) {
    throw JsonParseError(where + ": not JSON (" + error.displayText() + ")");
  }
  if (root.type() != typeid(Object::Ptr)) Expected(where, "an object", root);
  return JsonObjectReader(root.extract<Object::Ptr>(), where);
}

JsonObjectReader::JsonObjectReader(Poco::JSON::Object::Ptr object, std::string where)
    : object_(std::move(object)), where_(std::move(where)) {}

std::string JsonObjectReader::Where(const std::string& key) const {
  return where_ + "." + key;
}

Var JsonObjectReader::Value(const std::string& key, const char* expected) const {
  if (!object_->has(key)) throw JsonParseError(Where(key) + ": missing, expected " + expected);
  return object_->get(key);
}

std::string JsonObjectReader::String(const std::string& key) const {
  Var value = Value(key, "a string");
  if (!value.isString()) Expected(Where(key), "a string", value);
  return value.extract<std::string>();
}

std::string JsonObjectReader::StringOrNull(const std::string& key) const {
  Var value = Value(key, "a string or null");
  if (value.isEmpty()) return "";
  if (!value.isString()) Expected(Where(key), "a string or null", value);
  return value.extract<std::string>();
}

std::string JsonObjectReader::StringOrEmpty(const std::string& key) const {
  return object_->has(key) ? StringOrNull(key) : "";
}

bool JsonObjectReader::Bool(const std::string& key) const {
  Var value = Value(key, "a boolean");
  if (!value.isBoolean()) Expected(Where(key), "a boolean", value);
  return value.extract<bool>();
}

int JsonObjectReader::Int(const std::string& key) const {
  return ToInt(Value(key, "an integer"), Where(key));
}

std::optional<int> JsonObjectReader::IntOrNull(const std::string& key) const {
  Var value = Value(key, "an integer or null");
  if (value.isEmpty()) return std::nullopt;
  if (!IsInteger(value)) Expected(Where(key), "an integer or null", value);
  return ToInt(value, Where(key));
}

std::uint64_t JsonObjectReader::Unsigned(const std::string& key) const {
  Var value = Value(key, "a non-negative integer");
  if (!IsInteger(value) || Negative(value)) Expected(Where(key), "a non-negative integer", value);
  return value.convert<Poco::UInt64>();
}

double JsonObjectReader::Number(const std::string& key) const {
  return ToNumber(Value(key, "a number"), Where(key));
}

std::optional<double> JsonObjectReader::NumberOrNull(const std::string& key) const {
  Var value = Value(key, "a number or null");
  if (value.isEmpty()) return std::nullopt;
  if (!value.isNumeric() || value.isBoolean()) Expected(Where(key), "a number or null", value);
  return value.convert<double>();
}

JsonObjectReader JsonObjectReader::Object(const std::string& key) const {
  Var value = Value(key, "an object");
  if (value.type() != typeid(Object::Ptr)) Expected(Where(key), "an object", value);
  return JsonObjectReader(value.extract<Object::Ptr>(), Where(key));
}

std::vector<JsonObjectReader> JsonObjectReader::Objects(const std::string& key) const {
  Var value = Value(key, "an array of objects");
  if (value.type() != typeid(Array::Ptr)) Expected(Where(key), "an array of objects", value);
  const Array& array = *value.extract<Array::Ptr>();
  std::vector<JsonObjectReader> objects;
  for (std::size_t i = 0; i < array.size(); ++i) {
    std::string where = Where(key) + "[" + std::to_string(i) + "]";
    Var element = array.get(static_cast<unsigned>(i));
    if (element.type() != typeid(Object::Ptr)) Expected(where, "an object", element);
    objects.emplace_back(element.extract<Object::Ptr>(), where);
  }
  return objects;
}

std::vector<std::string> JsonObjectReader::Strings(const std::string& key) const {
  Var value = Value(key, "an array of strings");
  if (value.type() != typeid(Array::Ptr)) Expected(Where(key), "an array of strings", value);
  const Array& array = *value.extract<Array::Ptr>();
  std::vector<std::string> strings;
  for (std::size_t i = 0; i < array.size(); ++i) {
    Var element = array.get(static_cast<unsigned>(i));
    if (!element.isString())
      Expected(Where(key) + "[" + std::to_string(i) + "]", "a string", element);
    strings.push_back(element.extract<std::string>());
  }
  return strings;
}

}  // namespace dossier
