#include "cli/PurgeCommand.h"

#include <cppconn/exception.h>

#include <iostream>
#include <optional>

#include "store/blobs/BlobStore.h"
#include "store/db/ConnectionPool.h"
#include "store/db/DatabaseLocation.h"
#include "workflow/retention/CandidaturePurge.h"

namespace dossier {
namespace {

const char* const kPurgeUsage =
    "usage: dossier purge (--formation TEXT | --before YYYY-MM-DD) [--dry-run]\n"
    "                     [--data-dir DIR] [--db URL]\n"
    "  Deletes the candidatures of a closed campaign: those of the formation\n"
    "  (exactly as stored), or those last changed before the day (UTC), with\n"
    "  every row and file of theirs. --dry-run prints what it would delete.\n"
    "  A candidature with a job queued or running is skipped: close the\n"
    "  campaign first, let the workers finish, and run it again.\n";

struct PurgeOptions {
  PurgeSelection selection;
  bool dry_run = false;
  std::string db, data_dir;
};

std::optional<PurgeOptions> Parse(const std::vector<std::string>& args) {
  PurgeOptions options;
  int selectors = 0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (flag == "--dry-run") {
      options.dry_run = true;
      continue;
    }
    if (i + 1 >= args.size()) return std::nullopt;
    const std::string& value = args[++i];
    if (flag == "--formation" || flag == "--before") {
      (flag == "--formation" ? options.selection.formation : options.selection.before) = value;
      if (value.empty()) return std::nullopt;
      ++selectors;
    } else if (flag == "--db") {
      options.db = value;
    } else if (flag == "--data-dir") {
      options.data_dir = value;
    } else {
      return std::nullopt;
    }
  }
  if (selectors != 1) return std::nullopt;
  if (!options.selection.before.empty() && !IsIsoDate(options.selection.before))
    return std::nullopt;
  return options;
}

void PrintSummary(const PurgeCounts& counts, bool dry_run) {
  std::cout << (dry_run ? "would purge " : "purged ") << counts.candidatures << " candidature(s), "
            << counts.piece_versions << " piece version(s), " << counts.files << " file(s), "
            << counts.bytes << " bytes" << (dry_run ? " (dry run: nothing deleted)" : " freed")
            << "\n";
  if (counts.skipped > 0)
    std::cout << "skipped " << counts.skipped
              << " candidature(s) with a job queued or running: the campaign should be closed; "
                 "run again once the workers are done\n";
}

}  // namespace

int RunPurgeCommand(const std::vector<std::string>& args) {
  std::optional<PurgeOptions> options = Parse(args);
  if (!options) {
    std::cerr << kPurgeUsage;
    return 2;
  }
  try {
    std::string data_dir = ResolveDataDir(options->data_dir);
    ConnectionPool pool(ResolveDatabaseUrl(options->db, data_dir), 1);
    PooledConnection connection = pool.Acquire();
    BlobStore store(data_dir);
    PrintSummary(PurgeCandidatures(*connection, store, options->selection, options->dry_run),
                 options->dry_run);
    return 0;
  } catch (const DatabaseUrlError& error) {
    std::cerr << "dossier purge: " << error.what() << "\n";
    return 2;
  } catch (const sql::SQLException& error) {
    std::cerr << "dossier purge: database error: " << error.what() << "\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "dossier purge: " << error.what() << "\n";
    return 1;
  }
}

}  // namespace dossier
