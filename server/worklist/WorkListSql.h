#pragma once

#include <string>
#include <vector>

#include "server/worklist/WorkListFilter.h"

namespace dossier {

// A piece of SQL and the values of its `?`, in order: what the gestionnaire
// typed only ever reaches the database as a bound value.
struct SqlPart {
  std::string sql;
  std::vector<std::string> values;
};

// "WHERE …" over `candidature c` for the filter's q, formation, status,
// flags and ids ("" when none applies).
SqlPart WorkListWhere(const WorkListFilter& filter);

// "ORDER BY …" over `candidature c`, ties broken by id.
SqlPart WorkListOrderBy(const WorkListSort& sort);

// `q` as a LIKE pattern that finds it anywhere: its % _ and \ escaped.
std::string ContainsPattern(const std::string& q);

}  // namespace dossier
