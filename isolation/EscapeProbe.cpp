#include "isolation/EscapeProbe.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

namespace dossier {
namespace {

std::string Variable(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

// "reached", or "blocked (ENAME)" for the errno of the failed attempt.
std::string Verdict(bool reached, int error) {
  if (reached) return "reached";
  const char* name = strerrorname_np(error);
  return std::string("blocked (") + (name ? name : std::to_string(error)) + ")";
}

std::string ReadSecret() {
  int fd = open(Variable("DOSSIER_FAULT_ESCAPE_SECRET").c_str(), O_RDONLY | O_CLOEXEC);
  int error = errno;
  char byte;
  bool reached = fd >= 0 && read(fd, &byte, 1) >= 0;
  if (fd >= 0) close(fd);
  return Verdict(reached, error);
}

std::string Connect(int domain, const sockaddr* address, socklen_t size) {
  int fd = socket(domain, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return Verdict(false, errno);
  bool reached = connect(fd, address, size) == 0;
  int error = errno;
  close(fd);
  return Verdict(reached, error);
}

std::string ConnectDatabase() {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::string path = Variable("DOSSIER_FAULT_ESCAPE_SOCKET");
  strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
  return Connect(AF_UNIX, reinterpret_cast<sockaddr*>(&address), sizeof address);
}

std::string ConnectLoopback() {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port =
      htons(static_cast<std::uint16_t>(std::atoi(Variable("DOSSIER_FAULT_ESCAPE_PORT").c_str())));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return Connect(AF_INET, reinterpret_cast<sockaddr*>(&address), sizeof address);
}

// In a grandchild, so that a successful exec replaces it and not us: the
// shell exits 42, a failed exec exits with its errno.
std::string ExecuteShell() {
  pid_t pid = fork();
  if (pid < 0) return Verdict(false, errno);
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", "exit 42", static_cast<char*>(nullptr));
    _exit(errno);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 0;
  return Verdict(code == 42, code);
}

}  // namespace

bool CarriesEscapeMarker(const std::vector<InputFile>& files) {
  std::string marker = Variable("DOSSIER_FAULT_ESCAPE_MARKER");
  if (marker.empty()) return false;
  for (const InputFile& file : files)
    if (file.bytes.find(marker) != std::string::npos) return true;
  return false;
}

std::string ProbeEscapes() {
  return "escape: secret=" + ReadSecret() + " socket=" + ConnectDatabase() +
         " tcp=" + ConnectLoopback() + " exec=" + ExecuteShell();
}

}  // namespace dossier
