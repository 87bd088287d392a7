#include "server/routes/ApiRouter.h"

#include "server/ops/OpsHandlers.h"
#include "server/routes/RouteHandlers.h"

namespace dossier {

Router ApiRouter() {
  const std::string kCandidature = "/api/v1/candidatures/{id}";
  const std::string kPiece = kCandidature + "/pieces/{code}";
  Router router;
  router.Add({"GET", "/api/v1/candidatures", RouteAccess::Staff(), HandleListCandidatures});
  router.Add({"GET", "/api/v1/candidatures.csv", RouteAccess::Staff(), HandleCandidaturesCsv});
  router.Add({"POST", "/api/v1/dossiers.zip", RouteAccess::Staff(), HandleDossiersZip});
  // Every route of one candidature also takes the candidate page's session
  // cookie; opening the session itself takes the bearer token only.
  const RouteAccess any_role = RouteAccess::AnyRole().OrSessionCookie();
  const RouteAccess candidat_or_admin = RouteAccess::CandidatOrAdmin().OrSessionCookie();
  const RouteAccess staff = RouteAccess::Staff().OrSessionCookie();
  const RouteAccess admin = RouteAccess::AdminOnly().OrSessionCookie();
  router.Add({"GET", kCandidature, any_role, HandleGetCandidature});
  router.Add({"PUT", kCandidature, admin, HandlePutCandidature});
  router.Add({"POST", kCandidature + "/session", RouteAccess::CandidatOnly(), HandleOpenSession});
  router.Add({"DELETE", kCandidature + "/session", RouteAccess::CandidatOnly().OrSessionCookie(),
              HandleCloseSession});
  router.Add({"POST", kCandidature + "/transmit", candidat_or_admin, HandleTransmit});
  router.Add({"POST", kCandidature + "/status", staff, HandleCandidatureStatus});
  router.Add({"GET", kCandidature + "/dossier.pdf", any_role, HandleDossierPdf});
  router.Add({"GET", kCandidature + "/recepisse", any_role, HandleReceipt});
  router.Add({"GET", kCandidature + "/recepisse.pdf", any_role, HandleReceiptPdf});
  router.Add({"POST", kPiece + "/files", candidat_or_admin, HandleUploadFiles});
  router.Add({"POST", kPiece + "/non-concerne", candidat_or_admin, HandleNonConcerne});
  router.Add({"GET", kPiece + "/pdf", any_role, HandlePiecePdf});
  router.Add({"GET", kPiece + "/thumbnail", any_role, HandlePieceThumbnail});
  router.Add({"POST", kPiece + "/decision", staff, HandleDecision});
  router.Add({"POST", kCandidature + "/decisions", staff, HandleValidateConformes});
  router.Add({"GET", kCandidature + "/history", staff, HandleHistory});
  router.Add({"GET", "/healthz", RouteAccess::Open(), HandleHealthz});
  router.Add({"GET", "/readyz", RouteAccess::Open(), HandleReadyz});
  router.Add({"GET", "/metrics", RouteAccess::Open(), HandleMetrics});
  router.Add({"GET", "/", RouteAccess::Open(), HandleServiceRoot});
  router.Add({"GET", "/candidat/{id}", RouteAccess::Open(), HandleCandidatPage});
  router.Add({"GET", "/gestion/", RouteAccess::Open(), HandleGestionPage});
  router.Add({"GET", "/gestion", RouteAccess::Open(), HandleGestionRedirect});
  router.Add({"GET", "/static/{file}", RouteAccess::Open(), HandleStaticFile});
  return router;
}

}  // namespace dossier
