#include "core/json/JsonDecimal.h"

#include <Poco/Dynamic/VarHolder.h>

#include <cmath>
#include <cstdio>
#include <string>

namespace dossier {
namespace {

struct FixedDecimal {
  double value = 0;
  int decimals = 0;
};

}  // namespace
}  // namespace dossier

namespace Poco::Dynamic {

// Poco's stringifier writes a value that is neither a string, an object nor
// an array as its conversion to text: this one gives the fixed decimals.
template <>
class VarHolderImpl<dossier::FixedDecimal> : public VarHolder {
 public:
  explicit VarHolderImpl(const dossier::FixedDecimal& number) : number_(number) {}
  const std::type_info& type() const override { return typeid(dossier::FixedDecimal); }
  VarHolder* clone(Placeholder<VarHolder>* holder = nullptr) const override {
    return cloneHolder(holder, number_);
  }
  void convert(std::string& text) const override {
    char digits[64];
    std::snprintf(digits, sizeof digits, "%.*f", number_.decimals, number_.value);
    text = digits;
  }
  void convert(double& value) const override { value = number_.value; }
  bool isNumeric() const override { return true; }
  const dossier::FixedDecimal& value() const { return number_; }

 private:
  dossier::FixedDecimal number_;
};

}  // namespace Poco::Dynamic

namespace dossier {

Poco::Dynamic::Var JsonDecimal(double value, int decimals) {
  if (!std::isfinite(value)) return Poco::Dynamic::Var();
  return Poco::Dynamic::Var(FixedDecimal{value, decimals});
}

}  // namespace dossier
