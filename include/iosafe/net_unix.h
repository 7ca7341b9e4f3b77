/* SPDX-License-Identifier: MIT */
/*
 * iosafe/net_unix.h: Unix domain socket paths on owned descriptors (unix(7)).
 *
 * A listener bound to a path owns three things: the socket (an
 * iosafe_owned_fd), the path it bound, and the (st_dev, st_ino) of the
 * socket file bind(2) created there.  iosafe_unix_listener_close() unlinks
 * the path only while it still names that file, so that closing a listener
 * never removes a socket another server has bound at the same path since.
 * Connections accepted on it (iosafe_accept on a borrow of l.fd) are plain
 * owned descriptors and unlink nothing.
 *
 * Linux (abstract addresses, SOCK_CLOEXEC); every new descriptor is
 * close-on-exec.  Conventions as net.h: out-parameter first, 0 or a negative
 * errno, *out none on every failure, nothing left behind by a failing step
 * (the socket closed, the path it bound unlinked).
 *
 * Paths: sun_path holds 108 bytes (unix(7)); a path is accepted when it
 * and its terminating NUL fit, so 107 bytes at most, and -ENAMETOOLONG
 * otherwise (unix(7) BUGS: a 108-byte name without a NUL is not portable).
 * The check-then-act steps on a path (the stale-socket probe, the (dev, ino)
 * check before unlink) are as safe as the directory holding the path: a
 * process that may write to that directory can replace the file between
 * two steps; keep sockets in a directory only the server writes.
 */
#ifndef IOSAFE_NET_UNIX_H
#define IOSAFE_NET_UNIX_H

#include <stddef.h>
#include <sys/types.h>
#include <sys/socket.h>

#include "fd.h"

#ifdef __FRAMAC__
#  include "iosafe_acsl_net.h"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** sizeof(((struct sockaddr_un *)0)->sun_path) on Linux (unix(7)). */
#define IOSAFE_UNIX_PATH_MAX 108

/** Flags of iosafe_unix_listen. */
#define IOSAFE_UNIX_MKDIR_PARENTS 0x1u /**< create missing parents with parent_mode */
#define IOSAFE_UNIX_REMOVE_STALE  0x2u /**< unlink a socket file no server answers at */
#define IOSAFE_UNIX_FLAGS_ALL     0x3u

/**
 * iosafe_unix_listener: a socket bound (and listening) at a Unix domain
 * address.  It owns its member fd; leaking the struct leaks the descriptor
 * (and leaves the socket file behind).  Its member path is NUL-terminated,
 * and empty for an abstract address (nothing to unlink); dev and ino are
 * those of the socket file at that path when it was bound.  Initialise with
 * IOSAFE_UNIX_LISTENER_NONE; release with iosafe_unix_listener_close() or
 * _drop(), or declare it iosafe_auto_unix_listener.
 */
typedef struct iosafe_unix_listener {
	iosafe_owned_fd fd;
	char path[IOSAFE_UNIX_PATH_MAX];
	dev_t dev;
	ino_t ino;
} iosafe_unix_listener;

#define IOSAFE_UNIX_LISTENER_NONE { IOSAFE_FD_NONE, { 0 }, 0, 0 }

/*@
  // A listener's invariant: none (an empty path), or its owned socket.
  predicate iosafe_unix_listener_ok{L}(iosafe_unix_listener *l) =
    iosafe_fd_owner_ok{L}(\at(l->fd.raw, L));
*/

