#include "ingest/upload/ContentDisposition.h"

#include <Poco/String.h>

#include <algorithm>
#include <cstddef>
#include <utility>

namespace dossier {
namespace {

// The escapes browsers use in names, decoded; anything else stays as sent.
std::string DecodeBrowserEscapes(const std::string& value) {
  std::string decoded;
  for (std::size_t at = 0; at < value.size(); ++at) {
    std::string escape = Poco::toUpper(value.substr(at, 3));
    if (escape == "%22" || escape == "%0D" || escape == "%0A") {
      decoded += escape == "%22" ? '"' : escape == "%0D" ? '\r' : '\n';
      at += 2;
    } else {
      decoded += value[at];
    }
  }
  return decoded;
}

// One `key=value` parameter starting at `at`; moves `at` past its `;`.
std::pair<std::string, std::string> NextParameter(const std::string& header, std::size_t& at) {
  const std::size_t size = header.size();
  std::size_t equals = header.find_first_of("=;", at);
  std::string key = Poco::toLower(Poco::trim(header.substr(at, equals - at)));
  std::size_t start = equals == std::string::npos || header[equals] == ';'
                          ? std::string::npos
                          : header.find_first_not_of(" \t", equals + 1);
  if (start == std::string::npos) {
    at = equals == std::string::npos ? size : equals + 1;
    return {key, ""};
  }
  std::string value;
  std::size_t end;  // one past the value
  if (header[start] == '"') {
    std::size_t close = header.find('"', start + 1);
    end = close == std::string::npos ? size : close + 1;
    value = header.substr(start + 1, end - start - (close == std::string::npos ? 1 : 2));
  } else {
    end = std::min(header.find(';', start), size);
    value = Poco::trim(header.substr(start, end - start));
  }
  std::size_t semicolon = header.find(';', end);
  at = semicolon == std::string::npos ? size : semicolon + 1;
  return {key, value};
}

}  // namespace

ContentDisposition ContentDisposition::Parse(const std::string& header) {
  ContentDisposition disposition;
  std::size_t at = header.find(';');  // past the type, "form-data"
  at = at == std::string::npos ? header.size() : at + 1;
  while (at < header.size()) {
    auto [key, value] = NextParameter(header, at);
    if (key == "name") disposition.name = DecodeBrowserEscapes(value);
    if (key == "filename") {
      disposition.has_filename = true;
      disposition.filename = DecodeBrowserEscapes(value);
    }
  }
  return disposition;
}

}  // namespace dossier
