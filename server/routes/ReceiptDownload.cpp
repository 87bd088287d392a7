#include "core/errors/ClientError.h"
#include "core/messages/ApiMessages.h"
#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/receipt/ReceiptPdfFile.h"
#include "server/receipt/TransmissionReceipt.h"
#include "server/routes/PathParams.h"
#include "server/routes/RouteHandlers.h"
#include "store/db/ConnectionPool.h"

namespace dossier {

// The latest récépissé as it was written at the transmission.
void HandleReceipt(RequestContext& context) {
  std::string id = CandidatureIdParam(context);
  std::optional<StoredReceipt> receipt = [&] {
    PooledConnection connection = AcquireConnection(context.service());
    return LatestReceipt(*connection, id);
  }();
  if (!receipt)
    throw ClientError(ErrorCode::kNotFound, messages::NoReceiptYet(),
                      "candidature " + id + " never transmitted");
  context.SendJson(200, receipt->json);
}

// The same receipt as a PDF the candidate keeps.
void HandleReceiptPdf(RequestContext& context) {
  std::string id = CandidatureIdParam(context);
  ServiceResources& service = context.service();
  std::string path = ReceiptPdfPath(service.pool, service.store, service.settings.assemble_binary,
                                    service.document_programs, id);
  context.SendFile(path, "application/pdf", id + "-recepisse.pdf");
}

}  // namespace dossier
