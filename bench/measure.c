/* Runs a command once and prints what it cost, from wait4(): a small
 * launcher, so that the figures are the command's own and not those of the
 * Python interpreter that drives the benchmarks.
 *
 *   measure COMMAND [ARGS...]
 *       Output to /dev/null. Prints, on one line:
 *       wall_ns=… cpu_us=… maxrss_kb=… status=…
 *
 *   measure --pty COLUMNS ROWS COMMAND [ARGS...]
 *       On a new pseudo-terminal of that size (the command's controlling
 *       terminal, on its stdin, stdout and stderr); everything it writes is
 *       read, counted and thrown away. Prints the same, and also:
 *       bytes=…            bytes written to the terminal
 *       first_byte_ns=…    when the first of them arrived, from the spawn
 *       last_byte_ns=…     when the last of them arrived
 *       bell_ns=… bells=…  when the last bell (BEL outside an OSC, DCS, APC,
 *                          PM or SOS string, where BEL only ends the string)
 *                          arrived, and how many bells rang; -1 and 0 if none
 *
 * Times are on CLOCK_MONOTONIC from just before fork(); "wall" ends when the
 * command exits (a pidfd turns readable), not when its terminal is drained.
 * CPU and peak RSS are those wait4() reports for the child, which on Linux
 * include every descendant the child waited for (the same as
 * getrusage(RUSAGE_CHILDREN) here, since this launcher has one child): the
 * whole process tree. The peak RSS is the largest of that tree's processes.
 * An exec that fails exits 127 with "measure: exec failed" on stderr. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* In the child, with stderr already redirected: says why on the launcher's own stderr (`report`,
   closed by a successful exec). */
static void exec_or_die(char** argv, int report) {
  execv(argv[0], argv);
  dprintf(report, "measure: exec failed: %s: %s\n", argv[0], strerror(errno));
  _exit(127);
}

/* What the terminal received: bytes, first and last arrival, and the bells. */
struct screen {
  long long bytes, first_ns, last_ns, bell_ns, bells;
  int state; /* 0 text, 1 after ESC, 2 inside a string, 3 ESC inside a string */
};

static void scan(struct screen* s, const unsigned char* data, ssize_t n, long long at) {
  if (s->bytes == 0) s->first_ns = at;
  s->bytes += n;
  s->last_ns = at;
  for (ssize_t i = 0; i < n; ++i) {
    const unsigned char c = data[i];
    switch (s->state) {
      case 0:
        if (c == 0x1b) s->state = 1;
        else if (c == 0x07) s->bell_ns = at, s->bells++;
        break;
      case 1: /* ] OSC, P DCS, _ APC, ^ PM, X SOS: strings a BEL or ST ends */
        s->state = (c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X') ? 2 : (c == 0x1b ? 1 : 0);
        break;
      case 2:
        if (c == 0x07) s->state = 0;
        else if (c == 0x1b) s->state = 3;
        break;
      case 3:
        s->state = (c == '\\') ? 0 : 2;
        break;
    }
  }
}

static int drain(int master, struct screen* s) {
  unsigned char buffer[65536];
  for (;;) {
    const ssize_t n = read(master, buffer, sizeof buffer);
    if (n > 0) {
      scan(s, buffer, n, now_ns());
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    return n < 0 && errno == EAGAIN ? 0 : -1; /* 0: nothing more for now; -1: hung up (EIO) */
  }
}

int main(int argc, char** argv) {
  int first = 1, columns = 0, rows = 0;
  if (argc > 4 && strcmp(argv[1], "--pty") == 0) {
    columns = atoi(argv[2]);
    rows = atoi(argv[3]);
    first = 4;
  }
  if (argc <= first) {
    fprintf(stderr, "usage: measure [--pty COLUMNS ROWS] COMMAND [ARGS...]\n");
    return 2;
  }
  int master = -1, slave = -1;
  if (columns > 0) {
    master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) return perror("measure: pty"), 1;
    const struct winsize size = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)columns};
    ioctl(master, TIOCSWINSZ, &size);
    /* Held open here too, so that the master never hangs up while the
       command starts or after it exits; the end is the pidfd's. */
    slave = open(ptsname(master), O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (slave < 0) return perror("measure: pty"), 1;
    fcntl(master, F_SETFL, O_NONBLOCK);
  }

  const long long start = now_ns();
  const pid_t pid = fork();
  if (pid < 0) return perror("measure: fork"), 1;
  if (pid == 0) {
    const int report = fcntl(2, F_DUPFD_CLOEXEC, 3);
    if (columns > 0) {
      setsid();
      ioctl(slave, TIOCSCTTY, 0);
      for (int fd = 0; fd < 3; ++fd) dup2(slave, fd);
    } else {
      const int null = open("/dev/null", O_RDWR);
      for (int fd = 0; fd < 3; ++fd) dup2(null, fd);
    }
    exec_or_die(argv + first, report);
  }

  struct screen screen = {.first_ns = -1, .last_ns = -1, .bell_ns = -1};
  long long end = 0;
  if (columns > 0) {
    const int process = (int)syscall(SYS_pidfd_open, pid, 0);
    if (process < 0) return perror("measure: pidfd_open"), 1;
    for (;;) {
      struct pollfd fds[2] = {{.fd = master, .events = POLLIN}, {.fd = process, .events = POLLIN}};
      if (poll(fds, 2, -1) < 0) {
        if (errno == EINTR) continue;
        return perror("measure: poll"), 1;
      }
      if (fds[0].revents & POLLIN) drain(master, &screen);
      if (fds[1].revents & POLLIN) {
        end = now_ns();
        /* What it wrote just before it exited may still be on its way: with
           the slave closed here too, reads return it, then EIO. A process
           it left behind holding the terminal gets a second. */
        close(slave);
        struct pollfd rest = {.fd = master, .events = POLLIN};
        while (poll(&rest, 1, 1000) > 0 && drain(master, &screen) == 0) {}
        break;
      }
    }
  }
  int status = 0;
  struct rusage usage;
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {}
  if (end == 0) end = now_ns();

  const long long cpu = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000LL + usage.ru_utime.tv_usec +
                        usage.ru_stime.tv_usec;
  printf("wall_ns=%lld cpu_us=%lld maxrss_kb=%ld status=%d", end - start, cpu, usage.ru_maxrss,
         WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
  if (columns > 0)
    printf(" bytes=%lld first_byte_ns=%lld last_byte_ns=%lld bell_ns=%lld bells=%lld", screen.bytes,
           screen.first_ns < 0 ? -1 : screen.first_ns - start, screen.last_ns < 0 ? -1 : screen.last_ns - start,
           screen.bell_ns < 0 ? -1 : screen.bell_ns - start, screen.bells);
  printf("\n");
  return 0;
}
