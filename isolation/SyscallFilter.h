#pragma once

namespace dossier {

// Installs a seccomp filter on the calling (single-threaded) process that
// makes the dangerous system calls fail with EPERM: opening or using
// sockets (socket, connect, bind, listen, accept), exec, ptrace and reading
// other processes' memory, mounts and namespaces, keys, bpf, perf, kernel
// modules, io_uring (which would bypass the filter), userfaultfd, handles
// to files by inode, clock and host settings, TIOCSTI. clone3 answers
// ENOSYS so that threads are made by clone, whose flags the filter can see
// and which may then not create namespaces. Every other call is allowed:
// libvips, poppler, fontconfig and Tesseract use many, and a call missing
// from an allow-list would turn good documents into crashes. The filter is
// inherited by threads created afterwards and cannot be removed. Throws
// std::runtime_error when it cannot be installed.
void DenyDangerousSyscalls();

}  // namespace dossier
