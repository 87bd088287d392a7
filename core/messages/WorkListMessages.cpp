#include "core/messages/WorkListMessages.h"

namespace dossier::messages {

std::string WorkListLimit() {
  return "Le paramètre « limit » doit être un nombre entier entre 1 et 200.";
}

std::string WorkListOffset() {
  return "Le paramètre « offset » doit être un nombre entier entre 0 et 999 999 999.";
}

std::string WorkListSort(const std::string& sort) {
  return "Le paramètre « sort » ne connaît pas « " + sort +
         " » : choisissez updated, nom, formation ou status, précédé de « - » pour l'ordre "
         "inverse.";
}

std::string WorkListStatus(const std::string& status) {
  return "Le paramètre « status » ne connaît pas « " + status +
         " » : choisissez AT, RE, IN ou CO, ou laissez-le vide pour tous les statuts.";
}

std::string WorkListFlag(const std::string& flag) {
  return "Le paramètre « flag » ne connaît pas « " + flag +
         " » : choisissez ine_illisible, ine_different, refusee_controle, unprocessable ou "
         "contenu_actif.";
}

std::string WorkListSearchTooLong(int max_characters) {
  return "Le paramètre « q » (la recherche) doit faire au plus " + std::to_string(max_characters) +
         " caractères.";
}

std::string WorkListTooManyIds(int max_ids) {
  return "Le paramètre « id » peut être répété au plus " + std::to_string(max_ids) +
         " fois : exportez la sélection en plusieurs fois.";
}

std::string WorkListExportTooLarge(int max_rows) {
  std::string rows = std::to_string(max_rows);
  if (rows.size() > 3) rows.insert(rows.size() - 3, "\u202F");  // 50 000, as French writes it
  return "Plus de " + rows + " dossiers correspondent à ces critères : un export en contient " +
         rows + " au plus. Choisissez une formation ou un statut, puis exportez à nouveau.";
}

std::vector<std::string> WorkListCsvHeader() {
  return {"id", "nom", "prénom", "INE", "formation", "statut"};
}

}  // namespace dossier::messages
