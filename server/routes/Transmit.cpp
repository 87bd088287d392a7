#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/receipt/TransmissionReceipt.h"
#include "server/routes/CandidatureView.h"
#include "server/routes/PathParams.h"
#include "server/routes/RouteHandlers.h"
#include "store/db/ConnectionPool.h"
#include "store/db/Transaction.h"
#include "store/tables/Outbox.h"
#include "workflow/StatusNotices.h"
#include "workflow/Transitions.h"
#include "workflow/WorkflowRows.h"
#include "workflow/history/RecordHistory.h"

namespace dossier {

// The candidate sends the dossier for examination (workflow's Transmit:
// from AT or IN, no pièce waiting or refused, to RE), told by mail, with a
// récépissé written in the same transaction.
void HandleTransmit(RequestContext& context) {
  std::string id = CandidatureIdParam(context);
  PooledConnection connection = AcquireConnection(context.service());
  {
    Transaction transaction(*connection);
    CandidatureRow candidature = LockCandidature(*connection, id);
    CandidatureStatus next = Transmit(candidature, PiecesOf(*connection, id)).OrThrow();
    SetCandidatureStatus(*connection, id, next);
    RecordHistory(*connection, CandidatureEntry(id, context.Actor(), HistoryKind::kTransmission,
                                                candidature.status, next));
    RecordTransmissionReceipt(*connection, context.service().store, id);
    AddNotification(*connection, CandidatureStatusNotice(id, candidature.formation, next, {}, "",
                                                         context.service().settings.public_url));
    transaction.Commit();
  }
  context.SendJson(200, CandidatureJson(*connection, id, context.service().settings.upload));
}

}  // namespace dossier
