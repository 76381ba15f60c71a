#ifndef DISCOVERY_CLINEINPUT_H
#define DISCOVERY_CLINEINPUT_H
// Ctrl-C for the line editor: the SIGINT handler, its flag and a key reader that cannot miss
// it. They share state with a signal handler, so they live in one C file (line_input.c).
#include <wchar.h>

/// Installs the SIGINT handler (it only sets a flag) without SA_RESTART, and unblocks SIGINT
/// and SIGTERM (test runners hand their children a mask that blocks them). 0 on success.
int discovery_install_sigint(void);

/// 1 when SIGINT arrived since the last call; clears the flag.
int discovery_take_sigint(void);

/// A key reader for libedit's EL_GETCFN (its signature is `el_rfunc_t`; the EditLine is
/// unused). Reads one character from standard input: 1 with `*key` set, 0 at end of input,
/// -1 with errno set, EINTR when Ctrl-C was pressed.
int discovery_read_key(void *editline, wchar_t *key);

#endif
