#ifndef DISCOVERY_CLIBEDIT_SHIM_H
#define DISCOVERY_CLIBEDIT_SHIM_H
// libedit's el_set, el_get and history() are variadic and cannot be called from Swift:
// every use goes through one static inline wrapper here.
#include <histedit.h>
#include <stdio.h>
#include <locale.h>

static inline FILE *discovery_stdin(void) { return stdin; }
static inline FILE *discovery_stdout(void) { return stdout; }
static inline FILE *discovery_stderr(void) { return stderr; }

#endif