/**
 * iosafe_unix_listen: create a Unix domain socket, bind it to @path, set the
 * socket file's permissions and listen.
 * @out: (not NULL) receives the listener; none on failure (fd none, path
 *   empty).
 * @path: (not NULL) a NUL-terminated path of 1 to 107 bytes.
 * @type: SOCK_STREAM or SOCK_SEQPACKET (listened on with @backlog), or
 *   SOCK_DGRAM (bound only), optionally with SOCK_NONBLOCK; SOCK_CLOEXEC is
 *   always added.
 * @parent_mode: the mode of each missing parent directory created under
 *   IOSAFE_UNIX_MKDIR_PARENTS (less the umask, mkdir(2)); existing parents
 *   are left as they are.
 * @socket_mode: the permission bits of the socket file, set with chmod(2)
 *   after bind(2) and before listen(2), so that no client connects under
 *   the umask's bits.
 * @flags: IOSAFE_UNIX_MKDIR_PARENTS; IOSAFE_UNIX_REMOVE_STALE: when @path
 *   exists, unlink it and bind again only if it is a socket file and a
 *   probe connect(2) is refused (ECONNREFUSED); a directory, a regular file
 *   or any other file is never removed, and a socket a server answers on
 *   (or whose probe fails otherwise) gives -EADDRINUSE.
 * Returns: 0, or -EINVAL (NULL @out or @path, empty @path, unknown @flags),
 *   -ENAMETOOLONG (108 bytes or more), -EADDRINUSE (the path exists, and is
 *   not a stale socket removed under IOSAFE_UNIX_REMOVE_STALE), or the
 *   error of the failing step: mkdir(2), socket(2) (-EMFILE, -ENFILE, ...),
 *   bind(2), stat(2), chmod(2), listen(2).  A failing step after bind(2)
 *   unlinks the socket file again.
 * Follows: unix(7), bind(2), listen(2); rustix::net::bind_unix with
 *   SocketAddrUnix::new, std::os::unix::net::UnixListener::bind.
 */
/*@
  requires valid_out: out == \null || (\valid(out) && \separated(out, &errno));
  requires valid_path: path == \null || iosafe_string_ok(path);
  assigns *out, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures null_out: out == \null ==> \result == -EINVAL;
  ensures acquired: \result == 0 ==>
    iosafe_fd_acquired{Pre, Post}(out->fd.raw) && iosafe_fd_is_cloexec(out->fd.raw);
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    iosafe_fd_table_same{Pre, Post} &&
    (out != \null ==> out->fd.raw == IOSAFE_RAW_NONE && out->path[0] == 0);
*/
int iosafe_unix_listen(iosafe_unix_listener *out IOSAFE_ACQUIRES, const char *path, int type,
		       int backlog, mode_t parent_mode, mode_t socket_mode, unsigned flags);

/**
 * iosafe_unix_listen_abstract: create a Unix domain socket, bind it to the
 * abstract address @name (Linux: no file, nothing to unlink) and listen.
 * @out: (not NULL) receives the listener (path empty); none on failure.
 * @name: the name's @len bytes (any bytes; not NUL-terminated); NULL only
 *   when @len is 0, which asks the kernel for a unique name (autobind,
 *   unix(7)).
 * @len: 0 to 107.
 * @type, @backlog: as iosafe_unix_listen.
 * Returns: 0, or -EINVAL (NULL @out, NULL @name with @len > 0),
 *   -ENAMETOOLONG (@len over 107), -EADDRINUSE (the name is bound), or the
 *   error of socket(2), bind(2) or listen(2).
 * Follows: unix(7) "Abstract sockets"; rustix::net::SocketAddrUnix::new_abstract_name.
 */
/*@
  requires valid_out: out == \null || (\valid(out) && \separated(out, &errno));
  requires valid_name: name == \null || len == 0 || \valid_read((char *)name + (0 .. len - 1));
  assigns *out, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures null_out: out == \null ==> \result == -EINVAL;
  ensures acquired: \result == 0 ==>
    iosafe_fd_acquired{Pre, Post}(out->fd.raw) && iosafe_fd_is_cloexec(out->fd.raw) &&
    out->path[0] == 0;
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    iosafe_fd_table_same{Pre, Post} &&
    (out != \null ==> out->fd.raw == IOSAFE_RAW_NONE && out->path[0] == 0);
*/
int iosafe_unix_listen_abstract(iosafe_unix_listener *out IOSAFE_ACQUIRES, const void *name,
				size_t len, int type, int backlog);

/**
 * iosafe_unix_listener_close: unlink the listener's path if it still names
 * the socket file that was bound (same st_dev and st_ino, stat(2) without
 * following a symbolic link), then close its descriptor.  The listener is
 * none afterwards, whatever is returned.
 * @l: (not NULL) a listener, or none (then nothing happens).
 * Returns: 0, or the error of unlink(2) (not -ENOENT: already gone is
 *   fine), else of close(2) (the descriptor is released anyway, close(2)
 *   NOTES); -EINVAL for a NULL @l.
 * Follows: unix(7) ("the socket file ... should be deleted using
 *   unlink(2) when it is no longer required"); file-descriptors'
 *   UnixListener drop, without its unlink on every accepted connection.
 */
