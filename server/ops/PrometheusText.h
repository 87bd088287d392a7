#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace dossier {

// Prometheus text exposition format 0.0.4: families announced by their
// "# HELP" and "# TYPE" lines, then one `name{labels} value` line per
// sample. Label values are escaped as the format asks (\\, \", \n).
class PrometheusText {
 public:
  using Labels = std::vector<std::pair<std::string, std::string>>;

  // type: "counter", "gauge" or "histogram".
  void Family(const std::string& name, const std::string& type, const std::string& help);
  void Sample(const std::string& name, std::int64_t value, const Labels& labels = {});
  void Sample(const std::string& name, double value, const Labels& labels = {});

  const std::string& str() const { return text_; }

 private:
  void Line(const std::string& name, const Labels& labels, const std::string& value);
  std::string text_;
};

// What /metrics answers with.
inline constexpr const char* kPrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

}  // namespace dossier
