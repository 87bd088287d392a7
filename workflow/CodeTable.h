#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace dossier {

// One value of a stored enumeration (a status, a verdict, an outcome): its
// code in the database and the reports, and its French label.
template <typename Value>
struct CodedValue {
  Value value;
  const char* code;
  const char* label;
};

// The row of `value` in `table`, which lists every value once.
template <typename Value, std::size_t N>
const CodedValue<Value>& RowOf(const CodedValue<Value> (&table)[N], Value value) {
  for (const CodedValue<Value>& row : table)
    if (row.value == value) return row;
  return table[0];
}

// The value whose code is `code` exactly; nullopt for anything else.
template <typename Value, std::size_t N>
std::optional<Value> ValueOf(const CodedValue<Value> (&table)[N], std::string_view code) {
  for (const CodedValue<Value>& row : table)
    if (code == row.code) return row.value;
  return std::nullopt;
}

}  // namespace dossier
