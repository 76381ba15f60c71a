#define _GNU_SOURCE
#include "CPseudoTerminal.h"
#include <pty.h>
#include <spawn.h>
#include <signal.h>
#include <unistd.h>
#include <fcntl.h>
#include <termios.h>
#include <sys/ioctl.h>

pid_t discovery_pty_spawn(const char *path, char *const argv[], char *const envp[],
                          unsigned short rows, unsigned short cols, int *master_fd) {
    int master = -1, slave = -1;
    struct winsize ws = { .ws_row = rows, .ws_col = cols };
    if (openpty(&master, &slave, NULL, NULL, &ws) != 0) return -1;
    fcntl(master, F_SETFD, FD_CLOEXEC);

    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attr);
    // The child is a new session leader (POSIX_SPAWN_SETSID runs before the file actions), so
    // opening the slave by name, without O_NOCTTY, makes it the controlling terminal: Ctrl-C
    // typed on the master then reaches the child as SIGINT.
    char name[128];
    if (ttyname_r(slave, name, sizeof name) != 0) { close(master); close(slave); return -1; }
    posix_spawn_file_actions_addclose(&actions, master);
    posix_spawn_file_actions_addclose(&actions, slave);
    posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0);
    posix_spawn_file_actions_adddup2(&actions, 0, 1);
    posix_spawn_file_actions_adddup2(&actions, 0, 2);

    sigset_t empty, all;
    sigemptyset(&empty);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attr, &empty);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    pid_t pid = -1;
    int rc = posix_spawn(&pid, path, &actions, &attr, argv, envp);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    close(slave);
    if (rc != 0) { close(master); return -1; }
    *master_fd = master;
    return pid;
}
