#pragma once

#include <string>

namespace dossier {

// An id for one request, in its log line and its X-Request-Id answer
// header: 16 hex digits from a process-wide random start plus a counter,
// so two requests never share one and two processes almost never do.
std::string NewRequestId();

// An X-Request-Id a trusted proxy sent is kept when it is 1 to 64 of
// [A-Za-z0-9._-]: nothing else can reach a log line or a header.
bool AcceptableRequestId(const std::string& id);

// The incoming id when it came from a trusted proxy and is acceptable,
// else a new one.
std::string RequestIdFor(const std::string& incoming, bool from_trusted_proxy);

}  // namespace dossier
