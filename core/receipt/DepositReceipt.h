#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dossier {

// One pièce as it was when the dossier was transmitted.
struct ReceiptPiece {
  std::string code;          // "releve_bac"
  std::string label;         // « Relevé de notes du baccalauréat »
  std::string status;        // the pièce's status code at transmission
  std::string status_label;  // its French word: « Transmise », « Non concerné »…
  // Of the processed PDF (the one GET …/pieces/{code}/pdf serves); nullopt
  // and "" when there is none (non concernée, still being processed).
  std::optional<int> pages;
  std::optional<std::uint64_t> bytes;
  std::string sha256;              // lowercase hex
  std::vector<std::string> files;  // the original names, in upload order
};

// The récépissé of one transmission: what the candidate sent, when, and the
// SHA-256 of each pièce's processed PDF, which proves later that the file a
// gestionnaire reads is the one deposited. Every text is UTF-8 as stored.
struct DepositReceipt {
  std::string candidature_id;
  std::string formation;
  std::string ine;             // declared; "" when none
  std::string transmitted_at;  // UTC, "2026-12-03T15:40:12.345Z"
  std::vector<ReceiptPiece> pieces;

  // {"candidature", "formation", "ine" (or null), "transmitted_at",
  //  "pieces": [{"code", "label", "status", "status_label", "pages",
  //              "bytes", "sha256" (each or null), "files": […]}, …]}
  std::string ToJson() const;
  // What ToJson wrote. Throws JsonParseError (which key, what was expected).
  static DepositReceipt FromJson(const std::string& json);
};

}  // namespace dossier
