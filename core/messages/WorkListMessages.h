#pragma once

#include <string>
#include <vector>

namespace dossier::messages {

// The French sentences of the gestionnaire's work list and its CSV export
// (GET /api/v1/candidatures, …/candidatures.csv): a bad query parameter is
// named, with what it expects.

std::string WorkListLimit();
std::string WorkListOffset();
std::string WorkListSort(const std::string& sort);
std::string WorkListStatus(const std::string& status);
std::string WorkListFlag(const std::string& flag);
std::string WorkListSearchTooLong(int max_characters);
std::string WorkListTooManyIds(int max_ids);
// More candidatures match than one export holds.
std::string WorkListExportTooLarge(int max_rows);

// The first columns of the CSV export, before one column per pièce type:
// id, nom, prénom, INE, formation, statut.
std::vector<std::string> WorkListCsvHeader();

}  // namespace dossier::messages
