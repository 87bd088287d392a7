#pragma once

#include <string>
#include <vector>

#include "server/worklist/WorkListFilter.h"

namespace sql {
class Connection;
}

namespace dossier {

// The work list as a CSV a spreadsheet opens (GET /api/v1/candidatures.csv):
// UTF-8 with its BOM, ";"-separated, CRLF. Every candidature of the filter
// in its order (limit and offset ignored; ClientError kInvalidParameter
// when more than WorkListBounds::kMaxExportRows match), one column per pièce type present in
// those rows, in `type_order` (codes; others after, by code), each cell the
// pièce's status label or empty when the candidature does not require it.
std::string WorkListCsv(sql::Connection& connection, const WorkListFilter& filter,
                        const std::vector<std::string>& type_order);

}  // namespace dossier
