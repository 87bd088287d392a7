#pragma once

#include <string>
#include <string_view>

namespace dossier {

// Appends one field of a ";"-separated CSV line as spreadsheets read it
// (RFC 4180 with ";"): quoted, its quotes doubled, when it holds ; " CR or
// LF; and, against formula injection (a cell that a spreadsheet would run),
// prefixed with ' when it starts with = + - @ TAB or CR.
void AppendCsvField(std::string& line, std::string_view field);

}  // namespace dossier
