#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// The INE-shaped tokens in a line or a page of text (a text layer or OCR
// output), normalised (see NormaliseIne), in order of appearance, without
// duplicates. A token is 11 characters that fit an INE shape once OCR
// look-alikes stand for one another (see HasIneShape), with more true digits than
// look-alikes; keys are not checked, so a misread INE is still found.
//
// It may be written in groups separated by single spaces or dots
// ("1234 567 890 V", "12345 67890V"). Groups are joined only when each one but
// the last has at least 3 characters, each holds a digit (the last may be 1-2
// letters instead), and no all-digit group touches the run on the left (or on
// the right when it ends in digits): dates, grades, phone numbers and longer
// numbers (SIRET, IBAN) are not cut into INEs. A run of digits right after
// '+' is a phone number.
std::vector<std::string> FindIneTokens(std::string_view text);

// True when the line carries an INE label as whole words, in any case:
// « INE », « N° INE », « No INE », « identifiant national (étudiant, élève) »,
// « BEA ». "MACHINE" or "LINEAIRE" are not labels.
bool HasIneAnchor(std::string_view line);

}  // namespace dossier
