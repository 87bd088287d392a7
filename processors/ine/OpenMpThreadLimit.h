#pragma once

namespace dossier {

// Tesseract runs its LSTM loops on OpenMP threads, and on a busy machine
// they fight each other: 3 to 5 times slower on 2 cores. OMP_THREAD_LIMIT=1
// stops that, but libgomp reads it only once, when it is loaded, before
// main() runs. So a program that may run Tesseract calls this first thing in
// main(): when the variable is missing it is set and the program re-executes
// itself with the same arguments; when it is present this returns at once.
// An explicit OMP_THREAD_LIMIT from the caller is left alone.
void EnsureOpenMpThreadLimit(char** argv);

}  // namespace dossier
