#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace dossier::test {

// A real build/dossierd, started as the service runs in production: its own
// process, a real port, the test's database and data directory. Its JSON log
// goes to a file the test can read.
class ServiceProcess {
 public:
  // `args` are dossierd's flags; --port 0 is added unless given, and the
  // bound port is read from the "started" log line.
  ServiceProcess(std::vector<std::string> args, std::vector<std::string> environment = {});
  ~ServiceProcess();  // SIGKILL if still running
  ServiceProcess(const ServiceProcess&) = delete;
  ServiceProcess& operator=(const ServiceProcess&) = delete;

  void Start();     // waits for the "started" line (throws after 60 s)
  int Terminate();  // SIGTERM, waits; returns the exit status (-1 on a signal)
  void Kill();      // SIGKILL, waits
  pid_t pid() const { return pid_; }
  int port() const { return port_; }
  std::string BaseUrl() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string Log() const;              // its stdout and stderr so far
  std::vector<pid_t> Children() const;  // worker processes it supervises
  bool Running();

 private:
  std::vector<std::string> args_;
  std::vector<std::string> environment_;
  std::string log_path_;
  pid_t pid_ = -1;
  int port_ = 0;
  std::size_t started_lines_seen_ = 0;
};

}  // namespace dossier::test
