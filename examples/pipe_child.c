/* SPDX-License-Identifier: MIT */
/*
 * pipe_child: pipe data through a child process, written with iosafe.
 *
 *   pipe_child TEXT CMD [ARG...]   run CMD with TEXT on its standard input and
 *                                  print what it writes on its standard output
 *   pipe_child --self-test         pipe "hello, iosafe" through `tr a-z A-Z`
 *                                  and check the result
 *
 * Two pipes: the parent writes into one (the child's stdin) and reads the
 * other (the child's stdout).  In the child, dup2() puts the pipe ends onto
 * descriptors 0 and 1 through their raw numbers; dup2 does not copy
 * FD_CLOEXEC (dup2(2)), so they survive exec, while every descriptor iosafe
 * made stays close-on-exec and vanishes at exec: the child inherits exactly
 * stdin, stdout and stderr.  The parent closes its copy of the write end
 * before reading, or it would never see end of file.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

/* In the child: put the pipe ends on stdin and stdout and exec argv.
 * Never returns. */
static void exec_child(iosafe_borrowed_fd in, iosafe_borrowed_fd out, char **argv)
{
	if (dup2(iosafe_fd_raw(in), STDIN_FILENO) < 0 ||
	    dup2(iosafe_fd_raw(out), STDOUT_FILENO) < 0)
		_exit(126);
	execvp(argv[0], argv);
	_exit(127);
}

/* Runs argv with text on its stdin; its stdout goes to buf (at most cap-1
 * bytes, NUL-terminated).  Returns the child's exit status, or -1 after
 * printing why it failed. */
static int run_filter(char **argv, const char *text, char *buf, size_t cap)
{
	iosafe_owned_fd to_child_r = IOSAFE_FD_NONE, to_child_w = IOSAFE_FD_NONE;
	iosafe_owned_fd from_child_r = IOSAFE_FD_NONE, from_child_w = IOSAFE_FD_NONE;
	int rc = iosafe_pipe(&to_child_r, &to_child_w, 0);
	if (rc < 0) {
		fprintf(stderr, "pipe_child: pipe: %s\n", strerror(-rc));
		return -1;
	}
	rc = iosafe_pipe(&from_child_r, &from_child_w, 0);
	if (rc < 0) {
		fprintf(stderr, "pipe_child: pipe: %s\n", strerror(-rc));
		iosafe_fd_drop(&to_child_r);
		iosafe_fd_drop(&to_child_w);
		return -1;
	}
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "pipe_child: fork: %s\n", strerror(errno));
		iosafe_fd_drop(&to_child_r);
		iosafe_fd_drop(&to_child_w);
		iosafe_fd_drop(&from_child_r);
		iosafe_fd_drop(&from_child_w);
		return -1;
	}
	if (pid == 0) {
		exec_child(iosafe_fd_borrow(&to_child_r), iosafe_fd_borrow(&from_child_w), argv);
		/* not reached: exec_child ends the child */
	}
	/* The parent keeps the write end to the child and the read end from it. */
	iosafe_fd_drop(&to_child_r);
	iosafe_fd_drop(&from_child_w);

	size_t len = strlen(text), off = 0;
	while (off < len) {
		ssize_t w = iosafe_write(iosafe_fd_borrow(&to_child_w), text + off, len - off);
		if (w == -EINTR)
			continue;
		if (w < 0) {
			fprintf(stderr, "pipe_child: write: %s\n", strerror((int)-w));
			break;
		}
		off += (size_t)w;
	}
	iosafe_fd_drop(&to_child_w); /* end of file for the child */

	size_t got = 0;
	while (got + 1 < cap) {
		ssize_t r = iosafe_read(iosafe_fd_borrow(&from_child_r), buf + got, cap - 1 - got);
		if (r == -EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	buf[got] = '\0';
	iosafe_fd_drop(&from_child_r);

	int status = 0;
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "pipe_child: waitpid: %s\n", strerror(errno));
			return -1;
		}
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int main(int argc, char **argv)
{
	char out[4096];
	if (argc == 2 && strcmp(argv[1], "--self-test") == 0) {
		char *tr[] = {"tr", "a-z", "A-Z", NULL};
		int st = run_filter(tr, "hello, iosafe\n", out, sizeof out);
		int ok = st == 0 && strcmp(out, "HELLO, IOSAFE\n") == 0;
		printf("pipe_child: `tr a-z A-Z` gave: %s", out);
		printf("pipe_child: self-test %s\n", ok ? "passed" : "FAILED");
		return ok ? 0 : 1;
	}
	if (argc < 3) {
		fprintf(stderr, "usage: pipe_child TEXT CMD [ARG...] | --self-test\n");
		return 2;
	}
	int st = run_filter(argv + 2, argv[1], out, sizeof out);
	fputs(out, stdout);
	return st < 0 ? 1 : st;
}
