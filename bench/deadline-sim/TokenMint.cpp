#include "bench/deadline-sim/TokenMint.h"

#include <cstdio>
#include <stdexcept>

namespace dossier::sim {
namespace {

std::string Quoted(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace

std::string MintToken(const std::string& dossier_bin, const std::string& data_dir,
                      const std::string& role, const std::string& candidature) {
  std::string command = Quoted(dossier_bin) + " token --role " + Quoted(role) +
                        " --hours 6 --data-dir " + Quoted(data_dir);
  if (!candidature.empty()) command += " --candidature " + Quoted(candidature);
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string token;
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe)) token += buffer;
  int status = pclose(pipe);
  while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) token.pop_back();
  if (status != 0 || token.empty()) throw std::runtime_error("failed: " + command);
  return token;
}

}  // namespace dossier::sim
