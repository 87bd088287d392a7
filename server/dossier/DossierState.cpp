#include "server/dossier/DossierState.h"

#include <Poco/DigestEngine.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/SHA2Engine.h>
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

namespace dossier {
namespace {

// Changing the cover's layout or content changes this, so cached PDFs of
// the former layout are rebuilt.
constexpr const char* kCoverVersion = "dossier-cover-1";

std::string Column(sql::ResultSet& rows, const char* column) {
  return rows.isNull(column) ? std::string() : std::string(rows.getString(column));
}

// The page count from the stored JSON report; 0 when there is none.
int ReportPages(const std::string& report) {
  if (report.empty()) return 0;
  try {
    auto object = Poco::JSON::Parser().parse(report).extract<Poco::JSON::Object::Ptr>();
    return object && object->has("pages") ? object->getValue<int>("pages") : 0;
  } catch (const std::exception&) {
    return 0;  // a report we cannot read: the cover just omits the pages
  }
}

DossierPieceState PieceFrom(sql::ResultSet& rows) {
  DossierPieceState piece;
  piece.code = Column(rows, "piece_code");
  piece.label = Column(rows, "label");
  piece.position = rows.getInt("position");
  piece.status = Column(rows, "piece_status");
  piece.comment = Column(rows, "comment");
  piece.current_version = rows.getInt("current_version");
  piece.outcome = Column(rows, "outcome");
  piece.reason = Column(rows, "reason");
  piece.message = Column(rows, "message");
  piece.ine_verdict = Column(rows, "ine_verdict");
  piece.output_key = Column(rows, "output_key");
  piece.output_bytes = rows.isNull("output_bytes") ? 0 : rows.getInt64("output_bytes");
  piece.pages = ReportPages(Column(rows, "report"));
  return piece;
}

class FieldDigest {
 public:
  FieldDigest& Add(const std::string& field) {
    std::string length = std::to_string(field.size()) + ":";
    engine_.update(length.data(), static_cast<unsigned>(length.size()));
    engine_.update(field.data(), static_cast<unsigned>(field.size()));
    return *this;
  }
  FieldDigest& Add(std::int64_t number) { return Add(std::to_string(number)); }
  std::string Hex() { return Poco::DigestEngine::digestToHex(engine_.digest()); }

 private:
  Poco::SHA2Engine engine_{Poco::SHA2Engine::SHA_256};
};

}  // namespace

std::optional<DossierState> ReadDossierState(sql::Connection& connection,
                                             const std::string& candidature_id) {
  std::unique_ptr<sql::PreparedStatement> query(connection.prepareStatement(
      "SELECT c.formation, c.ine, c.status AS candidature_status, p.piece_code, j.label, "
      "p.position, p.status AS piece_status, p.comment, p.current_version, pc.outcome, "
      "pc.reason, pc.message, pc.ine_verdict, pc.output_key, pc.output_bytes, pc.report "
      "FROM candidature c "
      "LEFT JOIN pj_cand p ON p.candidature_id = c.id "
      "LEFT JOIN piece_justif j ON j.code = p.piece_code "
      "LEFT JOIN piece_version v ON v.candidature_id = p.candidature_id "
      "  AND v.piece_code = p.piece_code AND v.version = p.current_version "
      "LEFT JOIN precheck pc ON pc.piece_version_id = v.id "
      "WHERE c.id = ? ORDER BY p.position, p.piece_code"));
  query->setString(1, candidature_id);
  std::unique_ptr<sql::ResultSet> rows(query->executeQuery());
  if (!rows->next()) return std::nullopt;
  DossierState state;
  state.candidature_id = candidature_id;
  state.formation = Column(*rows, "formation");
  state.declared_ine = Column(*rows, "ine");
  state.status = Column(*rows, "candidature_status");
  do {
    if (!rows->isNull("piece_code")) state.pieces.push_back(PieceFrom(*rows));
  } while (rows->next());
  return state;
}

std::string DossierFingerprint(const DossierState& state) {
  FieldDigest digest;
  digest.Add(kCoverVersion).Add(state.candidature_id).Add(state.formation);
  digest.Add(state.declared_ine)
      .Add(state.status)
      .Add(static_cast<std::int64_t>(state.pieces.size()));
  for (const DossierPieceState& piece : state.pieces) {
    digest.Add(piece.code).Add(piece.label).Add(piece.position).Add(piece.status);
    digest.Add(piece.comment).Add(piece.current_version).Add(piece.outcome).Add(piece.reason);
    digest.Add(piece.message).Add(piece.ine_verdict).Add(piece.output_key);
    digest.Add(piece.output_bytes).Add(piece.pages);
  }
  return digest.Hex();
}

}  // namespace dossier
