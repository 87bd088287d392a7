#include <cppconn/resultset.h>

#include "core/errors/ClientError.h"
#include "core/json/JsonDocument.h"
#include "core/messages/ApiMessages.h"
#include "core/messages/GestionMessages.h"
#include "server/http/RequestContext.h"
#include "server/http/ServiceResources.h"
#include "server/routes/RouteHandlers.h"
#include "store/db/BoundStatement.h"
#include "store/db/ConnectionPool.h"
#include "workflow/CandidatureStatus.h"
#include "workflow/IneVerdict.h"
#include "workflow/JobOutcome.h"
#include "workflow/LabelOrCode.h"
#include "workflow/PieceStatus.h"

namespace dossier {
namespace {

// The gestionnaire's work list: oldest change first, so that dossiers
// waiting longest come up first. Bounded: the page asks again by status.
constexpr int kListLimit = 1000;

// What the pre-checks of a candidature's current versions found, in the
// order of the columns below: each is worth the gestionnaire's eye.
const char* const kFlags[] = {"ine_illisible", "ine_different", "refusee_controle", "unprocessable",
                              "contenu_actif"};
constexpr int kFirstFlagColumn = 7;

// The stored code of the status asked for; "" for every status.
std::string StatusFilter(const RequestContext& context) {
  std::string status = context.Query("status");
  if (status.empty()) return status;
  if (std::optional<CandidatureStatus> known = ParseCandidatureStatus(status)) return Code(*known);
  throw ClientError(ErrorCode::kInvalidStatus, messages::InvalidStatusFilter(status));
}

std::string FlagFilter(const RequestContext& context) {
  std::string flag = context.Query("flag");
  if (flag.empty()) return flag;
  for (const char* known : kFlags)
    if (flag == known) return flag;
  throw ClientError(ErrorCode::kInvalidFlag, messages::InvalidFlagFilter(flag));
}

// One row per candidature, its pièces joined to their current version's
// precheck (at most one each: no row is counted twice). The flag filter is
// applied before the limit. The statuses, verdicts and outcomes compared
// are bound, in the order of their `?`.
const char* const kWorkListQuery =
    "SELECT c.id, c.formation, c.status, "
    "DATE_FORMAT(c.updated_at, '%Y-%m-%dT%H:%i:%sZ'), "
    "COALESCE(SUM(p.status = ?), 0), COUNT(p.piece_code), "
    "COALESCE(MAX(pc.ine_verdict = ?), 0) AS ine_illisible, "
    "COALESCE(MAX(pc.ine_verdict = ?), 0) AS ine_different, "
    "COALESCE(MAX(pc.outcome = ?), 0) AS refusee_controle, "
    "COALESCE(MAX(pc.outcome = ?), 0) AS unprocessable, "
    // Scripts, launches, attachments… removed, or kept in a signed PDF: the
    // report's arrays (ActiveContent.h), absent from reports written before.
    // Web links alone are in most CVs and are not worth the flag.
    "COALESCE(MAX(JSON_LENGTH(pc.report, '$.active_content_removed') > "
    "COALESCE(JSON_CONTAINS(pc.report, '\"link\"', '$.active_content_removed'), 0) "
    "OR JSON_LENGTH(pc.report, '$.active_content_kept') > "
    "COALESCE(JSON_CONTAINS(pc.report, '\"link\"', '$.active_content_kept'), 0)), 0) "
    "AS contenu_actif "
    "FROM candidature c LEFT JOIN pj_cand p ON p.candidature_id = c.id "
    "LEFT JOIN piece_version v ON v.candidature_id = p.candidature_id "
    "AND v.piece_code = p.piece_code AND v.version = p.current_version "
    "LEFT JOIN precheck pc ON pc.piece_version_id = v.id "
    "WHERE (? = '' OR c.status = ?) "
    "GROUP BY c.id, c.formation, c.status, c.updated_at "
    "HAVING ? = '' OR (? = 'ine_illisible' AND ine_illisible = 1) "
    "OR (? = 'ine_different' AND ine_different = 1) "
    "OR (? = 'refusee_controle' AND refusee_controle = 1) "
    "OR (? = 'unprocessable' AND unprocessable = 1) "
    "OR (? = 'contenu_actif' AND contenu_actif = 1) "
    "ORDER BY c.updated_at, c.id LIMIT ?";

Poco::JSON::Object::Ptr Item(sql::ResultSet& row) {
  Poco::JSON::Object::Ptr item = NewJsonObject();
  std::string status = row.getString(3);
  item->set("id", std::string(row.getString(1)));
  item->set("formation", std::string(row.getString(2)));
  item->set("status", status);
  item->set("status_label", LabelOrCode(ParseCandidatureStatus(status), status));
  item->set("updated_at", std::string(row.getString(4)));
  item->set("pieces_to_check", static_cast<Poco::Int64>(row.getInt64(5)));
  item->set("pieces", static_cast<Poco::Int64>(row.getInt64(6)));
  Poco::JSON::Array::Ptr flags = new Poco::JSON::Array;
  int column = kFirstFlagColumn;
  for (const char* flag : kFlags)
    if (row.getInt(column++) != 0) flags->add(std::string(flag));
  item->set("flags", flags);
  return item;
}

}  // namespace

void HandleListCandidatures(RequestContext& context) {
  std::string status = StatusFilter(context);
  std::string flag = FlagFilter(context);
  PooledConnection connection = AcquireConnection(context.service());
  BoundStatement query(*connection, kWorkListQuery);
  query.Bind(Code(PieceStatus::kTransmise))
      .Bind(Code(IneVerdict::kIllisible))
      .Bind(Code(IneVerdict::kDifferent))
      .Bind(Code(JobOutcome::kRefused))
      .Bind(Code(JobOutcome::kUnprocessable));
  query.Bind(status).Bind(status);
  for (int i = 0; i < 6; ++i) query.Bind(flag);
  auto rows = query.Bind(kListLimit).Query();
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  while (rows->next()) list->add(Item(*rows));
  context.SendJson(200, JsonText(list));
}

}  // namespace dossier
