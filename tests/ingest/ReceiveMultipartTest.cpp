// ReceiveMultipart: the door of the service. Files must land in the store
// byte for byte with the right sha256, and every refusal (format, size,
// count, broken body, full disk) must leave nothing behind in the store.
#include <gtest/gtest.h>

#include <filesystem>
#include <limits>
#include <random>
#include <regex>
#include <sstream>

#include "core/messages/CandidateMessages.h"
#include "core/text/FrenchFormat.h"
#include "ingest/upload/ReceiveMultipart.h"
#include "server/http/HttpStatusOf.h"
#include "store/blobs/BlobStore.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/DocxLike.h"
#include "tests/fixtures/GifScan.h"
#include "tests/fixtures/HandMadeTiff.h"
#include "tests/fixtures/HeicLike.h"
#include "tests/fixtures/PlainZip.h"
#include "tests/fixtures/ScanJpeg.h"
#include "tests/fixtures/Truncated.h"
#include "tests/support/ClientErrorOf.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

const std::string kBoundary = "----DossierFormBoundary7MA4YWxkTrZu0gW";

struct Part {
  std::string field = "file";
  std::string filename;  // no filename attribute when empty and !with_filename
  std::string bytes;
  bool with_filename = true;
};

Part File(std::string filename, std::string bytes) {
  return {"file", std::move(filename), std::move(bytes), true};
}

std::string Body(const std::vector<Part>& parts, bool closed = true) {
  std::string body;
  for (const Part& part : parts) {
    body += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + part.field + "\"";
    if (part.with_filename) body += "; filename=\"" + part.filename + "\"";
    body += "\r\n";
    if (part.with_filename) body += "Content-Type: application/octet-stream\r\n";
    body += "\r\n" + part.bytes + "\r\n";
  }
  if (closed) body += "--" + kBoundary + "--\r\n";
  return body;
}

std::string ContentType() {
  return "multipart/form-data; boundary=" + kBoundary;
}

UploadLimits Roomy() {
  UploadLimits limits;
  limits.min_free_bytes = 0;  // the 503 has its own test
  return limits;
}

std::string SmallPdf(const std::string& title) {
  return fixtures::BornDigitalPdf({{title, "Mention assez bien", "Moyenne générale 13,4"}});
}

std::string ScanOf(int dpi, double noise) {
  fixtures::TextPageSpec spec;
  spec.lines = {"Relevé de notes", "Mathématiques 15,5", "Histoire-géographie 12"};
  spec.dpi = dpi;
  spec.grey = true;
  spec.noise_sigma = noise;
  return fixtures::ScanJpeg(spec, 85);
}

std::string Sha256Sum(const std::string& bytes) {
  testing::TempFile file(bytes, ".bin");
  return testing::RunCommand("sha256sum '" + file.path() + "'").out.substr(0, 64);
}

// Every regular file under the data directory (published or half-written).
std::vector<std::string> FilesIn(const std::string& dir) {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) found.push_back(entry.path().string());
  return found;
}

class ReceiveMultipartTest : public ::testing::Test {
 protected:
  ReceiveMultipartTest() : store_(dir_.path()) {}

  std::vector<ReceivedFile> Receive(const std::string& body, const UploadLimits& limits = Roomy(),
                                    const PieceRules& rules = PieceRules{}) {
    std::istringstream in(body);
    return ReceiveMultipart(in, ContentType(), body.size(), rules, limits, store_);
  }

  // The ClientError that receiving `body` throws.
  ClientError RefusalOf(const std::string& body, std::optional<std::uint64_t> content_length,
                        const UploadLimits& limits = Roomy(),
                        const PieceRules& rules = PieceRules{},
                        const std::string& content_type = ContentType()) {
    std::istringstream in(body);
    return testing::ClientErrorOf(
        [&] { ReceiveMultipart(in, content_type, content_length, rules, limits, store_); });
  }

  ClientError Refusal(const std::string& body, const UploadLimits& limits = Roomy(),
                      const PieceRules& rules = PieceRules{}) {
    return RefusalOf(body, body.size(), limits, rules);
  }

  testing::TempDir dir_;
  BlobStore store_;
};

