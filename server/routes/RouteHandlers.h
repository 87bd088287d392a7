#pragma once

namespace dossier {

class RequestContext;

// The /api/v1 routes and the web pages (ApiRouter() says which method,
// path and roles call each). They run after the token and the role were checked; each answers
// through the context or throws ClientError (the dispatcher answers it).

// GET /api/v1/candidatures/{id}
void HandleGetCandidature(RequestContext& context);
// GET /api/v1/candidatures?q=&formation=&status=&flag=&sort=&limit=&offset=
void HandleListCandidatures(RequestContext& context);
// GET /api/v1/candidatures.csv (the same filters)
void HandleCandidaturesCsv(RequestContext& context);
// POST /api/v1/dossiers.zip {"ids": […]}
void HandleDossiersZip(RequestContext& context);
// GET /api/v1/candidatures/{id}/history
void HandleHistory(RequestContext& context);
// POST /api/v1/candidatures/{id}/decisions {"validate": "conformes"}
void HandleValidateConformes(RequestContext& context);
// PUT /api/v1/candidatures/{id}
void HandlePutCandidature(RequestContext& context);
// POST /api/v1/candidatures/{id}/pieces/{code}/files
void HandleUploadFiles(RequestContext& context);
// POST /api/v1/candidatures/{id}/pieces/{code}/non-concerne
void HandleNonConcerne(RequestContext& context);
// GET /api/v1/candidatures/{id}/pieces/{code}/pdf
void HandlePiecePdf(RequestContext& context);
// GET /api/v1/candidatures/{id}/dossier.pdf
void HandleDossierPdf(RequestContext& context);
// POST /api/v1/candidatures/{id}/pieces/{code}/decision
void HandleDecision(RequestContext& context);
// POST /api/v1/candidatures/{id}/transmit
void HandleTransmit(RequestContext& context);
// POST /api/v1/candidatures/{id}/status
void HandleCandidatureStatus(RequestContext& context);
// GET /api/v1/candidatures/{id}/pieces/{code}/thumbnail
void HandlePieceThumbnail(RequestContext& context);
// POST /api/v1/candidatures/{id}/session (the bearer token becomes a cookie)
void HandleOpenSession(RequestContext& context);
// DELETE /api/v1/candidatures/{id}/session
void HandleCloseSession(RequestContext& context);
// GET /api/v1/candidatures/{id}/recepisse (the latest receipt's JSON)
void HandleReceipt(RequestContext& context);
// GET /api/v1/candidatures/{id}/recepisse.pdf
void HandleReceiptPdf(RequestContext& context);

// The web pages (no token: the pages read it from the URL fragment and send
// it with their API calls).
// GET /
void HandleServiceRoot(RequestContext& context);
// GET /candidat/{id}
void HandleCandidatPage(RequestContext& context);
// GET /gestion/
void HandleGestionPage(RequestContext& context);
// GET /gestion (301 to /gestion/)
void HandleGestionRedirect(RequestContext& context);
// GET /static/{file}
void HandleStaticFile(RequestContext& context);

}  // namespace dossier
