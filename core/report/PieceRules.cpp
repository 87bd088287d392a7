#include "core/report/PieceRules.h"

#include <algorithm>

namespace dossier {

bool PieceRules::Accepts(const std::string& format_code) const {
  return std::find(formats.begin(), formats.end(), format_code) != formats.end();
}

}  // namespace dossier
