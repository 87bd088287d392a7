#include <cppconn/resultset.h>

#include "core/errors/ClientError.h"
#include "core/messages/ApiMessages.h"
#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/routes/PathParams.h"
#include "server/routes/RouteHandlers.h"
#include "store/blobs/BlobStore.h"
#include "store/db/BoundStatement.h"
#include "store/db/ConnectionPool.h"

namespace dossier {
namespace {

// The storage key of the processed PDF of the pièce's current version:
// 404 when nothing was uploaded, refused or unprocessable; 409 while the
// workers have not finished with it.
std::string ProcessedPdfKey(sql::Connection& connection, const std::string& id,
                            const std::string& code) {
  auto row = BoundStatement(connection,
                            "SELECT p.current_version, pc.outcome, pc.output_key, j.state "
                            "FROM pj_cand p LEFT JOIN piece_version v "
                            "ON v.candidature_id = p.candidature_id "
                            "AND v.piece_code = p.piece_code AND v.version = p.current_version "
                            "LEFT JOIN precheck pc ON pc.piece_version_id = v.id "
                            "LEFT JOIN job j ON j.piece_version_id = v.id "
                            "WHERE p.candidature_id = ? AND p.piece_code = ?")
                 .Bind(id)
                 .Bind(code)
                 .Query();
  if (!row->next()) throw ClientError(ErrorCode::kNotFound, messages::PieceNotRequired());
  if (row->getInt(1) == 0) throw ClientError(ErrorCode::kNotFound, messages::NoProcessedPdf());
  if (row->isNull(2)) {
    if (!row->isNull(4) && std::string(row->getString(4)) == "poison")
      throw ClientError(ErrorCode::kNotFound, messages::NoProcessedPdf());
    throw ClientError(ErrorCode::kNotProcessed, messages::NotProcessedYet()).RetryAfter(5);
  }
  if (std::string(row->getString(2)) != "accepted" || row->isNull(3))
    throw ClientError(ErrorCode::kNotFound, messages::NoProcessedPdf());
  return row->getString(3);
}

}  // namespace

void HandlePiecePdf(RequestContext& context) {
  std::string id = CandidatureIdParam(context);
  std::string code = PieceCodeParam(context);
  std::string key = [&] {
    PooledConnection connection = AcquireConnection(context.service());
    return ProcessedPdfKey(*connection, id, code);
  }();
  context.SendFile(context.service().store.PathOf(key), "application/pdf",
                   id + "-" + code + ".pdf");
}

}  // namespace dossier
