/* SPDX-License-Identifier: MIT */
/*
 * proofs/shim_types_net.c: the types and layouts acsl/iosafe_posix_net.h
 * gives Frama-C, checked against the real system headers (appended to
 * proofs/shim_types.c's checks by `make prove`, prove-shim; its constants
 * are checked there too).
 */
#include <netdb.h>
#include <netinet/in.h>
#include <sys/uio.h>

_Static_assert(IOSAFE_SAME_TYPE(pid_t, int), "pid_t");
_Static_assert(IOSAFE_SAME_TYPE(uid_t, unsigned int), "uid_t");
_Static_assert(IOSAFE_SAME_TYPE(gid_t, unsigned int), "gid_t");
_Static_assert(sizeof(struct iovec) == 16 && offsetof(struct iovec, iov_len) == 8, "struct iovec");
_Static_assert(sizeof(struct msghdr) == 56 && offsetof(struct msghdr, msg_namelen) == 8 &&
		       offsetof(struct msghdr, msg_iov) == 16 &&
		       offsetof(struct msghdr, msg_iovlen) == 24 &&
		       offsetof(struct msghdr, msg_control) == 32 &&
		       offsetof(struct msghdr, msg_controllen) == 40 &&
		       offsetof(struct msghdr, msg_flags) == 48,
	       "struct msghdr");
_Static_assert(sizeof(struct cmsghdr) == 16 && offsetof(struct cmsghdr, cmsg_level) == 8 &&
		       offsetof(struct cmsghdr, cmsg_type) == 12 &&
		       sizeof(((struct cmsghdr *)0)->cmsg_len) == 8,
	       "struct cmsghdr");
_Static_assert(sizeof(struct ucred) == 12 && offsetof(struct ucred, uid) == 4 &&
		       offsetof(struct ucred, gid) == 8,
	       "struct ucred");
_Static_assert(sizeof(struct addrinfo) == 48 && offsetof(struct addrinfo, ai_family) == 4 &&
		       offsetof(struct addrinfo, ai_socktype) == 8 &&
		       offsetof(struct addrinfo, ai_protocol) == 12 &&
		       offsetof(struct addrinfo, ai_addrlen) == 16 &&
		       offsetof(struct addrinfo, ai_addr) == 24 &&
		       offsetof(struct addrinfo, ai_canonname) == 32 &&
		       offsetof(struct addrinfo, ai_next) == 40,
	       "struct addrinfo");
_Static_assert(CMSG_LEN(0) == 16 && CMSG_SPACE(4) == 24 && CMSG_SPACE(12) == 32, "CMSG_*");
#include <sys/un.h>
_Static_assert(sizeof(struct sockaddr_un) == 110 && offsetof(struct sockaddr_un, sun_path) == 2 &&
		       sizeof(((struct sockaddr_un *)0)->sun_path) == 108,
	       "struct sockaddr_un");
