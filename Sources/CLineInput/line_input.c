#include "CLineInput.h"
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

/// The one piece of state the SIGINT handler touches.
static volatile sig_atomic_t interrupted = 0;

static void on_sigint(int signo) {
    (void)signo;
    interrupted = 1;
}

int discovery_install_sigint(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    if (sigaction(SIGINT, &sa, NULL) != 0) return -1;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return sigprocmask(SIG_UNBLOCK, &set, NULL);
}

int discovery_take_sigint(void) {
    int was = interrupted != 0;
    interrupted = 0;
    return was;
}

/// Decodes the bytes read so far into one character: 1 when `key` is complete, 0 when more
/// bytes are needed. An invalid sequence is dropped, keeping a last byte that may start the
/// next character; `*count` is the number of bytes kept.
static int decode_key(char *bytes, size_t *count, wchar_t *key) {
    for (;;) {
        mbstate_t state;
        memset(&state, 0, sizeof state);
        size_t used = mbrtowc(key, bytes, *count, &state);
        if (used != (size_t)-1 && used != (size_t)-2) return 1;
        if (used == (size_t)-2 && *count < MB_LEN_MAX) return 0;
        if (*count <= 1) { *count = 0; return 0; }
        bytes[0] = bytes[*count - 1];
        *count = 1;
    }
}

/// libedit's own key reader blocks in read(2) and counts on SIGINT interrupting it. A Ctrl-C
/// that arrives between libedit's screen update and that read (a person pressing it right
/// after the echo) runs the handler first, and the read then waits for the next key: the
/// Ctrl-C is lost. Here SIGINT stays blocked except inside pselect(2), which unblocks it
/// atomically while waiting, and the flag is looked at before every wait.
int discovery_read_key(void *editline, wchar_t *key) {
    (void)editline;
    int fd = STDIN_FILENO;
    sigset_t sigint, outside, waiting;
    sigemptyset(&sigint);
    sigaddset(&sigint, SIGINT);
    sigprocmask(SIG_BLOCK, &sigint, &outside);
    waiting = outside;
    sigdelset(&waiting, SIGINT);
    char bytes[MB_LEN_MAX];
    size_t count = 0;
    int result;
    for (;;) {
        if (interrupted) { errno = EINTR; result = -1; break; }
        fd_set readable;
        FD_ZERO(&readable);
        FD_SET(fd, &readable);
        if (pselect(fd + 1, &readable, NULL, NULL, NULL, &waiting) < 0) {
            if (errno == EINTR) continue;
            result = -1;
            break;
        }
        ssize_t n = read(fd, bytes + count, 1);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            result = -1;
            break;
        }
        if (n == 0) { *key = L'\0'; result = 0; break; }
        count += 1;
        if (decode_key(bytes, &count, key)) { result = 1; break; }
    }
    int saved = errno;
    sigprocmask(SIG_SETMASK, &outside, NULL);
    errno = saved;
    return result;
}
