#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "core/errors/ClientError.h"
#include "core/json/JsonDocument.h"
#include "core/messages/ApiMessages.h"
#include "server/http/RequestContext.h"
#include "server/http/ResourceId.h"
#include "server/http/ServiceResources.h"
#include "server/routes/PageFiles.h"
#include "server/routes/RouteHandlers.h"

namespace dossier {
namespace {

// The pages load their scripts, styles and images from this server only,
// and run nothing inline; what they show of a pièce (PDF, preview) arrives
// as blob: URLs fetched with the token. No page may be framed elsewhere.
const char* const kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' blob: data:; frame-src 'self' blob:; "
    "object-src 'none'; connect-src 'self'; style-src 'self'; script-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

void SetPageHeaders(RequestContext& context, const char* cache_control) {
  Poco::Net::HTTPServerResponse& response = context.response();
  response.set("Cache-Control", cache_control);
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Referrer-Policy", "no-referrer");
  response.set("Content-Security-Policy", kContentSecurityPolicy);
}

// A page's file, or 404 `not_found` when the build (or --web-dir) has none.
// HTML is asked for again on every visit (the token-less page is tiny);
// scripts and styles may be kept five minutes.
void SendPageFile(RequestContext& context, const std::string& path) {
  std::optional<PageFile> file = FindPageFile(context.service().settings.web_dir, path);
  if (!file) throw ClientError(ErrorCode::kNotFound, messages::NoSuchAddress());
  bool html = file->content_type.rfind("text/html", 0) == 0;
  SetPageHeaders(context, html ? "no-cache" : "max-age=300");
  context.SendText(200, file->content_type, file->bytes);
}

}  // namespace

void HandleServiceRoot(RequestContext& context) {
  Poco::JSON::Object::Ptr body = NewJsonObject();
  Poco::JSON::Array::Ptr pages = new Poco::JSON::Array;
  pages->add(std::string("/candidat/{id}"));
  pages->add(std::string("/gestion/"));
  body->set("service", std::string("dossier"));
  body->set("pages", pages);
  context.SendJson(200, body);
}

void HandleCandidatPage(RequestContext& context) {
  if (!IsResourceId(context.Param("id")))
    throw ClientError(ErrorCode::kNotFound, messages::CandidatureNotFound());
  SendPageFile(context, "candidat.html");
}

void HandleGestionPage(RequestContext& context) {
  SendPageFile(context, "gestion.html");
}

void HandleGestionRedirect(RequestContext& context) {
  context.response().set("Location", "/gestion/");
  context.SendText(301, "text/plain; charset=utf-8", "/gestion/\n");
}

void HandleStaticFile(RequestContext& context) {
  SendPageFile(context, "static/" + context.Param("file"));
}

}  // namespace dossier
