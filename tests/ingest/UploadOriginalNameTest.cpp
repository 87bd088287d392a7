// CleanOriginalName and ContentDisposition: what a browser calls a file is
// kept as data only, and must fit the `fichier.original_name` column as
// valid UTF-8 (MariaDB refuses invalid bytes in strict mode).
#include <gtest/gtest.h>

#include "ingest/upload/ContentDisposition.h"
#include "ingest/upload/OriginalName.h"

namespace dossier {
namespace {

bool ValidUtf8(const std::string& text) {
  for (std::size_t at = 0; at < text.size();) {
    auto lead = static_cast<unsigned char>(text[at]);
    std::size_t length = lead < 0x80    ? 1
                         : lead >= 0xF0 ? 4
                         : lead >= 0xE0 ? 3
                         : lead >= 0xC2 ? 2
                                        : 0;
    if (length == 0 || at + length > text.size()) return false;
    for (std::size_t i = 1; i < length; ++i)
      if ((static_cast<unsigned char>(text[at + i]) & 0xC0) != 0x80) return false;
    at += length;
  }
  return true;
}

TEST(UploadOriginalName, KeepsOnlyTheLastPathComponent) {
  EXPECT_EQ(CleanOriginalName("../../etc/passwd"), "passwd");
  EXPECT_EQ(CleanOriginalName("C:\\Users\\Léa\\Documents\\relevé.pdf"), "relevé.pdf");
  EXPECT_EQ(CleanOriginalName("scan.jpg"), "scan.jpg");
  EXPECT_EQ(CleanOriginalName("dossier/"), "");
  EXPECT_EQ(CleanOriginalName(".."), "");
}

TEST(UploadOriginalName, DropsControlCharactersAndRepairsInvalidUtf8) {
  EXPECT_EQ(CleanOriginalName("bul\x01le\ttin\r\n.pdf"), "bulletin.pdf");
  EXPECT_EQ(CleanOriginalName("a\xC2\x85"
                              "b.pdf"),
            "ab.pdf");  // U+0085, a C1 control
  EXPECT_EQ(CleanOriginalName("rel\xE9v\xE9.pdf"), "rel\xEF\xBF\xBDv\xEF\xBF\xBD.pdf");  // Latin-1
  EXPECT_EQ(CleanOriginalName("\xED\xA0\x80.pdf"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD.pdf");
  EXPECT_TRUE(ValidUtf8(CleanOriginalName("\xF8\x88\x80\x80\x80 \xC0\xAF x.pdf")));
}

TEST(UploadOriginalName, CapsAt255BytesOnACharacterBoundary) {
  std::string long_name;
  for (int i = 0; i < 200; ++i) long_name += "é";  // 2 bytes each
  std::string clean = CleanOriginalName(long_name + ".pdf");
  EXPECT_EQ(clean.size(), 254u);
  EXPECT_TRUE(ValidUtf8(clean));
  EXPECT_EQ(CleanOriginalName(std::string(300, 'a')).size(), 255u);
}

TEST(UploadOriginalName, ContentDispositionReadsNamesAsBrowsersWriteThem) {
  ContentDisposition file = ContentDisposition::Parse(
      "form-data; name=\"file\"; filename=\"C:\\fakepath\\cv %22final%22.pdf\"");
  EXPECT_EQ(file.name, "file");
  EXPECT_TRUE(file.has_filename);
  EXPECT_EQ(file.filename, "C:\\fakepath\\cv \"final\".pdf");
  EXPECT_EQ(CleanOriginalName(file.filename), "cv \"final\".pdf");

  ContentDisposition semicolon =
      ContentDisposition::Parse("form-data; FILENAME=\"a;b.pdf\" ; Name=file");
  EXPECT_EQ(semicolon.name, "file");
  EXPECT_EQ(semicolon.filename, "a;b.pdf");

  ContentDisposition field = ContentDisposition::Parse("form-data; name=\"comment\"");
  EXPECT_EQ(field.name, "comment");
  EXPECT_FALSE(field.has_filename);
}

}  // namespace
}  // namespace dossier
