#include "core/messages/ReceiptLabels.h"

namespace dossier::messages {

std::string ReceiptTitle() {
  return "Récépissé de dépôt de dossier";
}

std::string ReceiptDocumentTitle(const std::string& candidature_id) {
  return "Récépissé de dépôt — candidature " + candidature_id;
}

std::string ReceiptTransmittedLine(const std::string& when) {
  return "Dossier transmis " + when + " (heure de Paris).";
}

std::string ReceiptCandidatureLine(const std::string& candidature_id) {
  return "Candidature : " + candidature_id;
}

std::string ReceiptIneLine(const std::string& declared_ine) {
  return "INE déclaré : " + (declared_ine.empty() ? std::string("non renseigné") : declared_ine);
}

std::string ReceiptPiecesHeading(std::size_t pieces) {
  return "Pièces du dossier (" + std::to_string(pieces) + ")";
}

std::vector<std::string> ReceiptColumnTitles() {
  return {"Pièce", "Statut", "Pages", "Empreinte SHA-256 du PDF déposé"};
}

std::string ReceiptFilesLine(const std::vector<std::string>& files) {
  std::string text = files.size() > 1 ? "Fichiers : " : "Fichier : ";
  for (std::size_t i = 0; i < files.size(); ++i) text += (i == 0 ? "" : ", ") + files[i];
  return text;
}

std::string ReceiptUnknownPages() {
  return "—";
}

std::string ReceiptNoFile() {
  return "aucun fichier";
}

std::string ReceiptPdfPending() {
  return "PDF en cours de préparation lors de la transmission";
}

std::string ReceiptFingerprintNote() {
  return "L'empreinte SHA-256 permet de prouver que le fichier n'a pas été modifié depuis le "
         "dépôt : calculée sur le PDF de la pièce tel que le service l'a enregistré, elle change "
         "dès qu'un seul octet du fichier change. Conservez ce récépissé.";
}

std::string ReceiptFooter(const std::string& candidature_id, std::size_t page, std::size_t pages) {
  return "Candidature " + candidature_id + " — récépissé, page " + std::to_string(page) + " / " +
         std::to_string(pages);
}

}  // namespace dossier::messages
