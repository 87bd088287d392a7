#pragma once

namespace dossier {

class RequestContext;

// The /api/v1 routes (ApiRouter() says which method, path and roles call
// each). They run after the token and the role were checked; each answers
// through the context or throws HttpError.

// GET /api/v1/candidatures/{id}
void HandleGetCandidature(RequestContext& context);
// GET /api/v1/candidatures?status=RE
void HandleListCandidatures(RequestContext& context);
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

}  // namespace dossier
