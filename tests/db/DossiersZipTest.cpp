// POST /api/v1/dossiers.zip through a real socket, over MariaDB, with the
// dossiers assembled by the real `dossier assemble` from PDFs the fixture
// generators build; the archives are read back by Info-ZIP's unzip.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <thread>

#include "tests/db/ServedApi.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/ReferenceDossier.h"

namespace dossier::test {
namespace {

namespace fs = std::filesystem;

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

void Replace(std::string& text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
}

// `dossier assemble` behind a script that logs every dossier it is asked
// for; for the candidatures named "blocked-…", waits until the test creates
// the file `release` (30 s at most); fails for those whose name holds
// "broken-". Its 5th argument is DATA/dossiers/{id}-{fingerprint}.pdf.
class Assembler {
 public:
  Assembler() {
    std::string script = R"(#!/bin/sh
name="${5##*/}"
echo "${name%-*}" >> 'LOG'
case "$name" in
  blocked-*) n=0; while [ ! -e 'RELEASE' ] && [ $n -lt 600 ]; do /bin/sleep 0.05; n=$((n+1)); done ;;
esac
case "$name" in
  *broken-*) echo 'assemblage en échec voulu'; exit 3 ;;
esac
exec 'DOSSIER' "$@"
)";
    Replace(script, "LOG", log());
    Replace(script, "RELEASE", release());
    Replace(script, "DOSSIER", testing::BuiltBinary("dossier"));
    path_ = dir_.Write("assemble.sh", script);
    fs::permissions(path_, fs::perms::owner_all);
  }
  const std::string& path() const { return path_; }
  std::string log() const { return dir_.path() + "/assembled.log"; }
  std::string release() const { return dir_.path() + "/release"; }
  void Release() const { std::ofstream(release()) << "go"; }
  // The candidatures assembled so far, in order.
  std::vector<std::string> Assembled() const {
    std::istringstream lines(testing::ReadFile(log()));
    std::vector<std::string> ids;
    for (std::string line; std::getline(lines, line);) ids.push_back(line);
    return ids;
  }

 private:
  testing::TempDir dir_;
  std::string path_;
};

ServerSettings WithAssembler(const Assembler& assembler) {
  ServerSettings settings;
  settings.assemble_binary = assembler.path();
  return settings;
}

// An archive read back by unzip, not by our code.
class Unzipped {
 public:
  explicit Unzipped(const std::string& zip) : file_(zip, ".zip") {
    testing::RunCommand("unzip -q -o '" + file_.path() + "' -d '" + dir_.path() + "'");
  }
  testing::CommandResult Test() const {
    return testing::RunCommand("unzip -t '" + file_.path() + "'");
  }
  std::vector<std::string> Names() const {
    std::istringstream lines(testing::RunCommand("unzip -Z1 '" + file_.path() + "'").out);
    std::vector<std::string> names;
    for (std::string line; std::getline(lines, line);) names.push_back(line);
    return names;
  }
  std::string Details() const {
    return testing::RunCommand("zipinfo -v '" + file_.path() + "'").out;
  }
  std::string Entry(const std::string& name) const {
    return testing::ReadFile(dir_.path() + "/" + name);
  }

 private:
  testing::TempFile file_;
  testing::TempDir dir_;
};

std::string IdsBody(const std::vector<std::string>& ids) {
  std::string list;
  for (const std::string& id : ids) list += (list.empty() ? "\"" : ", \"") + id + "\"";
  return "{\"ids\": [" + list + "]}";
}

