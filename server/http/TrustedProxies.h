#pragma once

#include <arpa/inet.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace dossier {

// The reverse proxies whose X-Forwarded-For, X-Forwarded-Proto and
// X-Request-Id the service believes (--trusted-proxies): IPv4 and IPv6
// networks. Empty: nobody's, every client is the connecting peer.
// Header-only: dossierd's options parse it, and dossier-worker, which parses
// the same options, links no server code.
class TrustedProxies {
 public:
  using Bytes = std::array<std::uint8_t, 16>;

  TrustedProxies() = default;

  // "10.0.0.0/8,::1,2001:db8::/32": a bare address is a /32 or /128.
  // Throws std::invalid_argument naming the first bad entry.
  static TrustedProxies Parse(const std::string& list) {
    TrustedProxies trusted;
    std::size_t start = 0;
    while (start <= list.size()) {
      std::size_t comma = list.find(',', start);
      std::string entry = Trimmed(
          list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      start = comma == std::string::npos ? list.size() + 1 : comma + 1;
      if (!entry.empty()) trusted.networks_.push_back(NetworkOf(entry));
    }
    return trusted;
  }

  bool empty() const { return networks_.empty(); }

  // `address` in text ("192.0.2.1", "::1", "::ffff:192.0.2.1"); false for
  // anything that is not an address.
  bool Contains(const std::string& address) const {
    auto bytes = AddressBytes(address, nullptr);
    if (!bytes) return false;
    for (const Network& network : networks_)
      if (SamePrefix(*bytes, network.bytes, network.prefix)) return true;
    return false;
  }

  // 16 bytes, IPv4 mapped into ::ffff:0:0/96 so that one comparison serves
  // both families; none when `text` is not an address.
  static std::optional<Bytes> AddressBytes(const std::string& text, bool* v4) {
    Bytes bytes{};
    in_addr ipv4{};
    if (inet_pton(AF_INET, text.c_str(), &ipv4) == 1) {
      bytes[10] = bytes[11] = 0xff;
      std::memcpy(&bytes[12], &ipv4, 4);
      if (v4) *v4 = true;
      return bytes;
    }
    in6_addr ipv6{};
    if (inet_pton(AF_INET6, text.c_str(), &ipv6) == 1) {
      std::memcpy(bytes.data(), &ipv6, 16);
      if (v4) *v4 = false;
      return bytes;
    }
    return std::nullopt;
  }

 private:
  struct Network {
    Bytes bytes{};
    int prefix = 128;
  };

  static std::string Trimmed(const std::string& text) {
    std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
  }

  static Network NetworkOf(const std::string& entry) {
    std::size_t slash = entry.find('/');
    bool v4 = false;
    auto bytes = AddressBytes(entry.substr(0, slash), &v4);
    if (!bytes) throw std::invalid_argument("'" + entry + "' is not an address or network");
    Network network;
    network.bytes = *bytes;
    if (slash == std::string::npos) return network;
    std::string bits = entry.substr(slash + 1);
    int max = v4 ? 32 : 128;
    if (bits.empty() || bits.size() > 3 ||
        bits.find_first_not_of("0123456789") != std::string::npos || std::stoi(bits) > max)
      throw std::invalid_argument("'" + entry + "' has a bad prefix length");
    network.prefix = std::stoi(bits) + (v4 ? 96 : 0);
    return network;
  }

  static bool SamePrefix(const Bytes& a, const Bytes& b, int prefix) {
    std::size_t whole = static_cast<std::size_t>(prefix / 8);
    if (std::memcmp(a.data(), b.data(), whole) != 0) return false;
    int rest = prefix % 8;
    if (rest == 0) return true;
    auto mask = static_cast<std::uint8_t>(0xff << (8 - rest));
    return (a[whole] & mask) == (b[whole] & mask);
  }

  std::vector<Network> networks_;
};

}  // namespace dossier
