// The web pages as dossierd serves them: the copy built into the binary
// (every file of server/web at build time), or a folder given with
// --web-dir; their routes and headers, through a real socket, without a
// token (the pages read it from the URL fragment).
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "server/HttpService.h"
#include "server/routes/PageFiles.h"
#include "server/web/WebAssets.h"
#include "store/blobs/BlobStore.h"
#include "tests/db/TestDatabase.h"
#include "tests/support/Oracles.h"
#include "workflow/policy/PiecePolicy.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

const char kPolicy[] =
    "default-src 'self'; img-src 'self' blob: data:; frame-src 'self' blob:; "
    "object-src 'none'; connect-src 'self'; style-src 'self'; script-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

struct Reply {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // names lower-cased

  std::string Header(const std::string& name) const {
    auto found = headers.find(Poco::toLower(name));
    return found == headers.end() ? "" : found->second;
  }
  Poco::JSON::Object::Ptr Json() const {
    try {
      return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
    } catch (const std::exception&) {
      ADD_FAILURE() << "not a JSON object: " << body.substr(0, 200);
      return new Poco::JSON::Object;
    }
  }
};

std::ostream& operator<<(std::ostream& out, const Reply& reply) {
  return out << reply.status << " " << reply.body.substr(0, 200);
}

// An HttpService on a free port, pages from `web_dir` (empty: built in).
class ServedPages {
 public:
  explicit ServedPages(const std::string& web_dir = "") {
    signal(SIGPIPE, SIG_IGN);
    ServerSettings settings;
    settings.port = 0;
    settings.threads = 2;
    settings.web_dir = web_dir;
    store_ = std::make_unique<BlobStore>(data_.path());
    service_ = std::make_unique<HttpService>(
        settings, db_.pool(), *store_, "web-pages-test-secret-0123456789", PiecePolicy::BuiltIn());
    service_->Start();
  }
  ~ServedPages() { service_->Stop(); }

  Reply Get(const std::string& uri) {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(service_->port()));
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest request("GET", uri, Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    Reply reply;
    reply.status = static_cast<int>(response.getStatus());
    Poco::StreamCopier::copyToString(in, reply.body);
    for (const auto& [name, value] : response) reply.headers[Poco::toLower(name)] = value;
    return reply;
  }

 private:
  test::TestDatabase db_;
  testing::TempDir data_;
  std::unique_ptr<BlobStore> store_;
  std::unique_ptr<HttpService> service_;
};

