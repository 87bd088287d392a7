#include <Poco/Net/HTTPServerResponse.h>
#include <cppconn/resultset.h>

#include "core/errors/ClientError.h"
#include "core/messages/ApiMessages.h"
#include "core/messages/GestionMessages.h"
#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/routes/PathParams.h"
#include "server/routes/RouteHandlers.h"
#include "store/blobs/BlobStore.h"
#include "store/db/BoundStatement.h"
#include "store/db/ConnectionPool.h"

namespace dossier {
namespace {

// The storage key of the preview of the pièce's current version: 404 when
// the pièce is not required, or has no preview (nothing uploaded, not
// processed yet, refused, or the preview could not be made).
std::string ThumbnailKey(sql::Connection& connection, const std::string& id,
                         const std::string& code) {
  auto row = BoundStatement(connection,
                            "SELECT pc.thumbnail_key FROM pj_cand p LEFT JOIN piece_version v "
                            "ON v.candidature_id = p.candidature_id "
                            "AND v.piece_code = p.piece_code AND v.version = p.current_version "
                            "LEFT JOIN precheck pc ON pc.piece_version_id = v.id "
                            "WHERE p.candidature_id = ? AND p.piece_code = ?")
                 .Bind(id)
                 .Bind(code)
                 .Query();
  if (!row->next()) throw ClientError(ErrorCode::kNotFound, messages::PieceNotRequired());
  if (row->isNull(1)) throw ClientError(ErrorCode::kNotFound, messages::NoThumbnail());
  return row->getString(1);
}

}  // namespace

// The JPEG preview of page 1 of the processed pièce, for the pages' cards.
// Small (a few tens of kilobytes): read whole, sent with a short private
// cache, since a replacement changes it under the same address.
void HandlePieceThumbnail(RequestContext& context) {
  std::string id = CandidatureIdParam(context);
  std::string code = PieceCodeParam(context);
  std::string key = [&] {
    PooledConnection connection = AcquireConnection(context.service());
    return ThumbnailKey(*connection, id, code);
  }();
  std::string jpeg;
  try {
    jpeg = context.service().store.Read(key);
  } catch (const BlobError&) {
    throw ClientError(ErrorCode::kNotFound, messages::NoThumbnail());
  }
  context.response().set("Cache-Control", "private, max-age=60");
  context.response().set("X-Content-Type-Options", "nosniff");
  context.SendText(200, "image/jpeg", jpeg);
}

}  // namespace dossier
