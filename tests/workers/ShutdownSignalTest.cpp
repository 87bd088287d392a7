// SIGTERM for a worker: held until the worker looks, never a sudden death.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "workers/run/ShutdownSignal.h"

namespace dossier {
namespace {

TEST(ShutdownSignal, SigtermIsHeldUntilAskedFor) {
  ShutdownSignal shutdown;
  EXPECT_FALSE(shutdown.Requested());
  EXPECT_FALSE(shutdown.WaitFor(std::chrono::milliseconds(1)));
  raise(SIGTERM);  // to this thread: blocked, so pending, not fatal
  EXPECT_TRUE(shutdown.Requested());
  EXPECT_TRUE(shutdown.WaitFor(std::chrono::seconds(60)));  // at once
  EXPECT_TRUE(shutdown.Requested());                        // and it stays asked
}

TEST(ShutdownSignal, WaitWakesOnSigtermAndTheProcessEndsCleanly) {
  // In a child of its own: the signal comes from outside, as from a
  // supervisor, while the child sleeps in WaitFor.
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    int code = 1;
    {
      ShutdownSignal shutdown;
      char byte = 'r';
      (void)!write(ready[1], &byte, 1);
      code = shutdown.WaitFor(std::chrono::seconds(60)) ? 0 : 2;
    }  // the pending signal is dropped, not delivered, when the mask comes back
    _exit(code);
  }
  char byte = 0;
  ASSERT_EQ(read(ready[0], &byte, 1), 1);
  kill(child, SIGTERM);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status)) << "ended by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 0);
  close(ready[0]);
  close(ready[1]);
}

}  // namespace
}  // namespace dossier
