#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace dossier::messages {

// The words of the récépissé de dépôt (processors/dossier/ReceiptPdf), the
// receipt the candidate keeps of a transmission.

std::string ReceiptTitle();  // « Récépissé de dépôt de dossier »
// The PDF's title (its document information).
std::string ReceiptDocumentTitle(const std::string& candidature_id);
// « Dossier transmis le 3 décembre 2026 à 16 h 40 (heure de Paris). »
// `when`: ReceiptDateText().
std::string ReceiptTransmittedLine(const std::string& when);
std::string ReceiptCandidatureLine(const std::string& candidature_id);
std::string ReceiptIneLine(const std::string& declared_ine);  // "" : « non renseigné »
std::string ReceiptPiecesHeading(std::size_t pieces);
std::vector<std::string> ReceiptColumnTitles();  // the table's four columns
// The files of a pièce under its label: « Fichiers : a.pdf, b.jpg ».
std::string ReceiptFilesLine(const std::vector<std::string>& files);
std::string ReceiptUnknownPages();  // a pièce without a processed PDF
// In place of a fingerprint: nothing was deposited (non concernée), or the
// PDF was still being prepared at transmission.
std::string ReceiptNoFile();
std::string ReceiptPdfPending();
// What the SHA-256 is for, under the table.
std::string ReceiptFingerprintNote();
std::string ReceiptFooter(const std::string& candidature_id, std::size_t page, std::size_t pages);

}  // namespace dossier::messages
