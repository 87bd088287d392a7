#include "cli/TokenCommand.h"

#include <Poco/Base64Encoder.h>

#include <algorithm>
#include <ctime>
#include <iostream>
#include <optional>
#include <sstream>

#include "server/auth/AccessToken.h"
#include "server/auth/TokenKeyFiles.h"
#include "server/auth/TokenSecret.h"
#include "store/db/DatabaseLocation.h"

namespace dossier {
namespace {

const char* const kTokenUsage =
    "usage: dossier token --role candidat|gestionnaire|admin [--candidature ID]\n"
    "                     [--sub LOGIN] [--hours N] [--data-dir DIR]\n"
    "       dossier token --print-key [--data-dir DIR]\n"
    "       dossier token --rotate-key [--data-dir DIR]\n"
    "  A candidat token needs --candidature and lasts 30 days by default;\n"
    "  the others last 12 hours. --sub names the holder (1 to 128 characters\n"
    "  of A-Z a-z 0-9 . _ @ -): the history records it for each decision.\n"
    "  --print-key prints the HS256 key (base64url) for eCandidat to mint\n"
    "  tokens itself; --rotate-key retires it (still accepted 7 days) and\n"
    "  writes a new one: restart the servers.\n";

struct TokenOptions {
  std::string role, candidature, sub, data_dir;
  std::optional<long> hours;
};

// Every flag takes a value; false on anything else.
bool Parse(const std::vector<std::string>& args, TokenOptions& options) {
  if (args.empty() || args.size() % 2 != 0) return false;
  for (std::size_t i = 0; i < args.size(); i += 2) {
    const std::string& flag = args[i];
    const std::string& value = args[i + 1];
    if (flag == "--role") {
      options.role = value;
    } else if (flag == "--candidature") {
      options.candidature = value;
    } else if (flag == "--sub") {
      if (!IsValidSubject(value)) return false;
      options.sub = value;
    } else if (flag == "--data-dir") {
      options.data_dir = value;
    } else if (flag == "--hours") {
      try {
        options.hours = std::stol(value);
      } catch (const std::exception&) {
        return false;
      }
    } else {
      return false;
    }
  }
  return true;
}

std::string Base64Url(const std::string& bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
  encoder.rdbuf()->setLineLength(0);
  encoder << bytes;
  encoder.close();
  return out.str();
}

bool IsKeyFlag(const std::string& arg) {
  return arg == "--print-key" || arg == "--rotate-key";
}

// `--print-key` or `--rotate-key`, alone or with `--data-dir DIR` (either
// side of it).
int RunKeyCommand(const std::vector<std::string>& args) {
  std::vector<std::string> rest;
  std::string action;
  for (const std::string& arg : args) {
    if (IsKeyFlag(arg) && action.empty())
      action = arg;
    else
      rest.push_back(arg);
  }
  bool with_dir = rest.size() == 2 && rest[0] == "--data-dir";
  if (!rest.empty() && !with_dir) {
    std::cerr << kTokenUsage;
    return 2;
  }
  try {
    std::string data_dir = ResolveDataDir(with_dir ? rest[1] : "");
    std::string key = action == "--rotate-key"
                          ? RotateTokenKey(data_dir, std::time(nullptr)).current
                          : LoadOrCreateTokenSecret(data_dir);
    std::cout << Base64Url(key) << "\n";
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "dossier token: " << error.what() << "\n";
    return 1;
  }
}

}  // namespace

int RunTokenCommand(const std::vector<std::string>& args) {
  if (std::any_of(args.begin(), args.end(), IsKeyFlag)) return RunKeyCommand(args);
  TokenOptions options;
  std::optional<TokenRole> role;
  if (!Parse(args, options) || !(role = ParseTokenRole(options.role)) ||
      (*role == TokenRole::Candidat && options.candidature.empty()) ||
      (options.hours && *options.hours <= 0)) {
    std::cerr << kTokenUsage;
    return 2;
  }
  AccessGrant grant;
  grant.role = *role;
  grant.candidature = options.candidature;
  grant.sub = options.sub;
  long hours = options.hours.value_or(*role == TokenRole::Candidat ? 30 * 24 : 12);
  grant.expires_at = static_cast<std::int64_t>(std::time(nullptr)) + hours * 3600;
  try {
    std::string secret = LoadOrCreateTokenSecret(ResolveDataDir(options.data_dir));
    std::cout << MintToken(grant, secret) << "\n";
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "dossier token: " << error.what() << "\n";
    return 1;
  }
}

}  // namespace dossier
