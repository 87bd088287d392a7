#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace dossier {

class DossierPdf;

// Several dossiers in one ZIP, written on `out` as each is ready, so that
// the first one leaves before the last one is assembled: "{id}.pdf" (the
// bytes DossierPdf serves, cached or assembled now, copied in fixed-size
// blocks), or "{id}-erreur.txt" saying in French why that dossier could not
// be had, and the archive goes on.
class DossierArchive {
 public:
  // `reader_left`: asked before each dossier; true stops the work (nobody
  // would read the rest).
  DossierArchive(DossierPdf& dossiers, std::function<bool()> reader_left);

  // The dossiers of `ids`, in that order (ids known to exist). False when
  // the archive stopped before its end: the reader left, or `out` failed.
  bool Write(const std::vector<std::string>& ids, std::ostream& out);

 private:
  DossierPdf& dossiers_;
  std::function<bool()> reader_left_;
};

}  // namespace dossier
