// Confine, layer by layer, in real forked children: what a parser taken over
// by a hostile document could still do once RunLimitedChild has confined it.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <thread>

#include "isolation/ChildExit.h"
#include "isolation/Confinement.h"
#include "isolation/EscapeProbe.h"
#include "isolation/FileSystemView.h"
#include "isolation/LimitedChild.h"
#include "isolation/ReportChannel.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

using testing::TempDir;

ChildLimits Confined(Confinement confinement = {}) {
  ChildLimits limits;
  limits.wall_time = std::chrono::seconds(20);
  limits.confinement = std::move(confinement);
  return limits;
}

// Runs `probe` in a confined child and returns what it reported.
std::string InConfinedChild(const std::function<std::string()>& probe,
                            const ChildLimits& limits = Confined()) {
  ChildResult result =
      RunLimitedChild([&](int fd) { return WriteAll(fd, probe()) ? 0 : 1; }, limits);
  EXPECT_EQ(result.end, ChildResult::End::Exited) << result.output;
  EXPECT_EQ(result.exit_code, 0) << result.output;
  return result.output;
}

std::string ErrnoName(int error) {
  const char* name = strerrorname_np(error);
  return name ? name : std::to_string(error);
}

// "ok", or the errno name of a call that returned -1.
std::string Outcome(long result) {
  return result >= 0 ? "ok" : ErrnoName(errno);
}

// A socket the test listens on; closed with the object.
class Listener {
 public:
  explicit Listener(int fd) : fd_(fd) {}
  ~Listener() { close(fd_); }
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

// 127.0.0.1 on a free port; the port is written to `port`.
Listener ListenOnLoopback(int& port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  listen(fd, 4);
  socklen_t size = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  port = ntohs(address.sin_port);
  return Listener(fd);
}

Listener ListenOnUnixSocket(const std::string& path) {
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  path.copy(address.sun_path, sizeof address.sun_path - 1);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  listen(fd, 4);
  return Listener(fd);
}

TEST(Confinement, ChildCannotGainPrivileges) {
  EXPECT_EQ(InConfinedChild([] { return std::to_string(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0)); }),
            "1");
}

TEST(Confinement, OnlyTheReportChannelAndStandardDescriptorsStayOpen) {
  int port = 0;
  Listener listening = ListenOnLoopback(port);  // as the service's port
  int file = open("/dev/null", O_RDONLY);       // as a database connection
  ASSERT_GE(file, 3);
  std::string seen = InConfinedChild([&] {
    return Outcome(fcntl(listening.fd(), F_GETFD)) + " " + Outcome(fcntl(file, F_GETFD)) + " " +
           Outcome(fcntl(STDERR_FILENO, F_GETFD));
  });
  close(file);
  EXPECT_EQ(seen, "EBADF EBADF ok");
}

TEST(Confinement, EnvironmentKeepsWhatLibrariesReadAndNoSecret) {
  setenv("DOSSIER_DB", "mysql://dossier:hunter2@localhost/dossier", 1);
  setenv("SMTP_PASSWORD", "hunter3", 1);
  setenv("OMP_THREAD_LIMIT", "1", 1);
  setenv("LANG", "C.UTF-8", 1);
  std::string seen = InConfinedChild([] {
    std::string entries;
    for (char** entry = environ; *entry; ++entry) entries += std::string(*entry) + "\n";
    return entries;
  });
  unsetenv("DOSSIER_DB");
  unsetenv("SMTP_PASSWORD");
  EXPECT_EQ(seen.find("hunter"), std::string::npos) << seen;
  EXPECT_NE(seen.find("OMP_THREAD_LIMIT=1\n"), std::string::npos) << seen;
  EXPECT_NE(seen.find("LANG=C.UTF-8\n"), std::string::npos) << seen;
  EXPECT_NE(seen.find("TMPDIR=/"), std::string::npos) << seen;  // its own scratch directory
}

TEST(Confinement, NoSocketOfAnyKindAndNoExec) {
  std::string seen = InConfinedChild([] {
    return Outcome(socket(AF_INET, SOCK_STREAM, 0)) + " " +
           Outcome(socket(AF_INET6, SOCK_DGRAM, 0)) + " " +
           Outcome(socket(AF_UNIX, SOCK_STREAM, 0)) + " " +
           Outcome(execl("/bin/true", "true", static_cast<char*>(nullptr)));
  });
  EXPECT_EQ(seen, "EPERM EPERM EPERM EPERM");
}

TEST(Confinement, NoNewNamespaceButThreadsStillStart) {
  std::string seen = InConfinedChild([] {
    std::string ran = "no";
    std::thread([&] { ran = "yes"; }).join();  // through clone, clone3 being refused
    return Outcome(unshare(CLONE_NEWUSER)) + " thread " + ran;
  });
  EXPECT_EQ(seen, "EPERM thread yes");
}

