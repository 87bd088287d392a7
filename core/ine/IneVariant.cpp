#include "core/ine/IneVariant.h"

namespace dossier {

const char* IneVariantCode(IneVariant variant) {
  switch (variant) {
    case IneVariant::Rnie:
      return "rnie";
    case IneVariant::Bea:
      return "bea";
    case IneVariant::Base36:
      return "base36";
    case IneVariant::Apprenti:
      return "apprenti";
  }
  return "unknown";  // not reached: the switch names every variant
}

const char* IneVariantPattern(IneVariant variant) {
  switch (variant) {
    case IneVariant::Rnie:
      return "DDDDDDDDDRR";
    case IneVariant::Bea:
      return "DDDDDDDDDDL";
    case IneVariant::Base36:
      return "XXXXXXXXXXD";
    case IneVariant::Apprenti:
      return "DDDDADDDDDL";
  }
  return "";  // not reached: the switch names every variant
}

}  // namespace dossier
