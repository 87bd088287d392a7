#include "server/http/Router.h"

#include <algorithm>

namespace dossier {
namespace {

// "/a/b" -> {"a", "b"}; "/a/" -> {"a", ""}; "" -> {} (never matches a route).
std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> segments;
  if (path.empty() || path[0] != '/') return segments;
  std::size_t start = 1;
  for (;;) {
    std::size_t slash = path.find('/', start);
    segments.push_back(path.substr(start, slash == std::string::npos ? slash : slash - start));
    if (slash == std::string::npos) return segments;
    start = slash + 1;
  }
}

bool IsCapture(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void Router::Add(Route route) {
  std::vector<std::string> segments = SplitPath(route.pattern);
  routes_.push_back({std::move(route), std::move(segments)});
}

bool Router::MatchSegments(const std::vector<std::string>& pattern,
                           const std::vector<std::string>& path,
                           std::map<std::string, std::string>* params) {
  if (pattern.size() != path.size() || path.empty()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (IsCapture(pattern[i])) {
      if (path[i].empty()) return false;
      if (params) (*params)[pattern[i].substr(1, pattern[i].size() - 2)] = path[i];
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  return true;
}

RouteMatch Router::Match(const std::string& method, const std::string& path) const {
  RouteMatch match;
  std::vector<std::string> segments = SplitPath(path);
  for (const Compiled& compiled : routes_) {
    if (!MatchSegments(compiled.segments, segments, nullptr)) continue;
    if (compiled.route.method == method) {
      match.outcome = RouteMatch::Outcome::Found;
      match.route = &compiled.route;
      MatchSegments(compiled.segments, segments, &match.params);
      match.allowed_methods.clear();
      return match;
    }
    if (std::find(match.allowed_methods.begin(), match.allowed_methods.end(),
                  compiled.route.method) == match.allowed_methods.end())
      match.allowed_methods.push_back(compiled.route.method);
  }
  if (!match.allowed_methods.empty()) match.outcome = RouteMatch::Outcome::MethodNotAllowed;
  return match;
}

}  // namespace dossier
