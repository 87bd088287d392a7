#include "server/http/JsonBody.h"

#include <istream>

#include "core/errors/ClientError.h"
#include "core/json/JsonDocument.h"
#include "core/messages/ApiMessages.h"
#include "server/http/RequestContext.h"

namespace dossier {
namespace {

ClientError TooLarge(std::uint64_t cap) {
  return ClientError(ErrorCode::kTooLarge, messages::BodyTooLarge(cap));
}

std::string ReadCapped(std::istream& in, std::uint64_t cap) {
  std::string text;
  char chunk[8192];
  while (in) {
    in.read(chunk, sizeof chunk);
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (text.size() > cap) throw TooLarge(cap);
  }
  return text;
}

}  // namespace

Poco::JSON::Object::Ptr ReadJsonObject(RequestContext& context, std::uint64_t cap) {
  std::optional<std::uint64_t> length = context.ContentLength();
  if (length && *length > cap) throw TooLarge(cap);
  std::string text = context.HasBody() ? ReadCapped(context.Body(), cap) : std::string();
  try {
    Poco::Dynamic::Var parsed = ParseJson(text);
    if (parsed.type() == typeid(Poco::JSON::Object::Ptr))
      return parsed.extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception&) {
  }
  throw ClientError(ErrorCode::kInvalidJson, messages::InvalidJson());
}

std::string StringMember(const Poco::JSON::Object::Ptr& object, const std::string& key,
                         bool required, std::size_t max_length) {
  std::string expected = messages::ExpectedText(required, max_length);
  if (!object->has(key) || object->isNull(key)) {
    if (required)
      throw ClientError(ErrorCode::kInvalidField, messages::InvalidField(key, expected));
    return "";
  }
  Poco::Dynamic::Var value = object->get(key);
  if (!value.isString())
    throw ClientError(ErrorCode::kInvalidField, messages::InvalidField(key, expected));
  std::string text = value.extract<std::string>();
  if ((required && text.empty()) || text.size() > max_length)
    throw ClientError(ErrorCode::kInvalidField, messages::InvalidField(key, expected));
  return text;
}

bool BoolMember(const Poco::JSON::Object::Ptr& object, const std::string& key, bool fallback) {
  if (!object->has(key) || object->isNull(key)) return fallback;
  Poco::Dynamic::Var value = object->get(key);
  if (!value.isBoolean())
    throw ClientError(ErrorCode::kInvalidField,
                      messages::InvalidField(key, messages::ExpectedBoolean()));
  return value.extract<bool>();
}

}  // namespace dossier
