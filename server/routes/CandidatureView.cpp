#include "server/routes/CandidatureView.h"

#include <cppconn/resultset.h>

#include <map>

#include "core/errors/ClientError.h"
#include "core/json/JsonDocument.h"
#include "core/messages/ApiMessages.h"
#include "ingest/upload/UploadLimits.h"
#include "store/db/BoundStatement.h"
#include "workflow/CandidatureStatus.h"
#include "workflow/JobOutcome.h"
#include "workflow/LabelOrCode.h"
#include "workflow/PieceStatus.h"

namespace dossier {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Poco::Dynamic::Var NullableString(sql::ResultSet& row, int column) {
  if (row.isNull(column)) return Poco::Dynamic::Var();
  return std::string(row.getString(column));
}

Array::Ptr Formats(const std::string& list) {
  Array::Ptr formats = new Array;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t comma = list.find(',', start);
    std::string item = list.substr(start, comma == std::string::npos ? comma : comma - start);
    if (!item.empty()) formats->add(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return formats;
}

// The stored report as JSON (null when absent or unreadable).
Poco::Dynamic::Var Report(sql::ResultSet& row, int column) {
  if (row.isNull(column)) return Poco::Dynamic::Var();
  try {
    return ParseJson(std::string(row.getString(column)));
  } catch (const Poco::Exception&) {
    return Poco::Dynamic::Var();
  }
}

// none: nothing uploaded; pending: queued or being processed; done: the
// pre-check is there; unprocessable: the workers gave up on it.
std::string Processing(sql::ResultSet& row, int version, int outcome, int job_state) {
  if (row.getInt(version) == 0) return "none";
  if (!row.isNull(outcome))
    return ParseJobOutcome(std::string(row.getString(outcome))) == JobOutcome::kUnprocessable
               ? "unprocessable"
               : "done";
  if (!row.isNull(job_state) && std::string(row.getString(job_state)) == "poison")
    return "unprocessable";
  return "pending";
}

// "2026-12-03T15:40:12.345000" (DATE_FORMAT's %f) -> "2026-12-03T15:40:12.345Z".
Poco::Dynamic::Var LatestReceipt(sql::ResultSet& row, int column) {
  if (row.isNull(column)) return Poco::Dynamic::Var();
  Object::Ptr receipt = NewJsonObject();
  receipt->set("transmitted_at", std::string(row.getString(column)).substr(0, 23) + "Z");
  return receipt;
}

Object::Ptr Header(sql::Connection& connection, const std::string& id) {
  auto row = BoundStatement(connection,
                            "SELECT id, formation, ine, status, date_limite, "
                            "(SELECT DATE_FORMAT(r.transmitted_at, '%Y-%m-%dT%H:%i:%s.%f') "
                            "FROM recepisse r WHERE r.candidature_id = c.id "
                            "ORDER BY r.id DESC LIMIT 1), nom, prenom "
                            "FROM candidature c WHERE id = ?")
                 .Bind(id)
                 .Query();
  if (!row->next())
    throw ClientError(ErrorCode::kNotFound, messages::CandidatureNotFound(), "candidature " + id);
  Object::Ptr body = NewJsonObject();
  std::string status = row->getString(4);
  body->set("id", std::string(row->getString(1)));
  body->set("formation", std::string(row->getString(2)));
  body->set("nom", NullableString(*row, 7));
  body->set("prenom", NullableString(*row, 8));
  body->set("ine", NullableString(*row, 3));
  body->set("status", status);
  body->set("status_label", LabelOrCode(ParseCandidatureStatus(status), status));
  body->set("date_limite", NullableString(*row, 5));
  body->set("recepisse", LatestReceipt(*row, 6));
  return body;
}

// The files of every pièce's current version, by pièce code.
std::map<std::string, Array::Ptr> CurrentFiles(sql::Connection& connection, const std::string& id) {
  auto rows =
      BoundStatement(connection,
                     "SELECT v.piece_code, f.original_name, f.sniffed_type, f.size_bytes "
                     "FROM pj_cand p JOIN piece_version v ON v.candidature_id = p.candidature_id "
                     "AND v.piece_code = p.piece_code AND v.version = p.current_version "
                     "JOIN fichier f ON f.piece_version_id = v.id "
                     "WHERE p.candidature_id = ? ORDER BY v.piece_code, f.position")
          .Bind(id)
          .Query();
  std::map<std::string, Array::Ptr> files;
  while (rows->next()) {
    Array::Ptr& list = files[std::string(rows->getString(1))];
    if (!list) list = new Array;
    Object::Ptr file = NewJsonObject();
    file->set("name", std::string(rows->getString(2)));
    file->set("type", std::string(rows->getString(3)));
    file->set("bytes", static_cast<Poco::Int64>(rows->getInt64(4)));
    list->add(file);
  }
  return files;
}

Object::Ptr Piece(sql::ResultSet& row, std::map<std::string, Array::Ptr>& files) {
  Object::Ptr piece = NewJsonObject();
  std::string code = row.getString(1);
  std::string status = row.getString(5);
  bool mandatory = row.getInt(3) != 0;
  piece->set("code", code);
  piece->set("label", std::string(row.getString(2)));
  piece->set("mandatory", mandatory);
  piece->set("conditional", !mandatory || row.getInt(4) != 0);
  piece->set("status", status);
  piece->set("status_label", LabelOrCode(ParsePieceStatus(status), status));
  piece->set("comment", NullableString(row, 6));
  piece->set("version", row.getInt(7));
  piece->set("processing", Processing(row, 7, 10, 13));
  piece->set("report", Report(row, 11));
  piece->set("message", NullableString(row, 12));
  piece->set("thumbnail", row.getInt(14) != 0);
  piece->set("max_bytes", static_cast<Poco::Int64>(row.getInt64(8)));
  piece->set("formats", Formats(row.getString(9)));
  Array::Ptr& list = files[code];
  piece->set("files", list ? list : Array::Ptr(new Array));
  return piece;
}

Array::Ptr Pieces(sql::Connection& connection, const std::string& id) {
  std::map<std::string, Array::Ptr> files = CurrentFiles(connection, id);
  auto rows = BoundStatement(connection,
                             "SELECT p.piece_code, t.label, p.mandatory, t.conditional, p.status, "
                             "p.comment, p.current_version, t.max_bytes, t.formats, pc.outcome, "
                             "pc.report, pc.message, j.state, pc.thumbnail_key IS NOT NULL "
                             "FROM pj_cand p JOIN piece_justif t ON t.code = p.piece_code "
                             "LEFT JOIN piece_version v ON v.candidature_id = p.candidature_id "
                             "AND v.piece_code = p.piece_code AND v.version = p.current_version "
                             "LEFT JOIN precheck pc ON pc.piece_version_id = v.id "
                             "LEFT JOIN job j ON j.piece_version_id = v.id "
                             "WHERE p.candidature_id = ? ORDER BY p.position, p.piece_code")
                  .Bind(id)
                  .Query();
  Array::Ptr pieces = new Array;
  while (rows->next()) pieces->add(Piece(*rows, files));
  return pieces;
}

}  // namespace

Object::Ptr CandidatureJson(sql::Connection& connection, const std::string& id,
                            const UploadLimits& limits) {
  Object::Ptr body = Header(connection, id);
  body->set("max_file_bytes", static_cast<Poco::Int64>(limits.max_file_bytes));
  body->set("max_files", limits.max_files);
  body->set("pieces", Pieces(connection, id));
  return body;
}

}  // namespace dossier
