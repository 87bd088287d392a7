#include "tests/service/ServiceProcess.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "store/blobs/BlobStore.h"
#include "tests/support/Oracles.h"

namespace dossier::test {
namespace {

int CountOccurrences(const std::string& text, const std::string& needle) {
  int count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++count;
  return count;
}

pid_t ParentOf(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  std::getline(stat, line);
  std::size_t close = line.rfind(')');
  if (close == std::string::npos) return -1;
  std::istringstream rest(line.substr(close + 2));
  char state;
  pid_t parent = -1;
  rest >> state >> parent;
  return state == 'Z' ? -1 : parent;
}

}  // namespace

ServiceProcess::ServiceProcess(std::vector<std::string> args, std::vector<std::string> environment)
    : args_(std::move(args)),
      environment_(std::move(environment)),
      log_path_("/tmp/dossierd-test-" + RandomHex(6) + ".log") {
  bool has_port = false;
  for (const std::string& arg : args_) has_port |= arg == "--port";
  if (!has_port) {
    args_.push_back("--port");
    args_.push_back("0");
  }
}

ServiceProcess::~ServiceProcess() {
  if (pid_ > 0) Kill();
  if (!std::getenv("DOSSIER_TEST_KEEP_LOGS")) unlink(log_path_.c_str());
}

void ServiceProcess::Start() {
  std::string binary = testing::BuiltBinary("dossierd");
  std::vector<std::string> argv_strings = {binary};
  argv_strings.insert(argv_strings.end(), args_.begin(), args_.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_strings) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings = environment_;
  started_lines_seen_ = static_cast<std::size_t>(CountOccurrences(Log(), "\"event\":\"started\""));
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    int log = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    dup2(log, STDOUT_FILENO);
    dup2(log, STDERR_FILENO);
    for (const std::string& pair : env_strings) putenv(const_cast<char*>(pair.c_str()));
    execv(argv[0], argv.data());
    _exit(127);
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::string log = Log();
    if (static_cast<std::size_t>(CountOccurrences(log, "\"event\":\"started\"")) >
        started_lines_seen_) {
      std::size_t at = log.rfind("\"port\":\"");
      port_ = at == std::string::npos ? 0 : std::atoi(log.c_str() + at + 8);
      return;
    }
    if (!Running()) throw std::runtime_error("dossierd exited during start:\n" + log);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("dossierd did not start within 60 s:\n" + Log());
}

bool ServiceProcess::Running() {
  if (pid_ <= 0) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) {
    pid_ = -1;
    return false;
  }
  return true;
}

int ServiceProcess::Terminate() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void ServiceProcess::Kill() {
  if (pid_ <= 0) return;
  std::vector<pid_t> children = Children();
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
  // Its workers end through PR_SET_PDEATHSIG; wait until they are gone so
  // that the next start finds no leftover process.
  for (int i = 0; i < 200; ++i) {
    bool any = false;
    for (pid_t child : children) any |= kill(child, 0) == 0 && ParentOf(child) > 0;
    if (!any) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::string ServiceProcess::Log() const {
  std::ifstream in(log_path_);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<pid_t> ServiceProcess::Children() const {
  std::vector<pid_t> children;
  if (pid_ <= 0) return children;
  DIR* proc = opendir("/proc");
  if (!proc) return children;
  while (dirent* entry = readdir(proc)) {
    pid_t pid = static_cast<pid_t>(std::atoi(entry->d_name));
    if (pid > 0 && ParentOf(pid) == pid_) children.push_back(pid);
  }
  closedir(proc);
  return children;
}

}  // namespace dossier::test
