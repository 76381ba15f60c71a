#include "CLineInput.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
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

/// A second open of the terminal, non-blocking, for reading keys: its own file description,
/// so standard input and output keep their flags. -1 when the terminal has no name.
static int nonblocking_input(int fd) {
    static int reopened = -2;
    if (reopened == -2) {
        reopened = -1;
        const char *name = ttyname(fd);
        if (name) reopened = open(name, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    }
    return reopened;
}

/// libedit's own key reader blocks in read(2) and counts on SIGINT interrupting it. A Ctrl-C
/// that arrives between libedit's screen update and that read (a person pressing it right
/// after the echo) runs the handler first, and the read then waits for the next key: the
/// Ctrl-C is lost. Here SIGINT stays blocked except inside pselect(2), which unblocks it
/// atomically while waiting, and the flag is looked at before every wait.
///
/// The read itself never blocks either: a Ctrl-C flushes the keys typed ahead (the terminal's
/// ISIG without NOFLSH), so when it lands between pselect saying "readable" and the read, a
/// blocking read would wait, SIGINT blocked and pending, for the next key. The key is read
/// from a non-blocking open of the terminal (or, without one, only when FIONREAD shows bytes),
/// and "nothing there" goes back to the flag and the wait.
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
    int empty_wakeups = 0;
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
        int in = nonblocking_input(fd);
        if (in < 0) {
            // Readable with nothing to read: flushed by a Ctrl-C, or (again and again) a
            // terminal that hung up, which the blocking read then reports as end of input.
            int available = 0;
            if (ioctl(fd, FIONREAD, &available) == 0 && available == 0 && ++empty_wakeups < 64) continue;
            in = fd;
        }
        ssize_t n = read(in, bytes + count, 1);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
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
