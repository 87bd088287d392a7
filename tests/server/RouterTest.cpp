#include <gtest/gtest.h>

#include "server/http/RequestContext.h"
#include "server/http/Router.h"
#include "server/routes/ApiRouter.h"

namespace dossier {
namespace {

void First(RequestContext&) {}
void Second(RequestContext&) {}

Router TwoRoutes() {
  Router router;
  router.Add({"GET", "/api/v1/candidatures/{id}", RouteAccess::AnyRole(), First});
  router.Add({"PUT", "/api/v1/candidatures/{id}", RouteAccess::AdminOnly(), Second});
  router.Add({"POST", "/api/v1/candidatures/{id}/pieces/{code}/files",
              RouteAccess::CandidatOrAdmin(), Second});
  return router;
}

TEST(Router, MatchesMethodAndPathAndCapturesSegments) {
  Router router = TwoRoutes();
  RouteMatch match = router.Match("POST", "/api/v1/candidatures/C-42/pieces/releve_bac/files");
  ASSERT_EQ(match.outcome, RouteMatch::Outcome::Found);
  EXPECT_EQ(match.route->handler, &Second);
  EXPECT_EQ(match.params.at("id"), "C-42");
  EXPECT_EQ(match.params.at("code"), "releve_bac");

  RouteMatch get = router.Match("GET", "/api/v1/candidatures/C-42");
  ASSERT_EQ(get.outcome, RouteMatch::Outcome::Found);
  EXPECT_EQ(get.route->handler, &First);
  EXPECT_TRUE(get.route->access.candidat);
  EXPECT_EQ(get.params.at("id"), "C-42");
}

TEST(Router, KnownPathWithAnotherMethodIsMethodNotAllowedWithTheAllowedOnes) {
  Router router = TwoRoutes();
  RouteMatch match = router.Match("DELETE", "/api/v1/candidatures/C-42");
  EXPECT_EQ(match.outcome, RouteMatch::Outcome::MethodNotAllowed);
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed_methods, (std::vector<std::string>{"GET", "PUT"}));
}

TEST(Router, UnknownPathsAreNotFound) {
  Router router = TwoRoutes();
  for (const char* path :
       {"/api/v1/candidatures", "/api/v1/candidatures/", "/api/v1/candidatures/C-42/",
        "/api/v1/candidatures//pieces/x/files", "/api/v1/candidatures/C-42/extra",
        "/api/v2/candidatures/C-42", "", "api/v1/candidatures/C-42", "/"}) {
    EXPECT_EQ(router.Match("GET", path).outcome, RouteMatch::Outcome::NoSuchPath) << path;
  }
}

TEST(Router, TheServiceRouterKnowsTheContractRoutes) {
  Router router = ApiRouter();
  struct Expected {
    const char* method;
    const char* path;
    bool open;
  };
  for (const Expected& e :
       std::vector<Expected>{{"PUT", "/api/v1/candidatures/X1", false},
                             {"GET", "/api/v1/candidatures/X1", false},
                             {"GET", "/api/v1/candidatures", false},
                             {"POST", "/api/v1/candidatures/X1/pieces/cv/files", false},
                             {"POST", "/api/v1/candidatures/X1/pieces/cv/non-concerne", false},
                             {"GET", "/api/v1/candidatures/X1/pieces/cv/pdf", false},
                             {"GET", "/api/v1/candidatures/X1/dossier.pdf", false},
                             {"POST", "/api/v1/candidatures/X1/pieces/cv/decision", false},
                             {"POST", "/api/v1/candidatures/X1/transmit", false},
                             {"GET", "/healthz", true},
                             {"GET", "/readyz", true},
                             {"GET", "/metrics", true}}) {
    RouteMatch match = router.Match(e.method, e.path);
    ASSERT_EQ(match.outcome, RouteMatch::Outcome::Found) << e.method << " " << e.path;
    EXPECT_EQ(match.route->access.open, e.open) << e.path;
  }
  EXPECT_FALSE(router.Match("PUT", "/api/v1/candidatures/X1").route->access.gestionnaire);
  EXPECT_FALSE(router.Match("PUT", "/api/v1/candidatures/X1").route->access.candidat);
  EXPECT_FALSE(
      router.Match("POST", "/api/v1/candidatures/X1/pieces/cv/decision").route->access.candidat);
  EXPECT_FALSE(
      router.Match("POST", "/api/v1/candidatures/X1/pieces/cv/files").route->access.gestionnaire);
  EXPECT_EQ(router.Match("POST", "/healthz").outcome, RouteMatch::Outcome::MethodNotAllowed);
}

}  // namespace
}  // namespace dossier
