#pragma once

#include <podofo/podofo.h>

#include <string>
#include <vector>

namespace dossier {

// What a PDF may run, launch, send or fetch when it is opened or clicked,
// by stable machine code, for the report: `javascript`, `launch`,
// `embedded_file`, `xfa`, `rich_media` (RichMedia, Movie, Sound, Screen, 3D),
// `submit_form`, `import_data`, `reset_form`, `hide`, `remote_goto` (GoToR,
// GoToE), `link` (URI actions), `action` (any other action type but GoTo,
// Named, Thread, SetOCGState and Trans). Sorted, each code once.
using ActiveContentKinds = std::vector<std::string>;

// Removes every piece of active content from `doc`: the catalog's
// /JavaScript and /EmbeddedFiles name trees, /OpenAction and /AA actions of
// the catalog and pages, annotations' and form fields' actions (whole /Next
// chains), outline items' actions, /XFA, and the FileAttachment and media
// annotations themselves. A link keeps its annotation (its border, its
// place) and loses its URI action: the address stays readable on the page,
// a click goes nowhere. What is no longer referenced is dropped from the
// document, so that a merge does not carry it along. Returns what it
// removed.
ActiveContentKinds RemoveActiveContent(PoDoFo::PdfMemDocument& doc);

// What RemoveActiveContent would remove, leaving `doc` untouched (a signed
// PDF must stay byte for byte).
ActiveContentKinds FindActiveContent(PoDoFo::PdfMemDocument& doc);

}  // namespace dossier