TEST_F(ReceiveMultipartTest, StoresEachFileByteForByteWithItsSha256InUploadOrder) {
  std::string jpeg = ScanOf(150, 4);
  std::string pdf = SmallPdf("Relevé de notes");
  std::vector<ReceivedFile> files = Receive(
      Body({File("scan.jpg", jpeg), {"comment", "", "une note", false}, File("releve.pdf", pdf)}));

  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].original_name, "scan.jpg");
  EXPECT_EQ(files[0].sniffed_type, "jpeg");
  EXPECT_EQ(files[0].size, jpeg.size());
  EXPECT_EQ(files[0].sha256, Sha256Sum(jpeg));
  EXPECT_EQ(files[1].original_name, "releve.pdf");
  EXPECT_EQ(files[1].sniffed_type, "pdf");
  EXPECT_EQ(files[1].sha256, Sha256Sum(pdf));
  EXPECT_NE(files[0].storage_key, files[1].storage_key);
  EXPECT_EQ(store_.Read(files[0].storage_key), jpeg);
  EXPECT_EQ(store_.Read(files[1].storage_key), pdf);
  EXPECT_EQ(FilesIn(dir_.path()).size(), 2u) << "no temp file may stay behind";
}

TEST_F(ReceiveMultipartTest, StreamsBinaryThatLooksLikeBoundariesAcrossManyChunks) {
  // 600 KiB of noise holding CR, LF and near-boundaries ("--" + a prefix of
  // the boundary) that must stay file data, with %%EOF at the end.
  std::mt19937 random(7);
  std::string pdf = "%PDF-1.7\n";
  while (pdf.size() < 600 * 1024) {
    for (int i = 0; i < 997; ++i) pdf += static_cast<char>(random() & 0xFF);
    pdf += "\r\n--" + kBoundary.substr(0, random() % kBoundary.size()) + "\r\n\n\r";
  }
  pdf += "\n%%EOF\n";
  std::vector<ReceivedFile> files = Receive(Body({File("bruit.pdf", pdf)}));
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].size, pdf.size());
  EXPECT_EQ(files[0].sha256, Sha256Sum(pdf));
  EXPECT_EQ(store_.Read(files[0].storage_key), pdf);
}

TEST_F(ReceiveMultipartTest, RefusesAWordDocumentByNameAndKeepsNothing) {
  ClientError error = Refusal(
      Body({File("releve.pdf", SmallPdf("Relevé")), File("lettre.docx", fixtures::DocxLike())}));
  EXPECT_STREQ(error.code_name(), "format");
  EXPECT_EQ(error.message(),
            WrongFormatMessage("lettre.docx", FileKind::Word, PieceRules{}.formats));
  EXPECT_TRUE(FilesIn(dir_.path()).empty()) << "the PDF received first must be removed too";
}

TEST_F(ReceiveMultipartTest, RefusesAZipArchiveWithItsArticle) {
  ClientError zip = Refusal(Body({File("documents.zip", fixtures::PlainZip())}));
  EXPECT_STREQ(zip.code_name(), "format");
  EXPECT_NE(zip.message().find("est une archive ZIP"), std::string::npos) << zip.what();
  EXPECT_TRUE(FilesIn(dir_.path()).empty());
}

// The door sniffs and never decodes: a HEIC is stored as `heic` and judged by
// a worker, like a JPEG.
TEST_F(ReceiveMultipartTest, StoresPhoneAndScannerFormatsWithTheirSniffedType) {
  std::vector<ReceivedFile> files = Receive(Body(
      {File("IMG_0042.HEIC", fixtures::HeicLike()), File("scan.tif", fixtures::HandMadeTiff(2))}));
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].sniffed_type, "heic");
  EXPECT_EQ(files[1].sniffed_type, "tiff");
}

TEST_F(ReceiveMultipartTest, RefusesAGifListingEveryAcceptedFormatInFrench) {
  ClientError gif = Refusal(Body({File("scan.gif", fixtures::GifScan({"Bulletin"}))}));
  EXPECT_STREQ(gif.code_name(), "format");
  EXPECT_EQ(HttpStatusOf(ErrorCode::kFormat), 415);
  EXPECT_NE(gif.message().find("« scan.gif » est une image GIF : seuls les formats PDF, JPEG, "
                               "PNG, HEIC, AVIF, WebP et TIFF sont acceptés pour cette pièce."),
            std::string::npos)
      << gif.message();
}

