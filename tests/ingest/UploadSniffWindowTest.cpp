// SniffWindow: Sniff must judge a streamed upload from its sampled ends
// exactly as it judges the whole file, however the bytes are chunked.
#include <gtest/gtest.h>

#include <random>

#include "core/sniff/Sniff.h"
#include "ingest/upload/SniffWindow.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/DocxLike.h"
#include "tests/fixtures/PlainZip.h"
#include "tests/fixtures/PngScan.h"
#include "tests/fixtures/Truncated.h"

namespace dossier {
namespace {

SniffResult SniffStreamed(const std::string& bytes, std::size_t chunk) {
  SniffWindow window;
  for (std::size_t at = 0; at < bytes.size(); at += chunk)
    window.Append(bytes.data() + at, std::min(chunk, bytes.size() - at));
  return Sniff(window.Bytes());
}

// A PDF of `size` bytes whose %%EOF sits `from_end` bytes before its end.
std::string PdfWithEofAt(std::size_t size, std::size_t from_end) {
  std::mt19937 random(3);
  std::string pdf = "%PDF-1.4\n";
  while (pdf.size() < size - from_end - 6) pdf += static_cast<char>('a' + random() % 26);
  pdf += "%%EOF\n";
  pdf.append(from_end, ' ');
  return pdf;
}

TEST(UploadSniffWindow, JudgesLikeSniffOnTheWholeFileForEveryChunking) {
  std::vector<std::string> files = {
      fixtures::BornDigitalPdf({{"Lettre de motivation", "Madame, Monsieur,"}}),
      fixtures::PngScan({"Carte d'identité"}),
      fixtures::Truncated(fixtures::PngScan({"Carte d'identité"}), 0.5),
      fixtures::DocxLike(),
      fixtures::PlainZip(),
      PdfWithEofAt(100'000, 2000),  // %%EOF just inside the 2 KiB tail Sniff reads
      PdfWithEofAt(100'000, 2100),  // just outside it: truncated, as for the whole file
      PdfWithEofAt(9000, 10),       // between head and head + tail
      std::string("short text\n"),
  };
  for (std::size_t i = 0; i < files.size(); ++i) {
    SniffResult whole = Sniff(files[i]);
    for (std::size_t chunk : {1u, 7u, 4096u, 65536u}) {
      SniffResult streamed = SniffStreamed(files[i], chunk);
      EXPECT_EQ(streamed.kind, whole.kind) << "file " << i << ", chunk " << chunk;
      EXPECT_EQ(streamed.truncated, whole.truncated) << "file " << i << ", chunk " << chunk;
    }
  }
  EXPECT_TRUE(Sniff(PdfWithEofAt(100'000, 2100)).truncated);
  EXPECT_FALSE(Sniff(PdfWithEofAt(100'000, 2000)).truncated);
}

TEST(UploadSniffWindow, HoldsNoMoreThanHeadAndTail) {
  std::string big(5'000'000, 'x');
  SniffWindow window;
  for (std::size_t at = 0; at < big.size(); at += 65536)
    window.Append(big.data() + at, std::min<std::size_t>(65536, big.size() - at));
  EXPECT_EQ(window.Bytes().size(), SniffWindow::kHeadBytes + SniffWindow::kTailBytes);
}

}  // namespace
}  // namespace dossier
