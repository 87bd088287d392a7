#include "core/json/JsonObjectReader.h"
#include "core/json/JsonParseError.h"
#include "core/receipt/DepositReceipt.h"

namespace dossier {

DepositReceipt DepositReceipt::FromJson(const std::string& text) {
  JsonObjectReader json = JsonObjectReader::Parse(text, "receipt");
  DepositReceipt receipt;
  receipt.candidature_id = json.String("candidature");
  receipt.formation = json.String("formation");
  receipt.ine = json.StringOrNull("ine");
  receipt.transmitted_at = json.String("transmitted_at");
  for (const JsonObjectReader& line : json.Objects("pieces")) {
    ReceiptPiece piece;
    piece.code = line.String("code");
    piece.label = line.String("label");
    piece.status = line.String("status");
    piece.status_label = line.StringOrEmpty("status_label");
    piece.pages = line.IntOrNull("pages");
    if (std::optional<double> bytes = line.NumberOrNull("bytes")) {
      if (*bytes < 0)
        throw JsonParseError(line.Where("bytes") + ": expected a non-negative integer");
      piece.bytes = static_cast<std::uint64_t>(*bytes);
    }
    piece.sha256 = line.StringOrNull("sha256");
    piece.files = line.Strings("files");
    receipt.pieces.push_back(std::move(piece));
  }
  return receipt;
}

}  // namespace dossier
