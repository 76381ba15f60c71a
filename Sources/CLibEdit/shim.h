#ifndef DISCOVERY_CLIBEDIT_SHIM_H
#define DISCOVERY_CLIBEDIT_SHIM_H
// libedit's el_set, el_get and history() are variadic and cannot be called from Swift:
// every use goes through one static inline wrapper here, as do the C globals Swift 6 refuses
// (the standard streams). State shared with a signal handler lives in CLineInput, one C file:
// a static in this header would be copied into every Swift file that uses it.
#include <histedit.h>
#include <stdio.h>
#include <string.h>
#include <locale.h>
#include <langinfo.h>
#include <errno.h>

static inline FILE *discovery_stdin(void) { return stdin; }
static inline FILE *discovery_stdout(void) { return stdout; }
static inline FILE *discovery_stderr(void) { return stderr; }
static inline int discovery_errno(void) { return errno; }

// MARK: locale

/// Sets LC_CTYPE from the environment, falling back to C.UTF-8 when that gives no UTF-8
/// codeset (LANG unset): libedit drops non-ASCII input in the C locale. Returns 1 when the
/// resulting codeset is UTF-8.
static inline int discovery_setlocale_utf8(void) {
    setlocale(LC_CTYPE, "");
    const char *cs = nl_langinfo(CODESET);
    if (cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0)) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") || setlocale(LC_CTYPE, "C.utf8")) return 1;
    return 0;
}

// MARK: el_set / el_get

/// Replaces libedit's key reader (see CLineInput's `discovery_read_key`).
static inline int discovery_el_set_read_key(EditLine *el, el_rfunc_t reader) {
    return el_set(el, EL_GETCFN, reader);
}

typedef char *(*discovery_prompt_fn)(EditLine *);
typedef unsigned char (*discovery_el_fn)(EditLine *, int);

static inline int discovery_el_set_prompt(EditLine *el, discovery_prompt_fn fn) {
    return el_set(el, EL_PROMPT, fn);
}
static inline int discovery_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int discovery_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
static inline int discovery_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int discovery_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *discovery_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}
static inline int discovery_el_addfn(EditLine *el, const char *name, const char *help, discovery_el_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
/// Binds one key sequence (e.g. "^I", "^R") to a named editor function.
static inline int discovery_el_bind(EditLine *el, const char *key, const char *fn) {
    return el_set(el, EL_BIND, key, fn, NULL);
}
/// Puts the terminal in libedit's raw mode now (1) or back to cooked (0): `el_gets` itself
/// switches only after it has drawn the prompt, so a key typed the moment the prompt shows
/// would be taken by the kernel in cooked mode.
static inline int discovery_el_prep_term(EditLine *el, int raw) {
    return el_set(el, EL_PREP_TERM, raw);
}
static inline int discovery_el_refresh(EditLine *el) {
    return el_set(el, EL_REFRESH);
}

// MARK: history()

static inline int discovery_history_setsize(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
/// Consecutive duplicates are not entered.
static inline int discovery_history_setunique(History *h, int on) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, on);
}
static inline int discovery_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
static inline int discovery_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}
static inline int discovery_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}
/// The newest entry, or NULL when the history is empty.
static inline const char *discovery_history_newest(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_FIRST) != 0) return NULL;
    return ev.str;
}
static inline int discovery_history_count(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_GETSIZE) != 0) return 0;
    return ev.num;
}

#endif
