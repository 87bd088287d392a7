#include "server/dossier/DossierPdf.h"
#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/routes/PathParams.h"
#include "server/routes/RouteHandlers.h"

namespace dossier {

// « Télécharger mon dossier »: assembled (or taken from the cache) by
// DossierPdf in a separate limited process, then streamed.
void HandleDossierPdf(RequestContext& context) {
  std::string id = CandidatureIdParam(context);
  ServiceResources& service = context.service();
  std::string path = DossierPdf(service.pool, service.store, service.settings.assemble_binary,
                                service.document_programs)
                         .PathFor(id);
  context.SendFile(path, "application/pdf", id + "-dossier.pdf");
}

}  // namespace dossier
