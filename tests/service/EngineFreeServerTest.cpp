// The HTTP process maps no document engine: what a running dossierd has in
// its address space (/proc/PID/maps), while the worker processes it
// supervises, the sibling binary dossier-worker, map the engines and
// process the pièces.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/service/ServiceTestbed.h"

namespace dossier::test {
namespace {

// The shared objects mapped by a process, by file name.
std::set<std::string> MappedLibraries(pid_t pid) {
  std::ifstream maps("/proc/" + std::to_string(pid) + "/maps");
  std::set<std::string> libraries;
  std::string line;
  while (std::getline(maps, line)) {
    std::size_t slash = line.rfind('/');
    if (slash == std::string::npos) continue;
    std::string name = line.substr(slash + 1);
    if (name.find(".so") != std::string::npos) libraries.insert(name);
  }
  return libraries;
}

std::set<std::string> EngineLibraries(const std::set<std::string>& libraries) {
  static const std::regex engine(
      "lib(podofo|vips|vips-cpp|qpdf|tesseract|lept|poppler|poppler-cpp)\\.so.*");
  std::set<std::string> engines;
  for (const std::string& name : libraries)
    if (std::regex_match(name, engine)) engines.insert(name);
  return engines;
}

bool MapsLibraryStartingWith(const std::set<std::string>& libraries, const std::string& prefix) {
  for (const std::string& name : libraries)
    if (name.rfind(prefix, 0) == 0) return true;
  return false;
}

std::string Executable(pid_t pid) {
  char path[4096] = {};
  ssize_t n = readlink(("/proc/" + std::to_string(pid) + "/exe").c_str(), path, sizeof path - 1);
  std::string exe(path, n > 0 ? static_cast<std::size_t>(n) : 0);
  return exe.substr(exe.find_last_of('/') + 1);
}

void UploadCv(ServiceTestbed& bed, const std::string& id) {
  ASSERT_EQ(bed.CreateCandidature(id, {{"cv", true}}), 201);
  std::string pdf = fixtures::BornDigitalPdf({{"Curriculum vitae", "Camille Martin"}});
  ApiResponse upload = bed.api().Upload(id, "cv", bed.Token("candidat", id), {{"cv.pdf", pdf}});
  ASSERT_EQ(upload.status, 202) << upload.body;
}

TEST(EngineFreeServer, ServerRoleMapsNoDocumentEngineAfterAnUpload) {
  ServiceTestbed bed{{"--role", "server"}};
  UploadCv(bed, "EF-1");  // the upload was sniffed and stored by this process
  std::set<std::string> libraries = MappedLibraries(bed.service().pid());
  ASSERT_TRUE(MapsLibraryStartingWith(libraries, "libPocoNet.so"))  // maps were read
      << ::testing::PrintToString(libraries);
  EXPECT_EQ(EngineLibraries(libraries), std::set<std::string>{});
  EXPECT_TRUE(bed.service().Children().empty());
}

TEST(EngineFreeServer, AllRoleRunsItsJobsInDossierWorkerProcessesThatMapTheEngines) {
  ServiceTestbed bed{{"--workers", "1"}};
  UploadCv(bed, "EF-2");
  Poco::JSON::Object::Ptr processed = bed.WaitProcessed("EF-2");
  Poco::JSON::Object::Ptr cv = ServiceTestbed::Piece(processed, "cv");
  ASSERT_FALSE(cv->isNull("report"));
  EXPECT_EQ(cv->getObject("report")->getValue<std::string>("status"), "accepted");

  EXPECT_EQ(EngineLibraries(MappedLibraries(bed.service().pid())), std::set<std::string>{});
  std::vector<pid_t> workers = bed.service().Children();
  ASSERT_EQ(workers.size(), 1u);
  EXPECT_EQ(Executable(workers[0]), "dossier-worker");
  std::set<std::string> worker_engines = EngineLibraries(MappedLibraries(workers[0]));
  for (const char* engine :
       {"libpodofo.so", "libvips.so", "libqpdf.so", "libtesseract.so", "libpoppler-cpp.so"})
    EXPECT_TRUE(MapsLibraryStartingWith(worker_engines, engine))
        << engine << " in " << ::testing::PrintToString(worker_engines);
}

TEST(EngineFreeServer, DossierdRefusesTheWorkerProcessFlag) {
  TestDatabase db;
  testing::TempDir data;
  ServiceProcess service({"--worker-process", "--data-dir", data.path(), "--db", db.UrlText()});
  EXPECT_THROW(service.Start(), std::runtime_error);
  EXPECT_NE(service.Log().find("--worker-process is dossier-worker's flag"), std::string::npos)
      << service.Log();
}

}  // namespace
}  // namespace dossier::test