/*@
  requires valid_l: l == \null || (\valid(l) && \separated(l, &errno));
  requires owner_ok: l == \null || iosafe_unix_listener_ok(l);
  assigns *l, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_l:
    assumes l == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior none:
    assumes l != \null && l->fd.raw < 0;
    ensures result_ok: \result == 0;
    ensures l_none: l->fd.raw == IOSAFE_RAW_NONE && l->path[0] == 0;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior release:
    assumes l != \null && l->fd.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures l_none: l->fd.raw == IOSAFE_RAW_NONE && l->path[0] == 0;
    ensures released: iosafe_fd_released{Pre, Post}(\old(l->fd.raw));
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_unix_listener_close(iosafe_unix_listener *l IOSAFE_RELEASES);

/**
 * iosafe_unix_listener_drop: iosafe_unix_listener_close() with its result
 * ignored and errno kept, for cleanup paths and iosafe_auto_unix_listener.
 * @l: (not NULL) a listener or none.
 * Follows: Drop for file-descriptors' UnixListener.
 */
/*@
  requires valid_l: \valid(l) && \separated(l, &errno);
  requires owner_ok: iosafe_unix_listener_ok(l);
  assigns *l, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1];
  ensures l_none: l->fd.raw == IOSAFE_RAW_NONE && l->path[0] == 0;
  ensures errno_kept: errno == \old(errno);
  behavior none:
    assumes l->fd.raw < 0;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior release:
    assumes l->fd.raw >= 0;
    ensures released: iosafe_fd_released{Pre, Post}(\old(l->fd.raw));
  complete behaviors;
  disjoint behaviors;
*/
void iosafe_unix_listener_drop(iosafe_unix_listener *l IOSAFE_RELEASES);

/**
 * iosafe_auto_unix_listener: a type name: an iosafe_unix_listener that
 * iosafe_unix_listener_drop() releases at scope exit (GCC/Clang cleanup
 * attribute; a compile error elsewhere).  Initialise with
 * IOSAFE_UNIX_LISTENER_NONE.
 */
#if defined(__GNUC__) || defined(__clang__)
#  define iosafe_auto_unix_listener \
	__attribute__((cleanup(iosafe_unix_listener_drop))) iosafe_unix_listener
#else
#  define iosafe_auto_unix_listener iosafe_auto_unix_listener_needs_the_cleanup_attribute
#endif

/**
 * iosafe_unix_connect: create a Unix domain socket and connect it to the
 * socket bound at @path.
 * @out: (not NULL) receives the connected socket (close-on-exec); none on
 *   failure.
 * @path: (not NULL) a NUL-terminated path of 1 to 107 bytes; a path whose
 *   first byte is NUL cannot be given (use an abstract listener's name
 *   through iosafe_connect).
 * @type: SOCK_STREAM, SOCK_SEQPACKET or SOCK_DGRAM, optionally with
 *   SOCK_NONBLOCK.
 * Returns: 0, or -EINVAL (NULL @out or @path, empty @path), -ENAMETOOLONG,
 *   or the error of socket(2) (-EMFILE, ...) or connect(2) (-ENOENT,
 *   -ECONNREFUSED, -EAGAIN, -EPROTOTYPE, ...); the socket is closed then.
 * Follows: unix(7), connect(2); std::os::unix::net::UnixStream::connect.
 */
/*@
  requires valid_out: out == \null || (\valid(out) && \separated(out, &errno));
  requires valid_path: path == \null || iosafe_string_ok(path);
  assigns *out, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures null_out: out == \null ==> \result == -EINVAL;
  ensures acquired: \result == 0 ==>
    iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    iosafe_fd_table_same{Pre, Post} &&
    (out != \null ==> out->raw == IOSAFE_RAW_NONE);
*/
int iosafe_unix_connect(iosafe_owned_fd *out IOSAFE_ACQUIRES, const char *path, int type);

#ifdef __cplusplus
}
#endif

#endif /* IOSAFE_NET_UNIX_H */
