#include "server/worklist/CsvField.h"

namespace dossier {
namespace {

bool StartsLikeAFormula(std::string_view field) {
  return !field.empty() &&
         std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
}

}  // namespace

void AppendCsvField(std::string& line, std::string_view field) {
  bool quoted = field.find_first_of(";\"\r\n") != std::string_view::npos;
  if (quoted) line += '"';
  if (StartsLikeAFormula(field)) line += '\'';
  for (char c : field) {
    if (c == '"') line += '"';
    line += c;
  }
  if (quoted) line += '"';
}

}  // namespace dossier
