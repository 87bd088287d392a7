#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>

#include <ctime>

#include "server/http/BearerAuth.h"
#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/http/SessionCookie.h"
#include "server/routes/PathParams.h"
#include "server/routes/RouteHandlers.h"

namespace dossier {
namespace {

// Secure would stop the browser from sending the cookie back over plain
// http (a service tried on http://127.0.0.1), so it is set only when the
// candidates reach the service over https: its public URL says so, or a
// trusted proxy's X-Forwarded-Proto does.
bool ReachedOverHttps(RequestContext& context) {
  const std::string& public_url = context.service().settings.public_url;
  return context.request().secure() || context.forwarded_https() ||
         Poco::icompare(public_url.substr(0, 8), std::string("https://")) == 0;
}

}  // namespace

// The page exchanges the token of its address for the cookie: opened again
// without it (history, bookmark, new tab), it still reaches the candidature
// until the token expires. Only a candidat token gets here (RouteAccess),
// through the Authorization header.
void HandleOpenSession(RequestContext& context) {
  std::string id = CandidatureIdParam(context);
  std::string token = BearerToken(context.request().get("Authorization", ""));
  std::int64_t left = context.grant()->expires_at - static_cast<std::int64_t>(std::time(nullptr));
  context.response().set("Set-Cookie",
                         SessionCookieHeader(token, id, left, ReachedOverHttps(context)));
  context.SendNoContent();
}

// « Se déconnecter » and the page's own clean-up: the browser forgets the
// cookie (the token itself stays valid until it expires).
void HandleCloseSession(RequestContext& context) {
  std::string id = CandidatureIdParam(context);
  context.response().set("Set-Cookie", ClearedSessionCookieHeader(id, ReachedOverHttps(context)));
  context.SendNoContent();
}

}  // namespace dossier
