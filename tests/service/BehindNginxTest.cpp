// dossierd behind Debian's nginx, configured as docs/OPERATIONS.md says
// (without the TLS lines): a 10 Mo scan goes through with request buffering
// off, and the log line of dossierd carries nginx's request id. Skipped when
// nginx is not installed (scripts/setup.sh installs nginx-light).
#include <Poco/JSON/Parser.h>
#include <Poco/Net/ServerSocket.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/fixtures/ScanJpeg.h"
#include "tests/fixtures/TextPage.h"
#include "tests/service/ServiceTestbed.h"

extern char** environ;

namespace dossier::test {
namespace {

const char* const kNginx = "/usr/sbin/nginx";

int FreePort() {
  Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
  return probe.address().port();
}

// The server block of docs/OPERATIONS.md, on plain http.
std::string NginxConf(const std::string& dir, int listen, int upstream) {
  return "daemon off;\nmaster_process off;\npid " + dir + "/nginx.pid;\nerror_log " + dir +
         "/error.log;\nevents { worker_connections 64; }\nhttp {\n"
         "  access_log " +
         dir +
         "/access.log;\n"
         "  client_body_temp_path " +
         dir + "/body;\n  proxy_temp_path " + dir +
         "/proxy;\n"
         "  upstream dossierd { server 127.0.0.1:" +
         std::to_string(upstream) +
         "; keepalive 32; }\n"
         "  server {\n    listen 127.0.0.1:" +
         std::to_string(listen) +
         ";\n"
         "    client_max_body_size 60m;\n    proxy_request_buffering off;\n"
         "    proxy_http_version 1.1;\n    proxy_set_header Connection \"\";\n"
         "    client_header_timeout 10s;\n    client_body_timeout 60s;\n"
         "    proxy_connect_timeout 5s;\n    proxy_send_timeout 60s;\n"
         "    proxy_read_timeout 180s;\n"
         "    proxy_set_header Host $host;\n"
         "    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
         "    proxy_set_header X-Forwarded-Proto $scheme;\n"
         "    proxy_set_header X-Request-Id $request_id;\n"
         "    location / { proxy_pass http://dossierd; }\n  }\n}\n";
}

// nginx in the foreground, stopped (by its pid) when the test ends.
class Nginx {
 public:
  Nginx(const std::string& dir, int listen, int upstream) {
    std::ofstream(dir + "/nginx.conf") << NginxConf(dir, listen, upstream);
    std::string conf = dir + "/nginx.conf";
    const char* argv[] = {kNginx, "-p", dir.c_str(), "-c", conf.c_str(), nullptr};
    posix_spawn(&pid_, kNginx, nullptr, nullptr, const_cast<char**>(argv), environ);
    for (int i = 0; i < 50; ++i) {  // up to 5 s for it to listen
      try {
        Poco::Net::StreamSocket probe(Poco::Net::SocketAddress("127.0.0.1", listen));
        return;
      } catch (const Poco::Exception&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
  }
  ~Nginx() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }

 private:
  pid_t pid_ = 0;
};

TEST(LogLinesBehindNginx, ATenMegabyteScanGoesThroughNginxWithItsRequestId) {
  if (access(kNginx, X_OK) != 0) GTEST_SKIP() << "nginx is not installed";
  ServiceTestbed bed{{"--workers", "0", "--trusted-proxies", "127.0.0.1,::1"}};
  ASSERT_EQ(bed.CreateCandidature("NGX-1", {{"cv", true}}), 201);
  std::string dir = std::filesystem::temp_directory_path() / ("nginx-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  int port = FreePort();
  {
    Nginx nginx(dir, port, bed.service().port());
    fixtures::TextPageSpec page;
    page.lines = {"RELEVE DE NOTES", "Baccalaureat general", "Session 2026"};
    page.dpi = 600;
    page.noise_sigma = 12;
    std::string scan = fixtures::ScanJpeg(page, 90);
    RecordProperty("scan_bytes", std::to_string(scan.size()));
    ASSERT_GT(scan.size(), 9'000'000u);
    ASSERT_LT(scan.size(), 25'000'000u);

    ApiClient through(port);
    ApiResponse accepted =
        through.Upload("NGX-1", "cv", bed.Token("candidat", "NGX-1"), {{"releve.jpg", scan}});
    EXPECT_EQ(accepted.status, 202) << accepted.body;
    std::string id = accepted.headers["x-request-id"];
    EXPECT_EQ(id.size(), 32u) << id;  // nginx's $request_id, kept

    std::istringstream lines(bed.service().Log());
    Poco::JSON::Object::Ptr logged;
    for (std::string line; std::getline(lines, line);)
      if (line.find("\"request_id\":\"" + id + "\"") != std::string::npos)
        logged = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
    ASSERT_TRUE(logged) << bed.service().Log();
    EXPECT_EQ(logged->getValue<int>("status"), 202);
    EXPECT_GE(logged->getValue<std::uint64_t>("bytes_in"), scan.size());
    EXPECT_EQ(logged->getValue<std::string>("ip"), "127.0.0.1");
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dossier::test