TEST_F(ReceiveMultipartTest, RefusesAnIphonePhotoWherePhotosAreNotTaken) {
  PieceRules classic;
  classic.formats = {"pdf", "jpeg", "png"};
  ClientError heic = Refusal(Body({File("IMG_0042.HEIC", fixtures::HeicLike())}), Roomy(), classic);
  EXPECT_STREQ(heic.code_name(), "format");
  EXPECT_NE(heic.message().find("est une image HEIC (photo d'iPhone) : seuls les formats PDF, "
                                "JPEG et PNG sont acceptés"),
            std::string::npos)
      << heic.message();
  EXPECT_NE(heic.message().find("Le plus compatible"), std::string::npos) << heic.message();
  EXPECT_TRUE(FilesIn(dir_.path()).empty());
}

TEST_F(ReceiveMultipartTest, RefusesAFormatThePieceDoesNotTake) {
  PieceRules pdf_only;
  pdf_only.formats = {"pdf"};
  ClientError error = Refusal(Body({File("photo.jpg", ScanOf(100, 0))}), Roomy(), pdf_only);
  EXPECT_STREQ(error.code_name(), "format");
  EXPECT_EQ(error.message(), WrongFormatMessage("photo.jpg", FileKind::Jpeg, pdf_only.formats));
}

TEST_F(ReceiveMultipartTest, AFileOverItsCapIsTooLargeNamingItAndKeepsNothing) {
  std::string jpeg = ScanOf(150, 4);
  UploadLimits limits = Roomy();
  limits.max_file_bytes = jpeg.size() - 1;
  ClientError error =
      Refusal(Body({File("releve.pdf", SmallPdf("Relevé")), File("scan.jpg", jpeg)}), limits);
  EXPECT_STREQ(error.code_name(), "too_large");
  EXPECT_NE(error.message().find("« scan.jpg »"), std::string::npos) << error.what();
  EXPECT_TRUE(FilesIn(dir_.path()).empty());
}

TEST_F(ReceiveMultipartTest, AnAnnouncedBodyOverTheCapIsRefusedBeforeAnyByteIsRead) {
  std::string body = Body({File("releve.pdf", SmallPdf("Relevé"))});
  UploadLimits limits = Roomy();
  limits.max_request_bytes = 60'000'000;
  std::istringstream in(body);
  try {
    ReceiveMultipart(in, ContentType(), 60'000'001, PieceRules{}, limits, store_);
    FAIL() << "accepted";
  } catch (const ClientError& error) {
    EXPECT_STREQ(error.code_name(), "too_large");
    EXPECT_NE(error.message().find("L'envoi dépasse 60,0 Mo"), std::string::npos) << error.what();
  }
  EXPECT_EQ(in.tellg(), 0) << "nothing of the body may be read";
  EXPECT_TRUE(FilesIn(dir_.path()).empty());
}

TEST_F(ReceiveMultipartTest, ABodyOverTheCapWhileStreamingIsTooLargeAndKeepsNothing) {
  std::string pdf = SmallPdf("Relevé");
  std::string jpeg = ScanOf(150, 4);
  std::string body = Body({File("releve.pdf", pdf), File("scan.jpg", jpeg)});
  UploadLimits limits = Roomy();
  limits.max_request_bytes = pdf.size() + jpeg.size() / 2;    // the PDF gets in, not the scan
  ClientError error = RefusalOf(body, std::nullopt, limits);  // a chunked body: no length
  EXPECT_STREQ(error.code_name(), "too_large");
  EXPECT_NE(error.message().find(FrenchSize(limits.max_request_bytes)), std::string::npos)
      << error.what();
  EXPECT_TRUE(FilesIn(dir_.path()).empty());
}

TEST_F(ReceiveMultipartTest, MoreFilesThanAllowedIsTooManyFilesAndKeepsNothing) {
  UploadLimits limits = Roomy();
  limits.max_files = 2;
  std::string pdf = SmallPdf("Bulletin");
  ClientError error =
      Refusal(Body({File("a.pdf", pdf), File("b.pdf", pdf), File("c.pdf", pdf)}), limits);
  EXPECT_STREQ(error.code_name(), "too_many_files");
  EXPECT_TRUE(FilesIn(dir_.path()).empty());
  EXPECT_EQ(Receive(Body({File("a.pdf", pdf), File("b.pdf", pdf)}), limits).size(), 2u);
}

