#pragma once

#include <Poco/Dynamic/Var.h>

namespace dossier {

// A number written with exactly `decimals` decimals ("12.0", "0.87", "300"),
// as the report has always shown its measures; null when not finite. Poco
// alone writes the shortest form ("12"), which some readers take for an
// integer. Reads back as a double.
Poco::Dynamic::Var JsonDecimal(double value, int decimals);

}  // namespace dossier
