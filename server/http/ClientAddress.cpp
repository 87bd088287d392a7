#include "server/http/ClientAddress.h"

namespace dossier {
namespace {

std::string Trimmed(const std::string& text) {
  std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// "[2001:db8::1]:4711" and "192.0.2.1:4711", as some proxies write them.
std::string WithoutPortOrBrackets(const std::string& text) {
  if (!text.empty() && text.front() == '[') {
    std::size_t close = text.find(']');
    return close == std::string::npos ? text : text.substr(1, close - 1);
  }
  std::size_t colon = text.find(':');
  if (colon != std::string::npos && text.find(':', colon + 1) == std::string::npos)
    return text.substr(0, colon);
  return text;
}

}  // namespace

std::string ClientAddressOf(const std::string& peer, const std::string& forwarded_for,
                            const TrustedProxies& trusted) {
  if (!trusted.Contains(peer)) return peer;
  std::string client = peer;
  std::size_t end = forwarded_for.size();
  while (end > 0) {
    std::size_t comma = forwarded_for.rfind(',', end - 1);
    std::size_t begin = comma == std::string::npos ? 0 : comma + 1;
    std::string hop = WithoutPortOrBrackets(Trimmed(forwarded_for.substr(begin, end - begin)));
    if (!TrustedProxies::AddressBytes(hop, nullptr)) break;  // garbage: believe nothing further
    client = hop;
    if (!trusted.Contains(hop) || comma == std::string::npos) break;
    end = comma;
  }
  return client;
}

}  // namespace dossier
