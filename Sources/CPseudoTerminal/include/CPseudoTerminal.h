#ifndef DISCOVERY_CPSEUDOTERMINAL_H
#define DISCOVERY_CPSEUDOTERMINAL_H
#include <sys/types.h>

/// Spawns argv[0] (a path) on a new pseudo-terminal in its own session, with an emptied
/// signal mask. Returns the child's pid and stores the master side in *master_fd; -1 on error.
pid_t discovery_pty_spawn(const char *path, char *const argv[], char *const envp[],
                          unsigned short rows, unsigned short cols, int *master_fd);

#endif
