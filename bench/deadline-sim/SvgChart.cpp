#include "bench/deadline-sim/SvgChart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dossier::sim {
namespace {

constexpr double kWidth = 960;
constexpr double kLeft = 80;
constexpr double kRight = 30;
constexpr double kPanelHeight = 230;
constexpr double kPlotHeight = 170;
constexpr double kTitleHeight = 40;
constexpr double kBottom = 50;

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  std::string out = text;
  if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0) out.resize(out.size() - 2);
  return out;
}

std::string Text(double x, double y, const std::string& text, const std::string& extra = "") {
  return "<text x=\"" + Number(x) + "\" y=\"" + Number(y) + "\" " + extra + ">" + XmlEscaped(text) +
         "</text>\n";
}

std::string Line(double x1, double y1, double x2, double y2, const std::string& style) {
  return "<line x1=\"" + Number(x1) + "\" y1=\"" + Number(y1) + "\" x2=\"" + Number(x2) +
         "\" y2=\"" + Number(y2) + "\" " + style + "/>\n";
}

double MaxY(const ChartPanel& panel) {
  double max_y = 0;
  for (const ChartSeries& series : panel.series)
    for (const auto& point : series.points) max_y = std::max(max_y, point[1]);
  return max_y > 0 ? max_y : 1;
}

}  // namespace

double NiceStep(double range, int ticks) {
  if (range <= 0 || ticks <= 0) return 1;
  double rough = range / ticks;
  double power = std::pow(10.0, std::floor(std::log10(rough)));
  for (double factor : {1.0, 2.0, 5.0})
    if (factor * power >= rough) return factor * power;
  return 10 * power;
}

std::string XmlEscaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

double SvgChart::MaxX() const {
  double max_x = 0;
  for (const ChartPanel& panel : panels_)
    for (const ChartSeries& series : panel.series)
      for (const auto& point : series.points) max_x = std::max(max_x, point[0]);
  return max_x > 0 ? max_x : 1;
}

std::string SvgChart::RenderPanel(const ChartPanel& panel, double top, double max_x) const {
  const double plot_top = top + 25, plot_bottom = plot_top + kPlotHeight;
  const double plot_width = kWidth - kLeft - kRight;
  double step_y = NiceStep(MaxY(panel), 4);
  double top_y = std::ceil(MaxY(panel) / step_y) * step_y;
  auto x_of = [&](double x) { return kLeft + x / max_x * plot_width; };
  auto y_of = [&](double y) { return plot_bottom - y / top_y * kPlotHeight; };
  std::string svg = Text(kLeft, top + 15, panel.title, "font-weight=\"bold\"");
  svg += Text(14, (plot_top + plot_bottom) / 2, panel.y_label,
              "transform=\"rotate(-90 14 " + Number((plot_top + plot_bottom) / 2) +
                  ")\" text-anchor=\"middle\"");
  for (double y = 0; y <= top_y + step_y / 2; y += step_y) {
    svg += Line(kLeft, y_of(y), kWidth - kRight, y_of(y), "stroke=\"#ddd\"");
    svg += Text(kLeft - 6, y_of(y) + 4, Number(y), "text-anchor=\"end\"");
  }
  double step_x = NiceStep(max_x, 10);
  for (double x = 0; x <= max_x + 1e-9; x += step_x) {
    svg += Line(x_of(x), plot_top, x_of(x), plot_bottom, "stroke=\"#eee\"");
    svg += Text(x_of(x), plot_bottom + 15, Number(x), "text-anchor=\"middle\"");
  }
  svg += Line(kLeft, plot_bottom, kWidth - kRight, plot_bottom, "stroke=\"#333\"");
  svg += Line(kLeft, plot_top, kLeft, plot_bottom, "stroke=\"#333\"");
  double legend_y = top + 15;
  for (const ChartSeries& series : panel.series) {
    std::string points;
    for (const auto& point : series.points)
      points += Number(x_of(point[0])) + "," + Number(y_of(point[1])) + " ";
    svg += "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" + XmlEscaped(series.color) +
           "\" points=\"" + points + "\"><title>" + XmlEscaped(series.name) +
           "</title></polyline>\n";
    svg += Line(kWidth - kRight - 220, legend_y - 4, kWidth - kRight - 200, legend_y - 4,
                "stroke-width=\"3\" stroke=\"" + XmlEscaped(series.color) + "\"");
    svg += Text(kWidth - kRight - 195, legend_y, series.name);
    legend_y += 15;
  }
  return svg;
}

std::string SvgChart::Render() const {
  double height = kTitleHeight + kPanelHeight * static_cast<double>(panels_.size()) + kBottom;
  std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Number(kWidth) + "\" height=\"" +
         Number(height) + "\" viewBox=\"0 0 " + Number(kWidth) + " " + Number(height) +
         "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  svg +=
      Text(kWidth / 2, 24, title_, "text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\"");
  double max_x = MaxX(), top = kTitleHeight;
  for (const ChartPanel& panel : panels_) {
    svg += RenderPanel(panel, top, max_x);
    top += kPanelHeight;
  }
  svg += Text(kWidth / 2, top + 10, x_label_, "text-anchor=\"middle\"");
  return svg + "</svg>\n";
}

}  // namespace dossier::sim
