#include "server/gate/RequestHead.h"

#include <cctype>
#include <vector>

#include "server/http/SessionCookie.h"

namespace dossier {
namespace {

// RFC 9110 §5.6.2: the characters of a token (method, header name).
bool TokenChar(unsigned char c) {
  if (std::isalnum(c)) return true;
  for (char allowed : std::string_view("!#$%&'*+-.^_`|~"))
    if (c == static_cast<unsigned char>(allowed)) return true;
  return false;
}

bool Token(std::string_view text) {
  if (text.empty()) return false;
  for (unsigned char c : text)
    if (!TokenChar(c)) return false;
  return true;
}

// A field value may hold visible bytes, spaces, tabs and obs-text, never
// another control byte (a bare CR, a NUL).
bool FieldValue(std::string_view text) {
  for (unsigned char c : text)
    if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
  return true;
}

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool SameLetters(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// The lines of the head, without their CRLF (or bare LF) and without the
// blank line that closes it.
std::vector<std::string_view> Lines(std::string_view head) {
  std::vector<std::string_view> lines;
  while (!head.empty()) {
    std::size_t end = head.find('\n');
    std::string_view line = head.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    head.remove_prefix(end == std::string_view::npos ? head.size() : end + 1);
    if (line.empty() && lines.empty()) continue;  // leading empty lines
    if (line.empty()) break;
    lines.push_back(line);
  }
  return lines;
}

RequestHead Refused(RequestHead head, ErrorCode refusal) {
  head.refusal = refusal;
  return head;
}

bool ReadRequestLine(std::string_view line, RequestHead& head) {
  std::size_t first = line.find(' ');
  std::size_t second = first == std::string_view::npos ? first : line.find(' ', first + 1);
  if (second == std::string_view::npos || line.find(' ', second + 1) != std::string_view::npos)
    return false;
  head.method = std::string(line.substr(0, first));
  head.target = std::string(line.substr(first + 1, second - first - 1));
  head.version = std::string(line.substr(second + 1));
  if (!Token(head.method) || head.target.empty()) return false;
  for (unsigned char c : head.target)
    if (c <= 0x20 || c == 0x7f) return false;
  return head.version.rfind("HTTP/", 0) == 0;
}

// Content-Length: one decimal number; repeated fields must agree (RFC 9112
// §6.3 item 5). A list ("5, 5"), a sign or a blank is refused.
bool ReadContentLength(std::string_view value, RequestHead& head) {
  value = Trimmed(value);
  if (value.empty() || value.size() > 18) return false;
  std::uint64_t length = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return false;
    length = length * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (head.content_length && *head.content_length != length) return false;
  head.content_length = length;
  return true;
}

}  // namespace

bool RequestHead::probe() const {
  std::string_view path(target);
  path = path.substr(0, path.find('?'));
  return (method == "GET" || method == "HEAD") &&
         (path == "/healthz" || path == "/readyz" || path == "/metrics");
}

std::size_t HeadLength(std::string_view bytes) {
  std::size_t start = 0;
  while (start < bytes.size() && (bytes[start] == '\r' || bytes[start] == '\n')) ++start;
  for (std::size_t i = start; i < bytes.size(); ++i) {
    if (bytes[i] != '\n') continue;
    if (i + 1 < bytes.size() && bytes[i + 1] == '\n') return i + 2;
    if (i + 2 < bytes.size() && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') return i + 3;
  }
  return 0;
}

RequestHead ReadRequestHead(std::string_view text) {
  RequestHead head;
  std::vector<std::string_view> lines = Lines(text);
  if (lines.empty() || !ReadRequestLine(lines.front(), head))
    return Refused(std::move(head), ErrorCode::kBadRequestLine);
  if (head.version != "HTTP/1.1" && head.version != "HTTP/1.0")
    return Refused(std::move(head), ErrorCode::kHttpVersion);
  std::string codings;
  bool transfer_encoding = false;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    std::size_t colon = line.find(':');
    // No space before the colon, no folded line (RFC 9112 §5.1, §5.2).
    if (colon == std::string_view::npos || !Token(line.substr(0, colon)))
      return Refused(std::move(head), ErrorCode::kBadHeader);
    std::string_view name = line.substr(0, colon);
    std::string_view value = line.substr(colon + 1);
    if (!FieldValue(value)) return Refused(std::move(head), ErrorCode::kBadHeader);
    if (SameLetters(name, "Content-Length")) {
      if (!ReadContentLength(value, head))
        return Refused(std::move(head), ErrorCode::kBadContentLength);
    } else if (SameLetters(name, "Transfer-Encoding")) {
      transfer_encoding = true;
      codings += (codings.empty() ? "" : ",") + std::string(Trimmed(value));
    } else if (SameLetters(name, "Authorization")) {
      head.credentials |= SameLetters(Trimmed(value).substr(0, 7), "Bearer ");
    } else if (SameLetters(name, "X-Forwarded-For")) {
      head.forwarded_for += (head.forwarded_for.empty() ? "" : ",") + std::string(Trimmed(value));
    } else if (SameLetters(name, "X-Request-Id")) {
      head.request_id = std::string(Trimmed(value));
    } else if (SameLetters(name, "Cookie")) {
      head.credentials |=
          value.find(std::string(kSessionCookieName) + "=") != std::string_view::npos;
    }
  }
  if (transfer_encoding) {
    // Both framings at once is the classic smuggling request (§6.1); HTTP/1.0
    // has no chunked coding; only "chunked" alone is understood here.
    if (head.content_length || head.version == "HTTP/1.0")
      return Refused(std::move(head), ErrorCode::kAmbiguousFraming);
    if (!SameLetters(Trimmed(codings), "chunked"))
      return Refused(std::move(head), ErrorCode::kUnsupportedTransferCoding);
    head.chunked = true;
  }
  return head;
}

}  // namespace dossier
