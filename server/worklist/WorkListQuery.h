#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "server/worklist/WorkListFilter.h"
#include "server/worklist/WorkListItem.h"

namespace sql {
class Connection;
}

namespace dossier {

struct WorkListPage {
  std::int64_t total = 0;  // every match, before limit and offset
  std::vector<WorkListItem> items;
};

// One page of the work list: the matching candidatures counted, the page's
// ids read in order through the keys of V006, then the pièce counts and
// flags of those ids only (at most `limit` candidatures' pièces are read).
WorkListPage QueryWorkListPage(sql::Connection& connection, const WorkListFilter& filter);

// Every matching candidature in order, up to `cap`, without pièce counts
// nor flags (the export reads the pièces' statuses itself).
std::vector<WorkListItem> QueryWorkListRows(sql::Connection& connection,
                                            const WorkListFilter& filter, int cap);

// Every formation of a candidature, sorted as a reader expects (accents
// and case folded), for the page's filter.
std::vector<std::string> QueryFormations(sql::Connection& connection);

}  // namespace dossier
