#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/errors/ErrorCode.h"

namespace dossier {

// The request line and headers of one HTTP/1.x request, read and checked
// before any thread serves it. The framing rules of RFC 9112 §6 are applied
// here, once, so that no two readers of the same bytes can disagree on where
// a body ends (request smuggling): a head that breaks them is answered with
// its `refusal` and the connection closed.
struct RequestHead {
  std::string method;
  std::string target;
  std::string version;  // "HTTP/1.1" or "HTTP/1.0"
  std::optional<std::uint64_t> content_length;
  bool chunked = false;
  // Carries credentials: "Authorization: Bearer …" or the candidate page's
  // session cookie (verified later, by the dispatcher).
  bool credentials = false;
  // Every X-Forwarded-For line joined by ',' and the last X-Request-Id:
  // believed only when the peer is a trusted proxy (TrustedProxies).
  std::string forwarded_for;
  std::string request_id;

  // What was wrong with it; none: nothing.
  std::optional<ErrorCode> refusal;

  bool ok() const { return !refusal; }
  bool has_body() const { return chunked || content_length.value_or(0) > 0; }
  // /healthz, /readyz and /metrics: the probes an operator's monitor sends.
  bool probe() const;
};

// Where the head in `bytes` ends (one past its blank line), or 0 when the
// blank line has not arrived yet. Leading empty lines are skipped, as RFC 9112
// §2.2 allows.
std::size_t HeadLength(std::string_view bytes);

// Reads and checks a complete head (bytes up to HeadLength).
RequestHead ReadRequestHead(std::string_view head);

}  // namespace dossier
