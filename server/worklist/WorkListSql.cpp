#include "server/worklist/WorkListSql.h"

#include "workflow/IneVerdict.h"
#include "workflow/JobOutcome.h"

namespace dossier {
namespace {

// The tables are utf8mb4_bin: the search and the orders on text compare
// under utf8mb4_unicode_ci instead, so that "helene" finds « Hélène » and
// « Émile » sorts before « Zoé ». The INE and id are compared the same way
// (case-insensitive).
constexpr const char* kFolded = " COLLATE utf8mb4_unicode_ci";

void And(SqlPart& where, const std::string& condition) {
  where.sql += where.sql.empty() ? "WHERE " : " AND ";
  where.sql += condition;
}

void AddSearch(SqlPart& where, const std::string& q) {
  std::string folded = kFolded;
  And(where, "(c.id" + folded + " LIKE ? OR c.ine" + folded +
                 " LIKE ? OR CONCAT_WS(' ', c.prenom, c.nom)" + folded +
                 " LIKE ? OR CONCAT_WS(' ', c.nom, c.prenom)" + folded + " LIKE ?)");
  std::string pattern = ContainsPattern(q);
  for (int i = 0; i < 4; ++i) where.values.push_back(pattern);
}

// One predicate over the current version's precheck `pc` per flag.
std::string FlagCondition(WorkListFlag flag, std::vector<std::string>& values) {
  switch (flag) {
    case WorkListFlag::kIneIllisible:
      values.push_back(Code(IneVerdict::kIllisible));
      return "pc.ine_verdict = ?";
    case WorkListFlag::kIneDifferent:
      values.push_back(Code(IneVerdict::kDifferent));
      return "pc.ine_verdict = ?";
    case WorkListFlag::kRefuseeControle:
      values.push_back(Code(JobOutcome::kRefused));
      return "pc.outcome = ?";
    case WorkListFlag::kUnprocessable:
      values.push_back(Code(JobOutcome::kUnprocessable));
      return "pc.outcome = ?";
    case WorkListFlag::kContenuActif:
      return "pc.active_content = 1";
  }
  return "FALSE";
}

// Any of the flags on the precheck of one of the current versions. Each
// flag starts from the few pre-checks that carry it (their own key in V006,
// the report never read), then keeps those of current versions: far fewer
// rows than a probe of every candidature's pièces.
void AddFlags(SqlPart& where, const std::vector<WorkListFlag>& flags) {
  std::string any;
  for (WorkListFlag flag : flags)
    any += (any.empty() ? "" : " OR ") +
           std::string(
               "c.id IN (SELECT v.candidature_id FROM precheck pc JOIN piece_version v ON "
               "v.id = pc.piece_version_id JOIN pj_cand p ON p.candidature_id = "
               "v.candidature_id AND p.piece_code = v.piece_code AND p.current_version = "
               "v.version WHERE ") +
           FlagCondition(flag, where.values) + ")";
  And(where, "(" + any + ")");
}

void AddIds(SqlPart& where, const std::vector<std::string>& ids) {
  std::string marks;
  for (const std::string& id : ids) {
    marks += marks.empty() ? "?" : ", ?";
    where.values.push_back(id);
  }
  And(where, "c.id IN (" + marks + ")");
}

}  // namespace

std::string ContainsPattern(const std::string& q) {
  std::string pattern = "%";
  for (char c : q) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

SqlPart WorkListWhere(const WorkListFilter& filter) {
  SqlPart where;
  if (!filter.q.empty()) AddSearch(where, filter.q);
  if (!filter.formation.empty()) {
    And(where, "c.formation = ?");
    where.values.push_back(filter.formation);
  }
  if (filter.status) {
    And(where, "c.status = ?");
    where.values.push_back(Code(*filter.status));
  }
  if (!filter.flags.empty()) AddFlags(where, filter.flags);
  if (!filter.ids.empty()) AddIds(where, filter.ids);
  return where;
}

SqlPart WorkListOrderBy(const WorkListSort& sort) {
  std::string way = sort.descending ? " DESC" : "";
  std::string folded = kFolded;
  SqlPart order;
  switch (sort.order) {
    case WorkListOrder::kUpdated:
      order.sql = "ORDER BY c.updated_at" + way;
      break;
    case WorkListOrder::kNom:
      // Candidatures without a name last, either way.
      order.sql = "ORDER BY c.nom IS NULL, c.nom" + folded + way + ", c.prenom" + folded + way;
      break;
    case WorkListOrder::kFormation:
      order.sql = "ORDER BY c.formation" + folded + way;
      break;
    case WorkListOrder::kStatus:
      // The workflow's order, not the codes' alphabet.
      order.sql = "ORDER BY FIELD(c.status, ?, ?, ?, ?)" + way;
      for (CandidatureStatus status :
           {CandidatureStatus::kEnAttente, CandidatureStatus::kReceptionne,
            CandidatureStatus::kIncomplet, CandidatureStatus::kComplet})
        order.values.push_back(Code(status));
      break;
  }
  order.sql += ", c.id" + way;
  return order;
}

}  // namespace dossier