// A --web-dir folder of our own: two pages, a script, a style sheet, a PNG
// (bytes a text path would damage), and files that must never be served.
class PageFolder {
 public:
  PageFolder() {
    fs::create_directories(web() + "/static/sub");
    Write("candidat.html", "<!doctype html><title>Mes pièces</title>");
    Write("gestion.html", "<!doctype html><title>Gestion</title>");
    Write("static/app.js", "export const answer = 42;\n");
    Write("static/app.css", "body { margin: 0; }\n");
    Write("static/logo.png", Png());
    Write("static/notes.md", "# not a page file\n");
    Write("static/.hidden.js", "hidden();\n");
    Write("static/sub/deep.js", "deep();\n");
    Write("WebAssets.cpp", "int x;\n");
    root_.Write("secret.js", "secret();\n");  // beside the folder, not in it
  }
  std::string web() const { return root_.path() + "/web"; }
  std::string Write(const std::string& path, const std::string& bytes) const {
    return root_.Write("web/" + path, bytes);
  }
  static std::string Png() { return std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\x00\x7f", 19); }

 private:
  testing::TempDir root_;
};

void ExpectPageHeaders(const Reply& reply, const std::string& cache_control) {
  EXPECT_EQ(reply.Header("Cache-Control"), cache_control);
  EXPECT_EQ(reply.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(reply.Header("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(reply.Header("Content-Security-Policy"), kPolicy);
}

void ExpectJsonNotFound(const Reply& reply, const std::string& uri) {
  EXPECT_EQ(reply.status, 404) << uri << ": " << reply;
  EXPECT_EQ(reply.Json()->optValue<std::string>("error", ""), "not_found") << uri;
  EXPECT_FALSE(reply.Json()->optValue<std::string>("message", "").empty()) << uri;
}

fs::path SourceWebDir() {
  return fs::path(__FILE__).parent_path().parent_path().parent_path() / "server" / "web";
}

// The files of server/web in the source tree that the build embeds: every
// file but the C++ and CMake ones and hidden ones, of a type pages use.
std::map<std::string, std::string> SourceWebFiles() {
  fs::path web = SourceWebDir();
  std::map<std::string, std::string> files;
  if (!fs::is_directory(web)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(web)) {
    if (!entry.is_regular_file()) continue;
    std::string path = fs::relative(entry.path(), web).generic_string();
    std::string name = entry.path().filename().string();
    if (name[0] == '.' || path.find("/.") != std::string::npos) continue;
    if (WebContentType(path).empty()) continue;
    files[path] = testing::ReadFile(entry.path().string());
  }
  return files;
}

// server/web was edited (a file changed, added or removed) after the build
// last embedded it: the built-in copy is rightly older.
bool SourceChangedSinceTheBuild() {
  fs::path generated = fs::path(DOSSIER_BUILD_DIR) / "server" / "BuiltInWebAssets.cpp.tmp";
  std::error_code error;
  fs::file_time_type built = fs::last_write_time(generated, error);
  if (error || !fs::is_directory(SourceWebDir())) return false;
  if (fs::last_write_time(SourceWebDir()) > built) return true;
  for (const auto& entry : fs::recursive_directory_iterator(SourceWebDir()))
    if (entry.last_write_time() > built) return true;
  return false;
}

TEST(WebPages, TheBuiltInCopyIsEveryPageFileOfServerWeb) {
  if (SourceChangedSinceTheBuild()) GTEST_SKIP() << "server/web changed after the build: rebuild";
  std::map<std::string, std::string> source = SourceWebFiles();
  std::set<std::string> embedded;
  for (const WebAsset& asset : WebAssets()) embedded.insert(std::string(asset.path));
  std::set<std::string> expected;
  for (const auto& [path, bytes] : source) expected.insert(path);
  EXPECT_EQ(embedded, expected);
  for (const auto& [path, bytes] : source) {
    const WebAsset* asset = FindWebAsset(path);
    ASSERT_NE(asset, nullptr) << path;
    EXPECT_EQ(asset->bytes, bytes) << path;
    EXPECT_EQ(asset->content_type, WebContentType(path)) << path;
  }
  EXPECT_EQ(FindWebAsset("WebAssets.cpp"), nullptr);
  EXPECT_EQ(FindWebAsset("WebAssets.h"), nullptr);
  EXPECT_EQ(FindWebAsset("../CMakeLists.txt"), nullptr);
  EXPECT_EQ(FindWebAsset(""), nullptr);
}

TEST(WebPages, ContentTypesFollowTheExtension) {
  EXPECT_EQ(WebContentType("candidat.html"), "text/html; charset=utf-8");
  EXPECT_EQ(WebContentType("static/gestion.css"), "text/css; charset=utf-8");
  EXPECT_EQ(WebContentType("static/api.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(WebContentType("static/logo.svg"), "image/svg+xml");
  EXPECT_EQ(WebContentType("static/logo.png"), "image/png");
  EXPECT_EQ(WebContentType("static/notes.md"), "");
  EXPECT_EQ(WebContentType("WebAssets.cpp"), "");
  EXPECT_EQ(WebContentType("static/js"), "");
}

TEST(WebPages, OnlyFilesDirectlyInTheFolderOrInStaticAreNamed) {
  for (const char* good : {"candidat.html", "static/app.js", "static/a-b_c.1.css"})
    EXPECT_TRUE(IsPagePath(good)) << good;
  for (const char* bad :
       {"", "static/", "static/sub/deep.js", "../secret.js", "static/../x.js", "static/..", "..",
        ".hidden.js", "static/.hidden.js", "static/a..js", "static/notes.md", "WebAssets.cpp",
        "/etc/passwd.js", "static\\x.js", "other/app.js", "static/a b.js"})
    EXPECT_FALSE(IsPagePath(bad)) << bad;
}

TEST(WebPages, WebDirServesThePagesAndTheirFilesWithTheirHeaders) {
  PageFolder folder;
  ServedPages pages(folder.web());

  Reply candidat = pages.Get("/candidat/C-2024_001");
  ASSERT_EQ(candidat.status, 200) << candidat;
  EXPECT_EQ(candidat.body, "<!doctype html><title>Mes pièces</title>");
  EXPECT_EQ(candidat.Header("Content-Type"), "text/html; charset=utf-8");
  ExpectPageHeaders(candidat, "no-cache");

  Reply gestion = pages.Get("/gestion/");
  ASSERT_EQ(gestion.status, 200) << gestion;
  EXPECT_EQ(gestion.body, "<!doctype html><title>Gestion</title>");
  ExpectPageHeaders(gestion, "no-cache");

  Reply script = pages.Get("/static/app.js");
  ASSERT_EQ(script.status, 200) << script;
  EXPECT_EQ(script.body, "export const answer = 42;\n");
  EXPECT_EQ(script.Header("Content-Type"), "text/javascript; charset=utf-8");
  ExpectPageHeaders(script, "max-age=300");

  Reply style = pages.Get("/static/app.css");
  EXPECT_EQ(style.Header("Content-Type"), "text/css; charset=utf-8");

  Reply png = pages.Get("/static/logo.png");
  ASSERT_EQ(png.status, 200) << png;
  EXPECT_EQ(png.body, PageFolder::Png());  // byte for byte, NULs and all
  EXPECT_EQ(png.Header("Content-Type"), "image/png");

  // Edited on disk: served as it is now, no restart.
  folder.Write("static/app.js", "export const answer = 43;\n");
  EXPECT_EQ(pages.Get("/static/app.js").body, "export const answer = 43;\n");
}

TEST(WebPages, GestionWithoutItsSlashIsRedirected) {
  PageFolder folder;
  ServedPages pages(folder.web());
  Reply reply = pages.Get("/gestion");
  EXPECT_EQ(reply.status, 301) << reply;
  EXPECT_EQ(reply.Header("Location"), "/gestion/");
}

TEST(WebPages, NothingOutsideTheFolderAndItsStaticFilesIsServed) {
  PageFolder folder;
  ServedPages pages(folder.web());
  for (const std::string& uri : std::vector<std::string>{
           "/static/notes.md", "/static/missing.js", "/static/.hidden.js", "/static/%2e%2e",
           "/static/..%2Fsecret.js", "/static/%2E%2E%2F%2E%2E%2Fsecret.js", "/static/sub%2Fdeep.js",
           "/static/sub/deep.js", "/static/WebAssets.cpp", "/static/", "/candidat/a.b",
           "/candidat/" + std::string(65, 'x'), "/candidat/", "/candidat.html", "/secret.js",
           "/gestion/gestion.html"}) {
    ExpectJsonNotFound(pages.Get(uri), uri);
  }
}

TEST(WebPages, AMissingPageIsANotFoundNotACrash) {
  testing::TempDir empty;
  ServedPages pages(empty.path());
  ExpectJsonNotFound(pages.Get("/candidat/C1"), "/candidat/C1");
  ExpectJsonNotFound(pages.Get("/gestion/"), "/gestion/");
  EXPECT_EQ(pages.Get("/healthz").status, 200);
}

TEST(WebPages, TheBuiltInCopyIsServedWithoutWebDir) {
  ServedPages pages;
  for (const auto& [uri, path] : std::map<std::string, std::string>{
           {"/candidat/C1", "candidat.html"}, {"/gestion/", "gestion.html"}}) {
    Reply reply = pages.Get(uri);
    const WebAsset* asset = FindWebAsset(path);
    if (!asset) {
      ExpectJsonNotFound(reply, uri);
      continue;
    }
    ASSERT_EQ(reply.status, 200) << uri << ": " << reply;
    EXPECT_EQ(reply.body, asset->bytes) << uri;
    ExpectPageHeaders(reply, "no-cache");
  }
  int static_files = 0;
  for (const WebAsset& asset : WebAssets()) {
    std::string path(asset.path);
    if (path.rfind("static/", 0) != 0 || !IsPagePath(path)) continue;
    Reply reply = pages.Get("/" + path);
    ASSERT_EQ(reply.status, 200) << path << ": " << reply;
    EXPECT_EQ(reply.body, asset.bytes) << path;
    EXPECT_EQ(reply.Header("Content-Type"), asset.content_type) << path;
    ExpectPageHeaders(reply, "max-age=300");
    ++static_files;
  }
  ExpectJsonNotFound(pages.Get("/static/no-such-file.js"), "/static/no-such-file.js");
  RecordProperty("static_files", static_files);
}

TEST(WebPages, TheRootNamesThePages) {
  ServedPages pages;
  Reply root = pages.Get("/");
  ASSERT_EQ(root.status, 200) << root;
  Poco::JSON::Object::Ptr body = root.Json();
  EXPECT_EQ(body->getValue<std::string>("service"), "dossier");
  Poco::JSON::Array::Ptr list = body->getArray("pages");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->getElement<std::string>(0), "/candidat/{id}");
  EXPECT_EQ(list->getElement<std::string>(1), "/gestion/");
}

}  // namespace
}  // namespace dossier
