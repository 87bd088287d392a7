#include "server/receipt/TransmissionReceipt.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>
#include <cppconn/resultset.h>

#include <fstream>
#include <map>
#include <stdexcept>
#include <vector>

#include "ingest/upload/Sha256.h"
#include "server/dossier/DossierState.h"
#include "store/blobs/BlobStore.h"
#include "store/db/BoundStatement.h"
#include "workflow/JobOutcome.h"
#include "workflow/LabelOrCode.h"
#include "workflow/PieceStatus.h"

namespace dossier {
namespace {

struct Fingerprint {
  std::string sha256;
  std::uint64_t bytes = 0;
};

// The SHA-256 of a stored file, read in blocks; nullopt when it cannot be
// read (the receipt then says nothing rather than something false).
std::optional<Fingerprint> FingerprintOf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  Sha256 hash;
  Fingerprint print;
  std::vector<char> block(1 << 16);
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    auto got = static_cast<std::size_t>(in.gcount());
    hash.Update(block.data(), got);
    print.bytes += got;
  }
  if (in.bad()) return std::nullopt;
  print.sha256 = hash.Hex();
  return print;
}

// The original names of every pièce's current version, by pièce code.
std::map<std::string, std::vector<std::string>> CurrentFileNames(sql::Connection& connection,
                                                                 const std::string& id) {
  auto rows = BoundStatement(connection,
                             "SELECT v.piece_code, f.original_name FROM pj_cand p "
                             "JOIN piece_version v ON v.candidature_id = p.candidature_id "
                             "AND v.piece_code = p.piece_code AND v.version = p.current_version "
                             "JOIN fichier f ON f.piece_version_id = v.id "
                             "WHERE p.candidature_id = ? ORDER BY v.piece_code, f.position")
                  .Bind(id)
                  .Query();
  std::map<std::string, std::vector<std::string>> names;
  while (rows->next())
    names[std::string(rows->getString(1))].push_back(std::string(rows->getString(2)));
  return names;
}

ReceiptPiece PieceOf(const DossierPieceState& state, std::vector<std::string> files,
                     const BlobStore& store) {
  ReceiptPiece piece;
  piece.code = state.code;
  piece.label = state.label;
  piece.status = state.status;
  std::optional<PieceStatus> status = ParsePieceStatus(state.status);
  piece.status_label = LabelOrCode(status, state.status);
  if (status == PieceStatus::kNonConcerne) return piece;  // its old files were not sent
  piece.files = std::move(files);
  if (ParseJobOutcome(state.outcome) != JobOutcome::kAccepted || state.output_key.empty())
    return piece;
  if (std::optional<Fingerprint> print = FingerprintOf(store.PathOf(state.output_key))) {
    piece.sha256 = print->sha256;
    piece.bytes = print->bytes;
    if (state.pages > 0) piece.pages = state.pages;
  }
  return piece;
}

}  // namespace

DepositReceipt RecordTransmissionReceipt(sql::Connection& connection, const BlobStore& store,
                                         const std::string& candidature_id) {
  std::optional<DossierState> state = ReadDossierState(connection, candidature_id);
  if (!state) throw std::runtime_error("receipt: no candidature " + candidature_id);
  std::map<std::string, std::vector<std::string>> files =
      CurrentFileNames(connection, candidature_id);
  Poco::Timestamp now;
  DepositReceipt receipt;
  receipt.candidature_id = candidature_id;
  receipt.formation = state->formation;
  receipt.ine = state->declared_ine;
  receipt.transmitted_at = Poco::DateTimeFormatter::format(now, "%Y-%m-%dT%H:%M:%S.%iZ");
  for (const DossierPieceState& piece : state->pieces)
    receipt.pieces.push_back(PieceOf(piece, files[piece.code], store));
  BoundStatement(connection,
                 "INSERT INTO recepisse (candidature_id, transmitted_at, body) VALUES (?, ?, ?)")
      .Bind(candidature_id)
      .Bind(Poco::DateTimeFormatter::format(now, "%Y-%m-%d %H:%M:%S.%i"))
      .Bind(receipt.ToJson())
      .Update();
  return receipt;
}

std::optional<StoredReceipt> LatestReceipt(sql::Connection& connection,
                                           const std::string& candidature_id) {
  auto row = BoundStatement(connection,
                            "SELECT id, body FROM recepisse WHERE candidature_id = ? "
                            "ORDER BY id DESC LIMIT 1")
                 .Bind(candidature_id)
                 .Query();
  if (!row->next()) return std::nullopt;
  return StoredReceipt{static_cast<long long>(row->getInt64(1)), std::string(row->getString(2))};
}

}  // namespace dossier
