#include "workers/run/JobInputs.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

#include "workflow/policy/PieceTypesTable.h"

namespace dossier {
namespace {

std::vector<InputFile> ReadFiles(sql::Connection& connection, const BlobStore& store,
                                 const ClaimedJob& job) {
  std::unique_ptr<sql::PreparedStatement> query(connection.prepareStatement(
      "SELECT original_name, storage_key FROM fichier WHERE piece_version_id = ? "
      "ORDER BY position"));
  query->setInt64(1, job.piece_version_id);
  std::unique_ptr<sql::ResultSet> rows(query->executeQuery());
  std::vector<InputFile> files;
  while (rows->next()) {
    std::string name = rows->getString(1);
    std::string key = rows->getString(2);
    try {
      files.push_back({name, store.Read(key)});
    } catch (const BlobError& error) {
      throw JobInputError("file \"" + name + "\" of job " + std::to_string(job.id) +
                          " is missing from the store: " + error.what());
    }
  }
  return files;
}

std::string DeclaredIne(sql::Connection& connection, const std::string& candidature_id) {
  std::unique_ptr<sql::PreparedStatement> query(
      connection.prepareStatement("SELECT ine FROM candidature WHERE id = ?"));
  query->setString(1, candidature_id);
  std::unique_ptr<sql::ResultSet> row(query->executeQuery());
  return row->next() && !row->isNull(1) ? std::string(row->getString(1)) : std::string();
}

}  // namespace

JobInputs LoadJobInputs(sql::Connection& connection, const BlobStore& store, const ClaimedJob& job,
                        const PiecePolicy& policy) {
  std::optional<PieceType> type = LoadPieceType(connection, job.piece_code, policy);
  if (!type)
    throw JobInputError("pièce type \"" + job.piece_code + "\" of job " + std::to_string(job.id) +
                        " is unknown");
  JobInputs inputs;
  inputs.rules = type->rules;
  inputs.rules.declared_ine = DeclaredIne(connection, job.candidature_id);
  inputs.files = ReadFiles(connection, store, job);
  return inputs;
}

}  // namespace dossier
