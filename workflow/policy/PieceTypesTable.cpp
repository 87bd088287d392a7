#include "workflow/policy/PieceTypesTable.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <algorithm>
#include <memory>
#include <sstream>

namespace dossier {
namespace {

std::string JoinFormats(const std::vector<std::string>& formats) {
  std::string joined;
  for (const std::string& format : formats) joined += (joined.empty() ? "" : ",") + format;
  return joined;
}

std::vector<std::string> SplitFormats(const std::string& joined) {
  std::vector<std::string> formats;
  std::stringstream in(joined);
  std::string format;
  while (std::getline(in, format, ','))
    if (!format.empty()) formats.push_back(format);
  return formats;
}

void Upsert(sql::PreparedStatement& upsert, const PieceType& type) {
  const PieceRules& rules = type.rules;
  std::string formats = JoinFormats(rules.formats);
  upsert.setString(1, rules.code);
  // The same values twice: once to insert, once to update (VALUES() is
  // deprecated in MySQL 8 and its replacement unknown to MariaDB).
  for (int at : {2, 9}) {
    upsert.setString(at, rules.label);
    upsert.setInt64(at + 1, static_cast<std::int64_t>(rules.max_bytes));
    upsert.setInt(at + 2, rules.max_pages);
    upsert.setString(at + 3, formats);
    upsert.setInt(at + 4, rules.image.dpi);
    upsert.setBoolean(at + 5, rules.check_ine);
    upsert.setBoolean(at + 6, type.conditional);
  }
  upsert.executeUpdate();
}

}  // namespace

void SeedPieceTypes(sql::Connection& connection, const PiecePolicy& policy) {
  std::unique_ptr<sql::PreparedStatement> upsert(connection.prepareStatement(
      "INSERT INTO piece_justif (code, label, max_bytes, max_pages, formats, target_dpi, "
      "check_ine, conditional) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
      "label = ?, max_bytes = ?, max_pages = ?, formats = ?, target_dpi = ?, check_ine = ?, "
      "conditional = ?"));
  for (const PieceType& type : policy.types()) Upsert(*upsert, type);
}

std::optional<PieceType> LoadPieceType(sql::Connection& connection, const std::string& code,
                                       const PiecePolicy& policy) {
  std::unique_ptr<sql::PreparedStatement> select(connection.prepareStatement(
      "SELECT label, max_bytes, max_pages, formats, target_dpi, check_ine, conditional "
      "FROM piece_justif WHERE code = ?"));
  select->setString(1, code);
  std::unique_ptr<sql::ResultSet> row(select->executeQuery());
  if (!row->next()) return std::nullopt;
  // What the table does not hold (bilevel and floor dpi, JPEG quality) comes
  // from the policy's entry for the code, else its defaults.
  const PieceType* known = policy.Find(code);
  PieceType type{known ? known->rules : policy.defaults(), false};
  type.rules.code = code;
  type.rules.label = row->getString(1);
  type.rules.max_bytes = static_cast<std::uint64_t>(row->getInt64(2));
  type.rules.max_pages = row->getInt(3);
  type.rules.formats = SplitFormats(row->getString(4));
  type.rules.image.dpi = row->getInt(5);
  type.rules.image.floor_dpi = std::min(type.rules.image.floor_dpi, type.rules.image.dpi);
  type.rules.check_ine = row->getBoolean(6);
  type.conditional = row->getBoolean(7);
  return type;
}

}  // namespace dossier
