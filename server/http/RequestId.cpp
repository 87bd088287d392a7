#include "server/http/RequestId.h"

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <random>

namespace dossier {
namespace {

std::uint64_t RandomStart() {
  std::random_device device;
  return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

}  // namespace

std::string NewRequestId() {
  // Function-local: one counter for the process, started at random once.
  static std::atomic<std::uint64_t> next{RandomStart()};
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(next++));
  return text;
}

bool AcceptableRequestId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string RequestIdFor(const std::string& incoming, bool from_trusted_proxy) {
  if (from_trusted_proxy && AcceptableRequestId(incoming)) return incoming;
  return NewRequestId();
}

}  // namespace dossier
