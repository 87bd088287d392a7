#include "workflow/history/ReadHistory.h"

#include <cppconn/resultset.h>

#include "store/db/BoundStatement.h"
#include "workflow/CandidatureStatus.h"
#include "workflow/LabelOrCode.h"
#include "workflow/PieceStatus.h"

namespace dossier {
namespace {

std::optional<std::string> Nullable(sql::ResultSet& row, int column) {
  if (row.isNull(column)) return std::nullopt;
  return std::string(row.getString(column));
}

// A pièce's codes are PieceStatus, the candidature's CandidatureStatus: "RE"
// is « Refusée » for one and « Réceptionné » for the other.
std::optional<std::string> StatusLabel(const std::optional<std::string>& code, bool of_piece) {
  if (!code) return std::nullopt;
  return of_piece ? LabelOrCode(ParsePieceStatus(*code), *code)
                  : LabelOrCode(ParseCandidatureStatus(*code), *code);
}

HistoryLine ReadLine(sql::ResultSet& row) {
  HistoryLine line;
  // DATE_FORMAT's %f has six digits: the column keeps three.
  line.at = std::string(row.getString(1)).substr(0, 23) + "Z";
  line.actor = row.getString(2);
  line.kind = row.getString(3);
  line.piece_code = Nullable(row, 4);
  if (line.piece_code) line.piece_label = Nullable(row, 9).value_or(*line.piece_code);
  line.old_status = Nullable(row, 5);
  line.new_status = Nullable(row, 6);
  line.old_status_label = StatusLabel(line.old_status, line.piece_code.has_value());
  line.new_status_label = StatusLabel(line.new_status, line.piece_code.has_value());
  line.comment = Nullable(row, 7);
  return line;
}

}  // namespace

std::vector<HistoryLine> ReadHistory(sql::Connection& connection,
                                     const std::string& candidature_id) {
  auto rows = BoundStatement(connection,
                             "SELECT DATE_FORMAT(h.at, '%Y-%m-%dT%H:%i:%s.%f'), h.actor, h.kind, "
                             "h.piece_code, h.old_status, h.new_status, h.comment, h.id, t.label "
                             "FROM historique h LEFT JOIN piece_justif t ON t.code = h.piece_code "
                             "WHERE h.candidature_id = ? ORDER BY h.id")
                  .Bind(candidature_id)
                  .Query();
  std::vector<HistoryLine> lines;
  while (rows->next()) lines.push_back(ReadLine(*rows));
  return lines;
}

}  // namespace dossier
