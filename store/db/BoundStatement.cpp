#include "store/db/BoundStatement.h"

#include <cppconn/connection.h>
#include <cppconn/datatype.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

namespace dossier {

BoundStatement::BoundStatement(sql::Connection& connection, const std::string& sql)
    : statement_(connection.prepareStatement(sql)) {}

BoundStatement::~BoundStatement() = default;

BoundStatement& BoundStatement::Bind(const std::string& value) {
  statement_->setString(next_++, value);
  return *this;
}

BoundStatement& BoundStatement::Bind(std::int64_t value) {
  statement_->setInt64(next_++, value);
  return *this;
}

BoundStatement& BoundStatement::BindNullableString(const std::string& value) {
  if (value.empty())
    statement_->setNull(next_++, sql::DataType::VARCHAR);
  else
    statement_->setString(next_++, value);
  return *this;
}

std::unique_ptr<sql::ResultSet> BoundStatement::Query() {
  return std::unique_ptr<sql::ResultSet>(statement_->executeQuery());
}

int BoundStatement::Update() {
  return statement_->executeUpdate();
}

}  // namespace dossier
