// A small line chart written as SVG by hand: panels stacked vertically that
// share the time axis, each with its own y axis, ticks and legend.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace dossier::sim {

struct ChartSeries {
  std::string name;                           // legend
  std::string color;                          // any SVG colour, e.g. "#1f77b4"
  std::vector<std::array<double, 2>> points;  // [x, y], x increasing
};

struct ChartPanel {
  std::string title;
  std::string y_label;
  std::vector<ChartSeries> series;
};

class SvgChart {
 public:
  SvgChart(std::string title, std::string x_label)
      : title_(std::move(title)), x_label_(std::move(x_label)) {}

  void AddPanel(ChartPanel panel) { panels_.push_back(std::move(panel)); }
  std::string Render() const;

 private:
  double MaxX() const;
  std::string RenderPanel(const ChartPanel& panel, double top, double max_x) const;

  std::string title_;
  std::string x_label_;
  std::vector<ChartPanel> panels_;
};

// Round tick step for a range: 1, 2 or 5 times a power of ten, about `ticks` per range.
double NiceStep(double range, int ticks);

// Text with & < > " escaped for XML.
std::string XmlEscaped(const std::string& text);

}  // namespace dossier::sim
