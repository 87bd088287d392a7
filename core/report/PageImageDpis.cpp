#include <algorithm>

#include "core/report/PieceReport.h"

namespace dossier {

std::vector<double> PageImageDpis(const PieceReport& report) {
  std::vector<double> dpi(static_cast<std::size_t>(std::max(report.pages, 0)), 0.0);
  for (const InputReport& input : report.inputs)
    for (const ImageStat& image : input.images)
      if (image.page >= 1 && image.page <= report.pages)
        dpi[image.page - 1] = std::max(dpi[image.page - 1], image.dpi_after);
  return dpi;
}

}  // namespace dossier
