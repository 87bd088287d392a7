#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace sql {
class Connection;
class PreparedStatement;
class ResultSet;
}  // namespace sql

namespace dossier {

// A prepared statement whose `?` are bound in the order of the Bind calls:
// data only ever reaches SQL as parameters.
class BoundStatement {
 public:
  BoundStatement(sql::Connection& connection, const std::string& sql);
  ~BoundStatement();
  BoundStatement(const BoundStatement&) = delete;
  BoundStatement& operator=(const BoundStatement&) = delete;

  BoundStatement& Bind(const std::string& value);
  BoundStatement& Bind(const char* value) { return Bind(std::string(value)); }
  BoundStatement& Bind(std::int64_t value);
  BoundStatement& Bind(int value) { return Bind(static_cast<std::int64_t>(value)); }
  BoundStatement& BindNullableString(const std::string& value);  // "" binds NULL

  std::unique_ptr<sql::ResultSet> Query();
  int Update();

 private:
  std::unique_ptr<sql::PreparedStatement> statement_;
  unsigned next_ = 1;
};

}  // namespace dossier
