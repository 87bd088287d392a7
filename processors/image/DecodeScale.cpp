#include "processors/image/DecodeScale.h"

#include <initializer_list>

namespace dossier {

int JpegShrinkFactor(double effective_dpi, int target_dpi, int floor_dpi) {
  if (effective_dpi <= target_dpi) return 1;
  int above_target = 1;
  // A page measured at 599.9 dpi is a 600-dpi scan: 1 % of slack on the floor.
  double floor = floor_dpi * 0.99;
  for (int factor : {2, 4, 8}) {
    double dpi = effective_dpi / factor;
    if (dpi <= target_dpi && dpi >= floor) return factor;
    if (dpi > target_dpi) above_target = factor;
  }
  return above_target;
}

}  // namespace dossier
