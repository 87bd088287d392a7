#pragma once

namespace dossier {

// The JPEG shrink-on-load factor (1, 2, 4 or 8) for an image shown at
// `effective_dpi`: the smallest factor whose result lands between `floor_dpi`
// and `target_dpi`, so that most images need no resize at all; when none
// does, the largest factor that stays above the target (a resize follows).
int JpegShrinkFactor(double effective_dpi, int target_dpi, int floor_dpi);

}  // namespace dossier
