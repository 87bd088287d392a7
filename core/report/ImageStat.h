#pragma once

#include <cstdint>
#include <string>

namespace dossier {

// What the pipeline did to one image: an uploaded photo or scan, or an image
// inside an uploaded PDF. One row of the report.
struct ImageStat {
  int page = 0;        // 1-based page of the output
  std::string action;  // embedded | downsampled | reencoded | lossless | kept
  double dpi_before = 0;
  double dpi_after = 0;
  int width_before = 0, height_before = 0;
  int width_after = 0, height_after = 0;
  std::uint64_t bytes_before = 0;
  std::uint64_t bytes_after = 0;
};

}  // namespace dossier
