#include "server/routes/ApiRouter.h"

#include "server/ops/OpsHandlers.h"
#include "server/routes/RouteHandlers.h"

namespace dossier {

Router ApiRouter() {
  const std::string kCandidature = "/api/v1/candidatures/{id}";
  const std::string kPiece = kCandidature + "/pieces/{code}";
  Router router;
  router.Add({"GET", "/api/v1/candidatures", RouteAccess::Staff(), HandleListCandidatures});
  router.Add({"GET", kCandidature, RouteAccess::AnyRole(), HandleGetCandidature});
  router.Add({"PUT", kCandidature, RouteAccess::AdminOnly(), HandlePutCandidature});
  router.Add({"POST", kCandidature + "/transmit", RouteAccess::CandidatOrAdmin(), HandleTransmit});
  router.Add({"POST", kCandidature + "/status", RouteAccess::Staff(), HandleCandidatureStatus});
  router.Add({"GET", kCandidature + "/dossier.pdf", RouteAccess::AnyRole(), HandleDossierPdf});
  router.Add({"POST", kPiece + "/files", RouteAccess::CandidatOrAdmin(), HandleUploadFiles});
  router.Add({"POST", kPiece + "/non-concerne", RouteAccess::CandidatOrAdmin(), HandleNonConcerne});
  router.Add({"GET", kPiece + "/pdf", RouteAccess::AnyRole(), HandlePiecePdf});
  router.Add({"GET", kPiece + "/thumbnail", RouteAccess::AnyRole(), HandlePieceThumbnail});
  router.Add({"POST", kPiece + "/decision", RouteAccess::Staff(), HandleDecision});
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
