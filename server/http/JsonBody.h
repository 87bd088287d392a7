#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <string>

namespace dossier {

class RequestContext;

// The body of a JSON request as an object. Over `cap` bytes: ClientError
// `too_large` (answered before reading when Content-Length says so); not a
// JSON object: ClientError `invalid_json`.
Poco::JSON::Object::Ptr ReadJsonObject(RequestContext& context, std::uint64_t cap = 1 << 20);

// A member that must be a string; ClientError `invalid_field` otherwise
// (and when `required` and absent). Absent or null and not required: "".
std::string StringMember(const Poco::JSON::Object::Ptr& object, const std::string& key,
                         bool required, std::size_t max_length);

// A member that must be a boolean when present; `fallback` when absent.
bool BoolMember(const Poco::JSON::Object::Ptr& object, const std::string& key, bool fallback);

}  // namespace dossier
