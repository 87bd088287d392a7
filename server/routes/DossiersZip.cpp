#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <cppconn/resultset.h>

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/errors/ClientError.h"
#include "core/messages/DossierZipMessages.h"
#include "server/dossier/DossierArchive.h"
#include "server/dossier/DossierPdf.h"
#include "server/http/JsonBody.h"
#include "server/http/RequestContext.h"
#include "server/http/ResourceId.h"
#include "server/http/ServiceResources.h"
#include "server/routes/RouteHandlers.h"
#include "store/db/BoundStatement.h"
#include "store/db/ConnectionPool.h"

namespace dossier {
namespace {

// A selection of the work list's page (its limit), in one archive.
constexpr std::size_t kMaxDossiers = 200;
// 200 ids of 64 characters, quoted, with room for white space.
constexpr std::uint64_t kMaxBodyBytes = 64 << 10;

ClientError InvalidIds(std::string message) {
  return ClientError(ErrorCode::kInvalidField, std::move(message));
}

// {"ids": [...]}: 1 to 200 distinct candidature ids, in the order wanted.
std::vector<std::string> ReadIds(RequestContext& context) {
  Poco::JSON::Object::Ptr body = ReadJsonObject(context, kMaxBodyBytes);
  Poco::JSON::Array::Ptr list = body->has("ids") ? body->getArray("ids") : nullptr;
  if (!list) throw InvalidIds(messages::ExpectedDossierIds(kMaxDossiers));
  if (list->size() == 0) throw InvalidIds(messages::NoDossierAsked());
  if (list->size() > kMaxDossiers)
    throw InvalidIds(messages::TooManyDossiers(list->size(), kMaxDossiers));
  std::vector<std::string> ids;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    Poco::Dynamic::Var item = list->get(static_cast<unsigned>(i));
    if (!item.isString() || !IsResourceId(item.extract<std::string>()))
      throw InvalidIds(messages::InvalidDossierId(i + 1));
    std::string id = item.extract<std::string>();
    if (!seen.insert(id).second) throw InvalidIds(messages::DossierAskedTwice(id));
    ids.push_back(std::move(id));
  }
  return ids;
}

// Every id names a candidature (one query), before the answer starts: the
// first unknown one in the order asked is 404.
void RequireKnown(ServiceResources& service, const std::vector<std::string>& ids) {
  std::string sql = "SELECT id FROM candidature WHERE id IN (";
  for (std::size_t i = 0; i < ids.size(); ++i) sql += i == 0 ? "?" : ", ?";
  sql += ")";
  std::set<std::string> known;
  {
    PooledConnection connection = AcquireConnection(service);
    BoundStatement statement(*connection, sql);
    for (const std::string& id : ids) statement.Bind(id);
    std::unique_ptr<sql::ResultSet> rows = statement.Query();
    while (rows->next()) known.insert(rows->getString(1));
  }
  for (const std::string& id : ids)
    if (!known.count(id))
      throw ClientError(ErrorCode::kNotFound, messages::UnknownDossier(id), "no candidature " + id);
}

}  // namespace

// The gestionnaire's « télécharger les dossiers »: the body and every id
// are checked before the 200, then each dossier is streamed as soon as it
// is assembled (DossierArchive); a client that leaves stops the work.
void HandleDossiersZip(RequestContext& context) {
  std::vector<std::string> ids = ReadIds(context);
  ServiceResources& service = context.service();
  RequireKnown(service, ids);
  DossierPdf dossiers(service.pool, service.store, service.settings.assemble_binary,
                      service.document_programs);
  DossierArchive archive(dossiers, [&context] { return context.ClientLeft(); });
  std::ostream& out = context.SendStream("application/zip", "dossiers.zip");
  // Cut short: the dispatcher closes the connection and logs this.
  if (!archive.Write(ids, out))
    throw std::runtime_error("dossiers.zip stopped before its end: the client left");
}

}  // namespace dossier