TEST_F(ReceiveMultipartTest, AContentTypeWithoutBoundaryOrABrokenBodyIsMalformed) {
  std::string body = Body({File("releve.pdf", SmallPdf("Relevé"))});
  for (const std::string& type :
       {std::string("multipart/form-data"), std::string("application/json; boundary=" + kBoundary),
        std::string("multipart/form-data; boundary=")}) {
    ClientError error = RefusalOf(body, body.size(), Roomy(), PieceRules{}, type);
    EXPECT_STREQ(error.code_name(), "malformed") << type;
  }
  ClientError garbage = Refusal("this is not a multipart body at all\r\n");
  EXPECT_STREQ(garbage.code_name(), "malformed");
  EXPECT_TRUE(FilesIn(dir_.path()).empty());
}

TEST_F(ReceiveMultipartTest, ABodyCutShortIsTruncatedAndKeepsNothing) {
  std::string pdf = SmallPdf("Relevé");
  std::string body = Body({File("a.pdf", pdf), File("b.pdf", pdf)}, /*closed=*/false);
  ClientError error = RefusalOf(body, body.size() + 4096);
  EXPECT_STREQ(error.code_name(), "truncated");
  EXPECT_NE(error.message().find("interrompu"), std::string::npos) << error.what();
  EXPECT_TRUE(FilesIn(dir_.path()).empty());
}

TEST_F(ReceiveMultipartTest, ATruncatedPhotoIsTruncatedWithThePipelinesMessage) {
  std::string jpeg = ScanOf(300, 8);  // several chunks: the end marker is looked for in the tail
  ASSERT_GT(jpeg.size(), 256u * 1024);
  ClientError error = Refusal(Body({File("bulletin.jpg", fixtures::Truncated(jpeg, 0.7))}));
  EXPECT_STREQ(error.code_name(), "truncated");
  EXPECT_EQ(error.message(), TruncatedFileMessage("bulletin.jpg"));
  EXPECT_TRUE(FilesIn(dir_.path()).empty());
  EXPECT_EQ(Receive(Body({File("bulletin.jpg", jpeg)})).at(0).sha256, Sha256Sum(jpeg));
}

TEST_F(ReceiveMultipartTest, AnEmptyFileIsEmptyAndNoFilePartIsNoFile) {
  ClientError empty = Refusal(Body({File("releve.pdf", "")}));
  EXPECT_STREQ(empty.code_name(), "empty");
  EXPECT_EQ(empty.message(), EmptyFileMessage("releve.pdf"));

  ClientError fields_only = Refusal(Body({{"comment", "", "bonjour", false}}));
  EXPECT_STREQ(fields_only.code_name(), "no_file");
  // A file input left empty: the browser sends a part without name or bytes.
  EXPECT_STREQ(Refusal(Body({File("", "")})).code_name(), "no_file");
  EXPECT_TRUE(FilesIn(dir_.path()).empty());
}

TEST_F(ReceiveMultipartTest, APathLikeFilenameIsKeptAsDataOnly) {
  std::string pdf = SmallPdf("Relevé");
  std::vector<ReceivedFile> files =
      Receive(Body({File("../../etc/passwd", pdf), File("C:\\fakepath\\relevé bac.pdf", pdf),
                    File("cv %22final%22\x01.pdf", pdf)}));
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].original_name, "passwd");
  EXPECT_EQ(files[1].original_name, "relevé bac.pdf");
  EXPECT_EQ(files[2].original_name, "cv \"final\".pdf");
  for (const ReceivedFile& file : files) {
    EXPECT_TRUE(std::regex_match(file.storage_key, std::regex("files/[0-9a-f]{2}/[0-9a-f]{32}")))
        << file.storage_key;
    EXPECT_EQ(store_.Read(file.storage_key), pdf);
  }
  for (const std::string& path : FilesIn(dir_.path()))
    EXPECT_EQ(path.find("passwd"), std::string::npos) << path;
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(dir_.path()).parent_path() / "etc"));
}

TEST_F(ReceiveMultipartTest, ANearlyFullDiskIsStorageFullWithRetryAfterBeforeReading) {
  std::string body = Body({File("releve.pdf", SmallPdf("Relevé"))});
  UploadLimits limits;
  limits.min_free_bytes = std::numeric_limits<std::uint64_t>::max();
  std::istringstream in(body);
  try {
    ReceiveMultipart(in, ContentType(), body.size(), PieceRules{}, limits, store_);
    FAIL() << "accepted";
  } catch (const ClientError& error) {
    EXPECT_STREQ(error.code_name(), "storage_full");
    EXPECT_EQ(error.retry_after(), 120);
  }
  EXPECT_EQ(in.tellg(), 0);
  EXPECT_TRUE(FilesIn(dir_.path()).empty());
}

}  // namespace
}  // namespace dossier
