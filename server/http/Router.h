#pragma once

#include <map>
#include <string>
#include <vector>

#include "server/http/RouteAccess.h"

namespace dossier {

class RequestContext;

// What answers one route.
using RouteHandler = void (*)(RequestContext& context);

// One route of the API: a method, a path pattern whose `{name}` segments
// capture one path segment each ("/api/v1/candidatures/{id}"), who may call
// it, and what answers it.
struct Route {
  std::string method;
  std::string pattern;
  RouteAccess access;
  RouteHandler handler = nullptr;
};

struct RouteMatch {
  enum class Outcome { Found, NoSuchPath, MethodNotAllowed };
  Outcome outcome = Outcome::NoSuchPath;
  const Route* route = nullptr;               // when Found
  std::map<std::string, std::string> params;  // {name} -> segment, when Found
  std::vector<std::string> allowed_methods;   // when MethodNotAllowed (the Allow header)
};

// Maps a method and a path (already without its query string) to a route.
// Segments are compared whole: no prefix matches, no empty captures, and a
// trailing slash is another path. A path some route knows under another
// method is "method not allowed" (405), not "not found" (404).
class Router {
 public:
  void Add(Route route);
  RouteMatch Match(const std::string& method, const std::string& path) const;

 private:
  struct Compiled {
    Route route;
    std::vector<std::string> segments;
  };
  static bool MatchSegments(const std::vector<std::string>& pattern,
                            const std::vector<std::string>& path,
                            std::map<std::string, std::string>* params);
  std::vector<Compiled> routes_;
};

}  // namespace dossier
