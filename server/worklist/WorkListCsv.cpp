#include "server/worklist/WorkListCsv.h"

#include <cppconn/resultset.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/errors/ClientError.h"
#include "core/messages/WorkListMessages.h"
#include "server/worklist/CsvField.h"
#include "server/worklist/WorkListQuery.h"
#include "server/worklist/WorkListSql.h"
#include "store/db/BoundStatement.h"
#include "workflow/CandidatureStatus.h"
#include "workflow/LabelOrCode.h"
#include "workflow/PieceStatus.h"

namespace dossier {
namespace {

// candidature id -> pièce code -> status code
using PieceStatuses = std::unordered_map<std::string, std::map<std::string, std::string>>;

PieceStatuses ReadPieceStatuses(sql::Connection& connection, const WorkListFilter& filter) {
  SqlPart where = WorkListWhere(filter);
  BoundStatement select(connection,
                        "SELECT pj.candidature_id, pj.piece_code, pj.status FROM candidature c "
                        "JOIN pj_cand pj ON pj.candidature_id = c.id " +
                            where.sql);
  for (const std::string& value : where.values) select.Bind(value);
  auto rows = select.Query();
  PieceStatuses statuses;
  while (rows->next()) statuses[rows->getString(1)][rows->getString(2)] = rows->getString(3);
  return statuses;
}

struct PieceColumn {
  std::string code;
  std::string label;
};

// The pièce types present, in the policy's order (then by code).
std::vector<PieceColumn> Columns(sql::Connection& connection,
                                 const std::vector<WorkListItem>& items,
                                 const PieceStatuses& statuses,
                                 const std::vector<std::string>& type_order) {
  std::set<std::string> present;
  for (const WorkListItem& item : items) {
    auto pieces = statuses.find(item.id);
    if (pieces == statuses.end()) continue;
    for (const auto& [code, status] : pieces->second) present.insert(code);
  }
  std::vector<PieceColumn> columns;
  auto rows = BoundStatement(connection, "SELECT code, label FROM piece_justif").Query();
  while (rows->next())
    if (present.count(rows->getString(1)))
      columns.push_back({rows->getString(1), rows->getString(2)});
  auto rank = [&](const std::string& code) {
    return std::find(type_order.begin(), type_order.end(), code) - type_order.begin();
  };
  std::sort(columns.begin(), columns.end(), [&](const PieceColumn& a, const PieceColumn& b) {
    return std::make_pair(rank(a.code), a.code) < std::make_pair(rank(b.code), b.code);
  });
  return columns;
}

void AppendLine(std::string& csv, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) csv += ';';
    AppendCsvField(csv, fields[i]);
  }
  csv += "\r\n";
}

std::vector<std::string> Header(const std::vector<PieceColumn>& columns) {
  std::vector<std::string> header = messages::WorkListCsvHeader();
  for (const PieceColumn& column : columns) header.push_back(column.label);
  return header;
}

std::vector<std::string> Line(const WorkListItem& item, const std::vector<PieceColumn>& columns,
                              const PieceStatuses& statuses) {
  std::vector<std::string> line = {
      item.id,  item.nom,       item.prenom,
      item.ine, item.formation, LabelOrCode(ParseCandidatureStatus(item.status), item.status)};
  auto pieces = statuses.find(item.id);
  for (const PieceColumn& column : columns) {
    std::string status;
    if (pieces != statuses.end()) {
      auto found = pieces->second.find(column.code);
      if (found != pieces->second.end())
        status = LabelOrCode(ParsePieceStatus(found->second), found->second);
    }
    line.push_back(status);
  }
  return line;
}

}  // namespace

std::string WorkListCsv(sql::Connection& connection, const WorkListFilter& filter,
                        const std::vector<std::string>& type_order) {
  std::vector<WorkListItem> items =
      QueryWorkListRows(connection, filter, WorkListBounds::kMaxExportRows + 1);
  if (items.size() > static_cast<std::size_t>(WorkListBounds::kMaxExportRows))
    throw ClientError(ErrorCode::kInvalidParameter,
                      messages::WorkListExportTooLarge(WorkListBounds::kMaxExportRows),
                      "csv export over its cap");
  PieceStatuses statuses = ReadPieceStatuses(connection, filter);
  std::vector<PieceColumn> columns = Columns(connection, items, statuses, type_order);
  std::string csv = "\xEF\xBB\xBF";  // the BOM: spreadsheets then read UTF-8
  csv.reserve(items.size() * (96 + 16 * columns.size()));
  AppendLine(csv, Header(columns));
  for (const WorkListItem& item : items) AppendLine(csv, Line(item, columns, statuses));
  return csv;
}

}  // namespace dossier
