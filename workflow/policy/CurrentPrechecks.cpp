#include "workflow/policy/CurrentPrechecks.h"

#include <cppconn/resultset.h>

#include "store/db/BoundStatement.h"

namespace dossier {
namespace {

CurrentPrecheck ReadPrecheck(sql::ResultSet& row) {
  CurrentPrecheck precheck;
  precheck.outcome =
      ParseJobOutcome(std::string(row.getString(2))).value_or(JobOutcome::kUnprocessable);
  if (!row.isNull(3))
    precheck.ine = ParseIneVerdict(std::string(row.getString(3))).value_or(IneVerdict::kIllisible);
  precheck.active_content = !row.isNull(4) && row.getInt(4) != 0;
  return precheck;
}

}  // namespace

std::vector<PiecePrecheck> LockCurrentPrechecks(sql::Connection& connection,
                                                const std::string& candidature_id) {
  auto locked = BoundStatement(connection,
                               "SELECT piece_code FROM pj_cand WHERE candidature_id = ? FOR UPDATE")
                    .Bind(candidature_id)
                    .Query();
  while (locked->next()) {
  }
  auto rows = BoundStatement(connection,
                             "SELECT p.piece_code, pc.outcome, pc.ine_verdict, pc.active_content "
                             "FROM pj_cand p LEFT JOIN piece_version v "
                             "ON v.candidature_id = p.candidature_id "
                             "AND v.piece_code = p.piece_code AND v.version = p.current_version "
                             "LEFT JOIN precheck pc ON pc.piece_version_id = v.id "
                             "WHERE p.candidature_id = ? ORDER BY p.position, p.piece_code")
                  .Bind(candidature_id)
                  .Query();
  std::vector<PiecePrecheck> pieces;
  while (rows->next()) {
    PiecePrecheck piece{rows->getString(1), std::nullopt};
    if (!rows->isNull(2)) piece.precheck = ReadPrecheck(*rows);
    pieces.push_back(std::move(piece));
  }
  return pieces;
}

}  // namespace dossier
