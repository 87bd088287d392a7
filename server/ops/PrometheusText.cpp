#include "server/ops/PrometheusText.h"

#include <cmath>
#include <cstdio>

namespace dossier {
namespace {

std::string Escaped(const std::string& value) {
  std::string text;
  for (char c : value) {
    if (c == '\\')
      text += "\\\\";
    else if (c == '"')
      text += "\\\"";
    else if (c == '\n')
      text += "\\n";
    else
      text += c;
  }
  return text;
}

std::string HelpEscaped(const std::string& help) {
  std::string text;
  for (char c : help) text += c == '\\' ? "\\\\" : c == '\n' ? "\\n" : std::string(1, c);
  return text;
}

}  // namespace

void PrometheusText::Family(const std::string& name, const std::string& type,
                            const std::string& help) {
  text_ += "# HELP " + name + " " + HelpEscaped(help) + "\n";
  text_ += "# TYPE " + name + " " + type + "\n";
}

void PrometheusText::Sample(const std::string& name, std::int64_t value, const Labels& labels) {
  Line(name, labels, std::to_string(value));
}

void PrometheusText::Sample(const std::string& name, double value, const Labels& labels) {
  if (std::isnan(value)) return Line(name, labels, "NaN");
  if (std::isinf(value)) return Line(name, labels, value > 0 ? "+Inf" : "-Inf");
  char text[64];
  std::snprintf(text, sizeof text, "%.6g", value);
  Line(name, labels, text);
}

void PrometheusText::Line(const std::string& name, const Labels& labels, const std::string& value) {
  text_ += name;
  if (!labels.empty()) {
    text_ += "{";
    for (std::size_t i = 0; i < labels.size(); ++i)
      text_ += (i ? "," : "") + labels[i].first + "=\"" + Escaped(labels[i].second) + "\"";
    text_ += "}";
  }
  text_ += " " + value + "\n";
}

}  // namespace dossier
