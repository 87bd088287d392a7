#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>

#include "core/json/JsonText.h"

namespace dossier {

// JSON objects as the API writes them: members in the order they were set,
// written through JsonText (UTF-8 kept readable, anything else repaired).
Poco::JSON::Object::Ptr NewJsonObject();
std::string JsonText(const Poco::JSON::Object::Ptr& object);
std::string JsonText(const Poco::JSON::Array::Ptr& array);

// Parses JSON text keeping the order of members (a stored report reads as
// the worker wrote it). Throws Poco::Exception on malformed text.
Poco::Dynamic::Var ParseJson(const std::string& text);

}  // namespace dossier
