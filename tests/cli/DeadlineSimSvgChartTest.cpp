// deadline-sim's chart: a well-formed SVG document holding every series.
#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/NodeList.h>
#include <gtest/gtest.h>

#include "bench/deadline-sim/MultipartBody.h"
#include "bench/deadline-sim/SvgChart.h"

namespace dossier::sim {
namespace {

SvgChart TwoPanels() {
  SvgChart chart("Run <1> & co", "seconds");
  chart.AddPanel({"Dossiers",
                  "dossiers",
                  {{"arrived", "#1f77b4", {{0, 0}, {1, 5}, {2, 9}}},
                   {"completed", "#2ca02c", {{0, 0}, {2, 4}}}}});
  chart.AddPanel({"Queue", "jobs", {{"queue depth", "#d62728", {{0, 3}, {1, 12}, {2, 0}}}}});
  return chart;
}

TEST(DeadlineSimSvgChart, IsWellFormedXmlWithEverySeries) {
  std::string svg = TwoPanels().Render();
  Poco::XML::DOMParser parser;
  Poco::AutoPtr<Poco::XML::Document> document = parser.parseString(svg);
  EXPECT_EQ(document->documentElement()->nodeName(), "svg");
  Poco::AutoPtr<Poco::XML::NodeList> lines = document->getElementsByTagName("polyline");
  EXPECT_EQ(lines->length(), 3u);
  EXPECT_NE(svg.find("Run &lt;1&gt; &amp; co"), std::string::npos);
  EXPECT_NE(svg.find(">queue depth<"), std::string::npos);
}

TEST(DeadlineSimSvgChart, EmptyChartIsStillAnSvg) {
  Poco::XML::DOMParser parser;
  SvgChart chart("empty", "s");
  chart.AddPanel({"nothing", "n", {}});
  EXPECT_NO_THROW(parser.parseString(chart.Render()));
}

TEST(DeadlineSimSvgChart, NiceSteps) {
  EXPECT_DOUBLE_EQ(NiceStep(100, 10), 10);
  EXPECT_DOUBLE_EQ(NiceStep(170, 4), 50);
  EXPECT_DOUBLE_EQ(NiceStep(7, 4), 2);
  EXPECT_DOUBLE_EQ(NiceStep(0, 4), 1);
}

TEST(DeadlineSimMultipart, OneFilePartPerFileInOrder) {
  std::string body = MultipartBody({{"a.pdf", "%PDF-1"}, {"b.jpg", "JPEG"}}, "XyZ");
  EXPECT_EQ(MultipartContentType("XyZ"), "multipart/form-data; boundary=XyZ");
  std::size_t first =
      body.find("filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1\r\n");
  std::size_t second = body.find("filename=\"b.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nJPEG\r\n");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_EQ(body.rfind("--XyZ--\r\n"), body.size() - 9);
  EXPECT_EQ(body.rfind("--XyZ\r\n", 0), 0u);
}

}  // namespace
}  // namespace dossier::sim
