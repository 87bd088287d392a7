#include "server/worklist/WorkListQuery.h"

#include <cppconn/resultset.h>

#include <map>

#include "server/worklist/WorkListSql.h"
#include "store/db/BoundStatement.h"
#include "workflow/IneVerdict.h"
#include "workflow/JobOutcome.h"
#include "workflow/PieceStatus.h"

namespace dossier {
namespace {

constexpr const char* kRowColumns =
    "SELECT c.id, c.nom, c.prenom, c.ine, c.formation, c.status, "
    "DATE_FORMAT(c.updated_at, '%Y-%m-%dT%H:%i:%sZ') FROM candidature c ";

BoundStatement& BindAll(BoundStatement& statement, const std::vector<std::string>& values) {
  for (const std::string& value : values) statement.Bind(value);
  return statement;
}

std::string Text(sql::ResultSet& row, int column) {
  return row.isNull(column) ? std::string() : std::string(row.getString(column));
}

WorkListItem Row(sql::ResultSet& row) {
  WorkListItem item;
  item.id = Text(row, 1);
  item.nom = Text(row, 2);
  item.prenom = Text(row, 3);
  item.ine = Text(row, 4);
  item.formation = Text(row, 5);
  item.status = Text(row, 6);
  item.updated_at = Text(row, 7);
  return item;
}

std::vector<WorkListItem> OrderedRows(sql::Connection& connection, const WorkListFilter& filter,
                                      int limit, int offset) {
  SqlPart where = WorkListWhere(filter);
  SqlPart order = WorkListOrderBy(filter.sort);
  BoundStatement select(connection,
                        kRowColumns + where.sql + " " + order.sql + " LIMIT ? OFFSET ?");
  BindAll(BindAll(select, where.values), order.values).Bind(limit).Bind(offset);
  auto rows = select.Query();
  std::vector<WorkListItem> items;
  while (rows->next()) items.push_back(Row(*rows));
  return items;
}

std::int64_t CountMatches(sql::Connection& connection, const WorkListFilter& filter) {
  SqlPart where = WorkListWhere(filter);
  BoundStatement count(connection, "SELECT COUNT(*) FROM candidature c " + where.sql);
  auto row = BindAll(count, where.values).Query();
  return row->next() ? row->getInt64(1) : 0;
}

// The pièces of the page's candidatures, each joined to its current
// version's precheck (at most one: nothing is counted twice). The flags
// keep the columns' order of kEveryWorkListFlag.
const char* const kPieceSummary =
    "SELECT p.candidature_id, COUNT(*), COALESCE(SUM(p.status = ?), 0), "
    "COALESCE(MAX(pc.ine_verdict = ?), 0), COALESCE(MAX(pc.ine_verdict = ?), 0), "
    "COALESCE(MAX(pc.outcome = ?), 0), COALESCE(MAX(pc.outcome = ?), 0), "
    "COALESCE(MAX(pc.active_content), 0) "
    "FROM pj_cand p LEFT JOIN piece_version v ON v.candidature_id = p.candidature_id "
    "AND v.piece_code = p.piece_code AND v.version = p.current_version "
    "LEFT JOIN precheck pc ON pc.piece_version_id = v.id "
    "WHERE p.candidature_id IN (";

void AddPieceSummaries(sql::Connection& connection, std::vector<WorkListItem>& items) {
  if (items.empty()) return;
  std::string marks;
  std::map<std::string, WorkListItem*> by_id;
  for (WorkListItem& item : items) {
    marks += marks.empty() ? "?" : ", ?";
    by_id[item.id] = &item;
  }
  BoundStatement select(connection, kPieceSummary + marks + ") GROUP BY p.candidature_id");
  select.Bind(Code(PieceStatus::kTransmise))
      .Bind(Code(IneVerdict::kIllisible))
      .Bind(Code(IneVerdict::kDifferent))
      .Bind(Code(JobOutcome::kRefused))
      .Bind(Code(JobOutcome::kUnprocessable));
  for (const WorkListItem& item : items) select.Bind(item.id);
  auto rows = select.Query();
  while (rows->next()) {
    WorkListItem& item = *by_id.at(std::string(rows->getString(1)));
    item.pieces = rows->getInt(2);
    item.pieces_to_check = rows->getInt(3);
    int column = 4;
    for (WorkListFlag flag : kEveryWorkListFlag)
      if (rows->getInt(column++) != 0) item.flags.push_back(flag);
  }
}

}  // namespace

WorkListPage QueryWorkListPage(sql::Connection& connection, const WorkListFilter& filter) {
  WorkListPage page;
  page.items = OrderedRows(connection, filter, filter.limit, filter.offset);
  // A page that is not full says how many there are without counting.
  bool short_page = !page.items.empty() || filter.offset == 0;
  if (short_page && page.items.size() < static_cast<std::size_t>(filter.limit))
    page.total = filter.offset + static_cast<std::int64_t>(page.items.size());
  else
    page.total = CountMatches(connection, filter);
  AddPieceSummaries(connection, page.items);
  return page;
}

std::vector<WorkListItem> QueryWorkListRows(sql::Connection& connection,
                                            const WorkListFilter& filter, int cap) {
  return OrderedRows(connection, filter, cap, 0);
}

std::vector<std::string> QueryFormations(sql::Connection& connection) {
  auto rows = BoundStatement(connection,
                             "SELECT DISTINCT formation FROM candidature "
                             "ORDER BY formation COLLATE utf8mb4_unicode_ci, formation")
                  .Query();
  std::vector<std::string> formations;
  while (rows->next()) formations.push_back(rows->getString(1));
  return formations;
}

}  // namespace dossier
