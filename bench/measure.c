/* Runs a command once and prints what it cost: wall nanoseconds, CPU
 * microseconds, peak resident kilobytes and exit status, from wait4(). A
 * small launcher, so that the peak memory is the command's own and not that
 * of a Python interpreter forked to start it.
 *
 *   measure COMMAND [ARGS...]              output to /dev/null, figures on stdout
 *   measure --tty FILE COMMAND [ARGS...]   output left on the terminal, figures in FILE */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char** argv) {
  int first = 1;
  const char* report = NULL;
  if (argc > 3 && strcmp(argv[1], "--tty") == 0) {
    report = argv[2];
    first = 3;
  }
  if (argc <= first) {
    fprintf(stderr, "usage: measure [--tty FILE] COMMAND [ARGS...]\n");
    return 2;
  }
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  const pid_t pid = fork();
  if (pid == 0) {
    if (!report) {
      const int null = open("/dev/null", O_RDWR);
      dup2(null, 0);
      dup2(null, 1);
      dup2(null, 2);
    }
    execv(argv[first], argv + first);
    _exit(127);
  }
  int status = 0;
  struct rusage usage;
  wait4(pid, &status, 0, &usage);
  clock_gettime(CLOCK_MONOTONIC, &end);
  const long long wall = (end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec);
  const long long cpu = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000LL + usage.ru_utime.tv_usec +
                        usage.ru_stime.tv_usec;
  FILE* out = report ? fopen(report, "w") : stdout;
  if (!out) return 1;
  fprintf(out, "%lld %lld %ld %d\n", wall, cpu, usage.ru_maxrss,
          WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
  return 0;
}
