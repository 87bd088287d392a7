#pragma once

#include <cstdint>
#include <string>

namespace dossier {

// Sizes as candidates read them in the guides: "10,2 Mo", "850 ko".
// 1 Mo = 1 000 000 octets, so a file under "2 Mo" here is under the limit
// whichever definition the establishment uses.
std::string FrenchSize(std::uint64_t bytes);

// "1 page", "3 pages".
std::string FrenchPages(int pages);

}  // namespace dossier