// A POST whose answer is read as it comes.
class StreamedAnswer {
 public:
  StreamedAnswer(int port, const std::string& token, const std::string& body)
      : session_("127.0.0.1", static_cast<Poco::UInt16>(port)) {
    session_.setTimeout(Poco::Timespan(60, 0));
    Poco::Net::HTTPRequest request("POST", "/api/v1/dossiers.zip",
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Authorization", "Bearer " + token);
    request.setContentType("application/json");
    request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    session_.sendRequest(request) << body;
    in_ = &session_.receiveResponse(response_);
  }
  const Poco::Net::HTTPResponse& response() const { return response_; }
  const std::string& received() const { return received_; }

  // Reads until the first entry is whole: its local header, its data, and
  // the data descriptor whose size is that of the data.
  bool ReadFirstEntry() {
    while (!FirstEntryWhole()) {
      char c;
      if (!in_->get(c)) return false;
      received_.push_back(c);
    }
    return true;
  }
  std::string ReadRest() {
    Poco::StreamCopier::copyToString(*in_, received_);
    return received_;
  }
  void Leave() { session_.reset(); }

 private:
  static std::uint32_t Le32(const std::string& bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (int i = 3; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
  }
  bool FirstEntryWhole() const {
    if (received_.size() < 30 + 16) return false;
    std::size_t data = 30 + (static_cast<unsigned char>(received_[26]) |
                             (static_cast<unsigned char>(received_[27]) << 8));
    std::size_t end = received_.size();
    if (end < data + 16) return false;
    std::size_t descriptor = end - 16;
    return Le32(received_, descriptor) == 0x08074b50 &&
           Le32(received_, descriptor + 8) == descriptor - data;
  }

  Poco::Net::HTTPClientSession session_;
  Poco::Net::HTTPResponse response_;
  std::istream* in_ = nullptr;
  std::string received_;
};

class DossiersZipTest : public ::testing::Test {
 protected:
  DossiersZipTest() : api_(WithAssembler(assembler_)) {}

  // A candidature whose CV and lettre were processed into `text` pages.
  void Dossier(const std::string& id, const std::string& text) {
    api_.Create(id, {"cv", "lettre_motivation"});
    Processed(id, "cv", fixtures::BornDigitalPdf({{"CV " + text}, {"CV SUITE " + text}}));
    Processed(id, "lettre_motivation", fixtures::BornDigitalPdf({{"LETTRE " + text}}));
  }

  // Version 1 of the pièce, accepted, with `pdf` as its result; its key.
  std::string Processed(const std::string& id, const std::string& code, const std::string& pdf) {
    api_.Version(id, code, 1, "accepted");
    std::string key = api_.store().NewKey("results");
    api_.store().WriteDurably(key, pdf);
    api_.Exec("UPDATE precheck SET output_key = '" + key +
              "', output_bytes = " + std::to_string(pdf.size()) +
              " WHERE piece_version_id = (SELECT id FROM piece_version WHERE candidature_id = '" +
              id + "' AND piece_code = '" + code + "' AND version = 1)");
    return key;
  }

  Reply Zip(const std::string& body, const std::string& token = "") {
    return api_.Send("POST", "/api/v1/dossiers.zip", token.empty() ? api_.Gestionnaire() : token,
                     body);
  }

  std::string DossierPdf(const std::string& id) {
    Reply reply = api_.Get("/api/v1/candidatures/" + id + "/dossier.pdf", api_.Gestionnaire());
    EXPECT_EQ(reply.status, 200) << reply;
    return reply.body;
  }

  Assembler assembler_;
  ServedApi api_;
};

TEST_F(DossiersZipTest, StoresEachDossierPdfInTheOrderAsked) {
  Dossier("cand-b", "BRAVO");
  Dossier("cand-a", "ALPHA");
  Dossier("cand-c", "CHARLIE");
  Reply reply = Zip(IdsBody({"cand-b", "cand-c", "cand-a"}));
  ASSERT_EQ(reply.status, 200) << reply.body.substr(0, 300);
  EXPECT_EQ(reply.Header("Content-Type"), "application/zip");
  EXPECT_EQ(reply.Header("Content-Disposition"), "attachment; filename=\"dossiers.zip\"");
  EXPECT_EQ(reply.Header("Transfer-Encoding"), "chunked");
  EXPECT_EQ(reply.Header("Content-Length"), "");

  Unzipped zip(reply.body);
  testing::CommandResult test = zip.Test();
  EXPECT_EQ(test.exit_code, 0) << test.out;
  EXPECT_EQ(zip.Names(), (std::vector<std::string>{"cand-b.pdf", "cand-c.pdf", "cand-a.pdf"}));
  for (std::string id : {"cand-a", "cand-b", "cand-c"}) {
    std::string entry = zip.Entry(id + ".pdf");
    EXPECT_EQ(entry.rfind("%PDF-", 0), 0u) << id;
    EXPECT_EQ(entry, DossierPdf(id)) << id;  // the same bytes as the dossier alone
  }
  EXPECT_TRUE(Has(testing::PdfText(zip.Entry("cand-c.pdf")), "LETTRE CHARLIE"));
  std::string details = zip.Details();
  EXPECT_TRUE(Has(details, "none (stored)")) << details;
  EXPECT_FALSE(Has(details, "deflated")) << details;
}

// HTTP/1.0 has no chunks: the body ends when the connection closes.
TEST_F(DossiersZipTest, AnHttp10ClientGetsTheArchiveUpToTheClose) {
  Dossier("cand-a", "ALPHA");
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(api_.port()));
  Poco::Net::HTTPRequest request("POST", "/api/v1/dossiers.zip", Poco::Net::HTTPMessage::HTTP_1_0);
  request.set("Authorization", "Bearer " + api_.Gestionnaire());
  std::string body = IdsBody({"cand-a"});
  request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  EXPECT_EQ(response.getStatus(), Poco::Net::HTTPResponse::HTTP_OK);
  EXPECT_FALSE(response.getChunkedTransferEncoding());
  EXPECT_FALSE(response.getKeepAlive());
  std::string zip;
  Poco::StreamCopier::copyToString(in, zip);
  Unzipped read(zip);
  EXPECT_EQ(read.Test().exit_code, 0) << read.Test().out;
  EXPECT_EQ(read.Entry("cand-a.pdf"), DossierPdf("cand-a"));
}

TEST_F(DossiersZipTest, ADossierThatCannotBeHadBecomesAnErrorEntryAndTheArchiveGoesOn) {
  Dossier("cand-a", "ALPHA");
  Dossier("broken-1", "CASSE");  // the assembler fails for it
  Dossier("cand-lost", "PERDU");
  api_.Exec(
      "UPDATE precheck SET output_key = 'results/gone.pdf' WHERE piece_version_id IN "
      "(SELECT id FROM piece_version WHERE candidature_id = 'cand-lost')");
  api_.Create("cand-empty", {"cv"});
  api_.Exec("DELETE FROM pj_cand WHERE candidature_id = 'cand-empty'");  // asks for nothing
  Dossier("cand-c", "CHARLIE");
  Reply reply = Zip(IdsBody({"cand-a", "broken-1", "cand-lost", "cand-empty", "cand-c"}));
  ASSERT_EQ(reply.status, 200) << reply.body.substr(0, 300);
  Unzipped zip(reply.body);
  testing::CommandResult test = zip.Test();
  EXPECT_EQ(test.exit_code, 0) << test.out;
  EXPECT_EQ(zip.Names(),
            (std::vector<std::string>{"cand-a.pdf", "broken-1-erreur.txt", "cand-lost-erreur.txt",
                                      "cand-empty-erreur.txt", "cand-c.pdf"}));
  std::string broken = zip.Entry("broken-1-erreur.txt");
  EXPECT_TRUE(Has(broken, "« broken-1 » n'a pas pu être assemblé")) << broken;
  EXPECT_TRUE(testing::IsStrictUtf8(broken));
  EXPECT_TRUE(Has(zip.Entry("cand-lost-erreur.txt"), "« cand-lost » n'a pas pu être assemblé"));
  EXPECT_TRUE(Has(zip.Entry("cand-empty-erreur.txt"), "« cand-empty » n'est pas encore disponible"))
      << zip.Entry("cand-empty-erreur.txt");
  EXPECT_EQ(zip.Entry("cand-a.pdf"), DossierPdf("cand-a"));
  EXPECT_EQ(zip.Entry("cand-c.pdf"), DossierPdf("cand-c"));
}

TEST_F(DossiersZipTest, ABadListIsRefusedWithAFrenchSentence) {
  Dossier("cand-a", "ALPHA");
  std::string two_hundred_one;
  for (int i = 0; i < 201; ++i)
    two_hundred_one += (i ? ", \"" : "\"") + std::string("cand-") + std::to_string(i) + "\"";
  struct Case {
    std::string body, code, says;
  };
  for (const Case& c : std::vector<Case>{
           {R"({"ids": []})", "invalid_field", "Aucun dossier demandé"},
           {"{\"ids\": [" + two_hundred_one + "]}", "invalid_field", "201 dossiers demandés"},
           {R"({"ids": ["cand-a", "cand-a"]})", "invalid_field",
            "« cand-a » est demandée deux fois"},
           {R"({"ids": ["cand-a", 12]})", "invalid_field", "L'élément n° 2"},
           {R"({"ids": ["cand-a", null]})", "invalid_field", "L'élément n° 2"},
           {R"({"ids": ["../etc"]})", "invalid_field", "L'élément n° 1"},
           {R"({"ids": "cand-a"})", "invalid_field", "« ids »"},
           {R"({"id": ["cand-a"]})", "invalid_field", "« ids »"},
           {R"({"ids": ["cand-a"])", "invalid_json", ""},
           {"", "invalid_json", ""}}) {
    Reply reply = Zip(c.body);
    EXPECT_EQ(reply.status, 400) << c.body.substr(0, 80) << " → " << reply;
    EXPECT_EQ(reply.Error(), c.code) << c.body.substr(0, 80);
    std::string message = reply.Json()->optValue<std::string>("message", "");
    EXPECT_TRUE(Has(message, c.says)) << message;
    EXPECT_TRUE(testing::IsStrictUtf8(message));
  }
  EXPECT_TRUE(assembler_.Assembled().empty());
}

TEST_F(DossiersZipTest, AnUnknownIdIsNamedBeforeAnyDossierIsAssembled) {
  Dossier("cand-a", "ALPHA");
  Dossier("cand-b", "BRAVO");
  Reply reply = Zip(IdsBody({"cand-a", "fantome-1", "cand-b", "fantome-2"}));
  EXPECT_EQ(reply.status, 404) << reply;
  EXPECT_EQ(reply.Error(), "not_found");
  EXPECT_EQ(reply.Header("Content-Type"), "application/json; charset=utf-8");
  std::string message = reply.Json()->optValue<std::string>("message", "");
  EXPECT_TRUE(Has(message, "« fantome-1 » est introuvable")) << message;
  EXPECT_FALSE(Has(message, "fantome-2")) << message;
  EXPECT_TRUE(assembler_.Assembled().empty());
}

TEST_F(DossiersZipTest, OnlyStaffMayDownloadSeveralDossiers) {
  Dossier("cand-a", "ALPHA");
  Reply candidat = Zip(IdsBody({"cand-a"}), api_.Candidat("cand-a"));
  EXPECT_EQ(candidat.status, 403) << candidat;
  EXPECT_EQ(candidat.Error(), "forbidden");
  Reply anonymous = api_.Send("POST", "/api/v1/dossiers.zip", "", IdsBody({"cand-a"}));
  EXPECT_EQ(anonymous.status, 401) << anonymous;
  EXPECT_EQ(Zip(IdsBody({"cand-a"}), api_.Admin()).status, 200);
  EXPECT_EQ(assembler_.Assembled(), std::vector<std::string>{"cand-a"});
}

TEST_F(DossiersZipTest, TheFirstDossierLeavesBeforeTheLastIsAssembled) {
  Dossier("cand-a", "ALPHA");
  Dossier("blocked-1", "BLOQUE");  // assembled once the test releases it
  StreamedAnswer answer(api_.port(), api_.Gestionnaire(), IdsBody({"cand-a", "blocked-1"}));
  ASSERT_EQ(answer.response().getStatus(), Poco::Net::HTTPResponse::HTTP_OK);
  EXPECT_TRUE(answer.response().getChunkedTransferEncoding());
  ASSERT_TRUE(answer.ReadFirstEntry());
  EXPECT_FALSE(fs::exists(assembler_.release()));  // blocked-1 is still waiting
  EXPECT_EQ(answer.received().substr(30, 10), "cand-a.pdf");
  assembler_.Release();
  Unzipped zip(answer.ReadRest());
  EXPECT_EQ(zip.Test().exit_code, 0) << zip.Test().out;
  EXPECT_EQ(zip.Names(), (std::vector<std::string>{"cand-a.pdf", "blocked-1.pdf"}));
  EXPECT_EQ(zip.Entry("blocked-1.pdf"), DossierPdf("blocked-1"));
}

TEST_F(DossiersZipTest, AClientThatLeavesStopsTheWork) {
  for (std::string id : {"cand-a", "blocked-1", "cand-c", "cand-d"}) Dossier(id, "X");
  {
    StreamedAnswer answer(api_.port(), api_.Gestionnaire(),
                          IdsBody({"cand-a", "blocked-1", "cand-c", "cand-d"}));
    ASSERT_TRUE(answer.ReadFirstEntry());
    answer.Leave();
  }
  assembler_.Release();
  api_.service().Stop();  // waits for the request to end
  // blocked-1 was being assembled when the client left; nothing after it.
  EXPECT_EQ(assembler_.Assembled(), (std::vector<std::string>{"cand-a", "blocked-1"}));
}

// The client leaves while the first dossier is being assembled, which then
// fails: its small error entry is written without a socket error, so only
// seeing that the client left spares the next ones.
TEST_F(DossiersZipTest, AClientThatLeftIsSeenBeforeTheNextDossier) {
  for (std::string id : {"blocked-broken-1", "cand-c", "cand-d"}) Dossier(id, "X");
  {
    StreamedAnswer answer(api_.port(), api_.Gestionnaire(),
                          IdsBody({"blocked-broken-1", "cand-c", "cand-d"}));
    ASSERT_EQ(answer.response().getStatus(), Poco::Net::HTTPResponse::HTTP_OK);
    for (int i = 0; i < 600 && assembler_.Assembled().empty(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    answer.Leave();  // while blocked-broken-1 is being assembled
  }
  assembler_.Release();
  api_.service().Stop();
  EXPECT_EQ(assembler_.Assembled(), std::vector<std::string>{"blocked-broken-1"});
}

long ResidentKib(const std::string& field) {
  std::istringstream status(testing::ReadFile("/proc/self/status"));
  for (std::string line; std::getline(status, line);)
    if (line.rfind(field, 0) == 0) return std::stol(line.substr(field.size()));
  return -1;
}

// Figures, not a check: 20 reference dossiers (the five pièces processed by
// `dossier process` from the fixture generators' files), not yet assembled,
// then cached; by curl (time to the head, total) and by a client that
// times the first entry whole. Run with --gtest_also_run_disabled_tests.
TEST(DossiersZipFigures, DISABLED_TwentyReferenceDossiers) {
  testing::TempDir work;
  std::map<std::string, std::string> results;  // code → processed PDF
  for (const fixtures::PieceFiles& piece : fixtures::BuildReferenceDossier()) {
    std::string files;
    for (const fixtures::FixtureFile& file : piece.files)
      files += " '" + work.Write(piece.code + "-" + file.name, file.bytes) + "'";
    std::string out = work.path() + "/" + piece.code + ".out.pdf";
    testing::CommandResult processed =
        testing::RunCommand(testing::BuiltBinary("dossier") + " process --piece-type " +
                            piece.code + " -o '" + out + "'" + files);
    ASSERT_EQ(processed.exit_code, 0) << processed.out;
    results[piece.code] = testing::ReadFile(out);
  }
  ServerSettings settings;
  settings.assemble_binary = testing::BuiltBinary("dossier");
  ServedApi api(settings);
  std::vector<std::string> ids;
  for (int i = 0; i < 20; ++i) {
    std::string id = "ref-" + std::to_string(i);
    ids.push_back(id);
    std::vector<std::string> codes;
    for (const auto& [code, pdf] : results) codes.push_back(code);
    api.Create(id, codes);
    for (const auto& [code, pdf] : results) {
      api.Version(id, code, 1, "accepted");
      std::string key = api.store().NewKey("results");
      api.store().WriteDurably(key, pdf);
      api.Exec("UPDATE precheck SET output_key = '" + key +
               "', output_bytes = " + std::to_string(pdf.size()) +
               " WHERE piece_version_id = (SELECT id FROM piece_version WHERE candidature_id = '" +
               id + "' AND piece_code = '" + code + "' AND version = 1)");
    }
  }
  std::string body_file = work.Write("body.json", IdsBody(ids));
  std::string curl = "curl -s -o '" + work.path() +
                     "/out.zip' -w '%{http_code} %{time_starttransfer} %{time_total} "
                     "%{size_download}' -H 'Authorization: Bearer " +
                     api.Gestionnaire() + "' -H 'Content-Type: application/json' --data-binary @'" +
                     body_file + "' http://127.0.0.1:" + std::to_string(api.port()) +
                     "/api/v1/dossiers.zip";
  std::cout << "not assembled: curl code ttfb total bytes = " << testing::RunCommand(curl).out
            << "\n";
  EXPECT_EQ(testing::RunCommand("unzip -tq '" + work.path() + "/out.zip'").exit_code, 0);
  // The server runs in this process; curl writes the archive to a file: the
  // peak resident memory of a cached run is the server's (clear_refs 5
  // resets the peak).
  std::ofstream("/proc/self/clear_refs") << "5";
  long rss_before = ResidentKib("VmRSS:");
  std::cout << "cached:        curl code ttfb total bytes = " << testing::RunCommand(curl).out
            << "\n";
  std::cout << "cached: resident " << rss_before << " KiB before, peak " << ResidentKib("VmHWM:")
            << " KiB during\n";
  api.Exec("UPDATE candidature SET status = 'RE'");  // every dossier to assemble again
  auto started = std::chrono::steady_clock::now();
  auto seconds = [&started] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  StreamedAnswer answer(api.port(), api.Gestionnaire(), IdsBody(ids));
  double head = seconds();
  ASSERT_TRUE(answer.ReadFirstEntry());
  double first = seconds();
  std::string zip = answer.ReadRest();
  std::cout << "not assembled: head " << head << " s, first entry whole " << first << " s, total "
            << seconds() << " s, " << zip.size() << " bytes\n";
}

}  // namespace
}  // namespace dossier::test
