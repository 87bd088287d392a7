#pragma once

namespace dossier::bench {

// Registers the INE check benchmarks: `IneCheck/<case>` (CheckIne on the
// pièce's output PDF, one reused IneReader) and, for the image cases,
// `WholePageTesseract/<case>[_300dpi]` (plain Tesseract on the whole page,
// the peer). Cases: text_pdf, scan (300 dpi grey), phone_photo. Their inputs
// are built on first use, outside the timed loops, so that a run filtering
// them out pays nothing. Call once from main(), after libvips is started and
// before RunSpecifiedBenchmarks().
void RegisterIneCheckBenchmarks();

}  // namespace dossier::bench
