#include "server/worklist/WorkListFilter.h"

#include <Poco/String.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "core/errors/ClientError.h"
#include "core/messages/WorkListMessages.h"

namespace dossier {
namespace {

// A whole number in [low, high] written with digits only, else nullopt.
std::optional<int> BoundedNumber(const std::string& text, int low, int high) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  int value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  if (value < low || value > high) return std::nullopt;
  return value;
}

// Characters, not bytes: a name with accents counts as it reads.
std::size_t CodePoints(const std::string& text) {
  std::size_t count = 0;
  for (unsigned char byte : text)
    if ((byte & 0xC0) != 0x80) ++count;
  return count;
}

void SetLimit(WorkListFilter& filter, const std::string& text) {
  std::optional<int> limit = BoundedNumber(text, 1, WorkListBounds::kMaxLimit);
  if (!limit) throw ClientError(ErrorCode::kInvalidParameter, messages::WorkListLimit(), text);
  filter.limit = *limit;
}

void SetOffset(WorkListFilter& filter, const std::string& text) {
  std::optional<int> offset = BoundedNumber(text, 0, 999'999'999);
  if (!offset) throw ClientError(ErrorCode::kInvalidParameter, messages::WorkListOffset(), text);
  filter.offset = *offset;
}

void SetSort(WorkListFilter& filter, const std::string& text) {
  if (text.empty()) return;
  std::optional<WorkListSort> sort = ParseWorkListSort(text);
  if (!sort) throw ClientError(ErrorCode::kInvalidParameter, messages::WorkListSort(text), text);
  filter.sort = *sort;
}

void SetStatus(WorkListFilter& filter, const std::string& text) {
  if (text.empty()) return;
  filter.status = ParseCandidatureStatus(text);
  if (!filter.status)
    throw ClientError(ErrorCode::kInvalidStatus, messages::WorkListStatus(text), text);
}

void AddFlag(WorkListFilter& filter, const std::string& text) {
  if (text.empty()) return;
  std::optional<WorkListFlag> flag = ParseWorkListFlag(text);
  if (!flag) throw ClientError(ErrorCode::kInvalidFlag, messages::WorkListFlag(text), text);
  if (std::find(filter.flags.begin(), filter.flags.end(), *flag) == filter.flags.end())
    filter.flags.push_back(*flag);
}

void SetSearch(WorkListFilter& filter, const std::string& text) {
  std::string q = Poco::trim(text);
  if (CodePoints(q) > static_cast<std::size_t>(WorkListBounds::kMaxSearchCharacters))
    throw ClientError(ErrorCode::kInvalidParameter,
                      messages::WorkListSearchTooLong(WorkListBounds::kMaxSearchCharacters));
  filter.q = q;
}

void AddId(WorkListFilter& filter, std::set<std::string>& seen, const std::string& id) {
  if (id.empty() || !seen.insert(id).second) return;
  if (filter.ids.size() >= static_cast<std::size_t>(WorkListBounds::kMaxIds))
    throw ClientError(ErrorCode::kInvalidParameter,
                      messages::WorkListTooManyIds(WorkListBounds::kMaxIds));
  filter.ids.push_back(id);
}

}  // namespace

WorkListFilter ParseWorkListFilter(const QueryParameters& parameters) {
  WorkListFilter filter;
  std::set<std::string> given;  // single-valued names already read
  std::set<std::string> ids;
  for (const auto& [name, value] : parameters) {
    if (name == "flag") {
      AddFlag(filter, value);
    } else if (name == "id") {
      AddId(filter, ids, value);
    } else if (given.insert(name).second) {
      if (name == "q") SetSearch(filter, value);
      if (name == "formation") filter.formation = value;
      if (name == "status") SetStatus(filter, value);
      if (name == "sort") SetSort(filter, value);
      if (name == "limit") SetLimit(filter, value);
      if (name == "offset") SetOffset(filter, value);
    }
  }
  return filter;
}

}  // namespace dossier
