#include "server/http/MaskedEmails.h"

#include <cctype>
#include <cstring>

namespace dossier {
namespace {

bool LocalChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("._%+-'", c) != nullptr;
}

bool DomainChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
}

}  // namespace

std::string MaskedEmails(const std::string& text) {
  std::string masked;
  std::size_t copied = 0;
  for (std::size_t at = text.find('@'); at != std::string::npos; at = text.find('@', at + 1)) {
    std::size_t begin = at;
    while (begin > copied && LocalChar(text[begin - 1])) --begin;
    std::size_t end = at + 1;
    while (end < text.size() && DomainChar(text[end])) ++end;
    if (begin == at || end == at + 1) continue;  // not an address
    masked += text.substr(copied, begin - copied);
    masked += text[begin];
    masked += "***";
    copied = at;  // the '@' and the domain are copied with what follows
  }
  return masked + text.substr(copied);
}

}  // namespace dossier