TEST(Confinement, OwnNetworkNamespaceWhereThePlatformAllowsIt) {
  ChildResult result = RunLimitedChild(
      [](int fd) {
        ConfinementLayers layers = Confine({}, fd, "");
        return WriteAll(fd, std::string(layers.own_network ? "own" : "shared") +
                                (layers.syscall_filter ? " filtered" : ""))
                   ? 0
                   : 1;
      },
      ChildLimits{});
  ASSERT_EQ(result.end, ChildResult::End::Exited) << result.output;
  // Root may unshare here; elsewhere the filter alone keeps sockets away.
  EXPECT_EQ(result.output, geteuid() == 0 ? "own filtered" : "shared filtered");
}

TEST(Confinement, FilesOutsideTheViewAreUnreachable) {
  if (LandlockAbi() == 0) GTEST_SKIP() << "no Landlock in this kernel";
  TempDir data;
  std::string secret = data.Write("secret", "0123456789abcdef");  // as DATA/secret
  TempDir inputs;
  std::string input = inputs.Write("cv.pdf", "%PDF-1.7");
  TempDir outputs;
  std::string earlier = outputs.Write("other.part", "another upload");
  Confinement confinement;
  confinement.read_paths = {input};
  confinement.write_dirs = {outputs.path()};
  std::string seen = InConfinedChild(
      [&] {
        std::string scratch = std::string(getenv("TMPDIR")) + "/spill";
        return Outcome(open(secret.c_str(), O_RDONLY)) + " " +
               Outcome(open(input.c_str(), O_RDONLY)) + " " +
               Outcome(open((outputs.path() + "/out.pdf").c_str(), O_WRONLY | O_CREAT, 0600)) +
               " " + Outcome(open(earlier.c_str(), O_RDONLY)) + " " +
               Outcome(open("/etc/passwd", O_RDONLY)) + " " +
               Outcome(open("/usr/share/fonts", O_RDONLY | O_DIRECTORY)) + " " +
               Outcome(open(scratch.c_str(), O_RDWR | O_CREAT, 0600));
      },
      Confined(confinement));
  // The secret, an earlier output and /etc/passwd cannot be read; the input,
  // the fonts and the scratch directory can; outputs can be created.
  EXPECT_EQ(seen, "EACCES ok ok EACCES EACCES ok ok");
}

TEST(Confinement, ScratchDirectoryIsRemovedAfterTheChild) {
  std::string scratch = InConfinedChild([] {
    std::string dir = getenv("TMPDIR");
    int fd = open((dir + "/left-behind").c_str(), O_WRONLY | O_CREAT, 0600);
    if (fd >= 0) close(fd);
    return dir;
  });
  ASSERT_FALSE(scratch.empty());
  EXPECT_NE(access(scratch.c_str(), F_OK), 0) << scratch;
}

// The escape probe, run without then with confinement: it reaches what an
// unconfined parser reaches, and nothing once confined.
TEST(Confinement, EscapeProbeReachesEverythingUnconfinedAndNothingConfined) {
  TempDir data;
  std::string secret = data.Write("secret", "0123456789abcdef");
  Listener database = ListenOnUnixSocket(data.path() + "/mariadb.sock");
  int port = 0;
  Listener service = ListenOnLoopback(port);
  setenv("DOSSIER_FAULT_ESCAPE_SECRET", secret.c_str(), 1);
  setenv("DOSSIER_FAULT_ESCAPE_SOCKET", (data.path() + "/mariadb.sock").c_str(), 1);
  setenv("DOSSIER_FAULT_ESCAPE_PORT", std::to_string(port).c_str(), 1);
  ChildLimits unconfined;
  std::string open = InConfinedChild(ProbeEscapes, unconfined);
  std::string confined = InConfinedChild(ProbeEscapes);
  unsetenv("DOSSIER_FAULT_ESCAPE_SECRET");
  unsetenv("DOSSIER_FAULT_ESCAPE_SOCKET");
  unsetenv("DOSSIER_FAULT_ESCAPE_PORT");
  EXPECT_EQ(open, "escape: secret=reached socket=reached tcp=reached exec=reached");
  std::string file = LandlockAbi() > 0 ? "blocked (EACCES)" : "reached";
  EXPECT_EQ(confined, "escape: secret=" + file +
                          " socket=blocked (EPERM) tcp=blocked (EPERM) exec=blocked (EPERM)");
}

TEST(Confinement, EscapeMarkerIsInertWhenUnsetOrEmpty) {
  EXPECT_FALSE(CarriesEscapeMarker({{"a.pdf", "%PDF ESCAPE-1"}}));
  setenv("DOSSIER_FAULT_ESCAPE_MARKER", "", 1);
  EXPECT_FALSE(CarriesEscapeMarker({{"a.pdf", "%PDF ESCAPE-1"}}));
  setenv("DOSSIER_FAULT_ESCAPE_MARKER", "ESCAPE-1", 1);
  EXPECT_TRUE(CarriesEscapeMarker({{"a.pdf", "%PDF"}, {"b.pdf", "%PDF ESCAPE-1"}}));
  EXPECT_FALSE(CarriesEscapeMarker({{"a.pdf", "%PDF ESCAPE-"}}));
  unsetenv("DOSSIER_FAULT_ESCAPE_MARKER");
}

}  // namespace
}  // namespace dossier
