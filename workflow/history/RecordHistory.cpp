#include "workflow/history/RecordHistory.h"

#include "store/db/BoundStatement.h"

namespace dossier {

void RecordHistory(sql::Connection& connection, const HistoryEntry& entry) {
  BoundStatement(connection,
                 "INSERT INTO historique (candidature_id, at, actor, kind, piece_code, old_status, "
                 "new_status, comment) VALUES (?, UTC_TIMESTAMP(3), ?, ?, ?, ?, ?, ?)")
      .Bind(entry.candidature_id)
      .Bind(entry.actor)
      .Bind(Code(entry.kind))
      .BindNullableString(entry.piece_code)
      .BindNullableString(entry.old_status)
      .BindNullableString(entry.new_status)
      .BindNullableString(entry.comment)
      .Update();
}

}  // namespace dossier
