// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The sandbox's real network: libslirp, QEMU's user-mode network stack,
 * behind the emulated virtio-net device (drivers/virtio/emul/
 * virtio_sandbox_net.c). The guest sees QEMU's defaults: network
 * 10.0.2.0/24, the host (gateway, DHCP and TFTP server) at 10.0.2.2, DNS
 * at 10.0.2.3, DHCP addresses from 10.0.2.15; its connections to 10.0.2.2
 * reach the host's loopback. There is no thread: os_slirp_poll(), called
 * while the driver polls for frames, polls slirp's sockets with a timeout
 * of 0 and runs its timers. Like os.c, this file sees the host's headers
 * (and libslirp's), not virtboot's; arch/sandbox/include/asm/slirp.h
 * declares the same functions for the rest of virtboot.
 */
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <arpa/inet.h>
#include <slirp/libslirp.h>

typedef void (*os_slirp_output_t)(const void *frame, int len, void *priv);

/* Timers: slirp asks for them only with IPv6 (router advertisements) */
struct os_slirp_timer {
	SlirpTimerCb cb;
	void *cb_opaque;
	int64_t expire_ms;	/* -1: not armed */
	struct os_slirp_timer *next;
};

struct os_slirp {
	Slirp *slirp;
	os_slirp_output_t output;
	void *priv;
	struct os_slirp_timer *timers;
	struct pollfd *fds;
	int nfds;
	int fds_size;
};

static int64_t os_slirp_clock_ns(void *opaque)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static ssize_t os_slirp_send(const void *buf, size_t len, void *opaque)
{
	struct os_slirp *s = opaque;

	s->output(buf, (int)len, s->priv);
	return len;
}

static void os_slirp_guest_error(const char *msg, void *opaque)
{
	/* A misbehaving guest is the driver's tests' business, not stderr's */
}

static void *os_slirp_timer_new(SlirpTimerCb cb, void *cb_opaque,
				void *opaque)
{
	struct os_slirp *s = opaque;
	struct os_slirp_timer *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->cb = cb;
	t->cb_opaque = cb_opaque;
	t->expire_ms = -1;
	t->next = s->timers;
	s->timers = t;
	return t;
}

static void os_slirp_timer_free(void *timer, void *opaque)
{
	struct os_slirp *s = opaque;
	struct os_slirp_timer **p;

	for (p = &s->timers; *p; p = &(*p)->next) {
		if (*p == timer) {
			*p = (*p)->next;
			free(timer);
			return;
		}
	}
}

static void os_slirp_timer_mod(void *timer, int64_t expire_ms, void *opaque)
{
	((struct os_slirp_timer *)timer)->expire_ms = expire_ms;
}

static void os_slirp_register_fd(int fd, void *opaque)
{
}

static void os_slirp_notify(void *opaque)
{
}

static const SlirpCb os_slirp_cb = {
	.send_packet = os_slirp_send,
	.guest_error = os_slirp_guest_error,
	.clock_get_ns = os_slirp_clock_ns,
	.timer_new = os_slirp_timer_new,
	.timer_free = os_slirp_timer_free,
	.timer_mod = os_slirp_timer_mod,
	.register_poll_fd = os_slirp_register_fd,
	.unregister_poll_fd = os_slirp_register_fd,
	.notify = os_slirp_notify,
};

struct os_slirp *os_slirp_new(const char *tftp_dir, const char *bootfile,
			      os_slirp_output_t output, void *priv)
{
	SlirpConfig cfg = {
		.version = 1,
		.in_enabled = true,
		.vhostname = "virtboot",
		.tftp_path = tftp_dir,
		.bootfile = bootfile,
	};
	struct os_slirp *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	cfg.vnetwork.s_addr = htonl(0x0a000200);	/* 10.0.2.0 */
	cfg.vnetmask.s_addr = htonl(0xffffff00);
	cfg.vhost.s_addr = htonl(0x0a000202);		/* 10.0.2.2 */
	cfg.vdhcp_start.s_addr = htonl(0x0a00020f);	/* 10.0.2.15 */
	cfg.vnameserver.s_addr = htonl(0x0a000203);	/* 10.0.2.3 */
	s->output = output;
	s->priv = priv;
	s->slirp = slirp_new(&cfg, &os_slirp_cb, s);
	if (!s->slirp) {
		free(s);
		return NULL;
	}
	return s;
}

void os_slirp_input(struct os_slirp *s, const void *frame, int len)
{
	slirp_input(s->slirp, frame, len);
}

static int os_slirp_add_fd(int fd, int events, void *opaque)
{
	struct os_slirp *s = opaque;
	struct pollfd *pfd;
	short ev = 0;

	if (s->nfds == s->fds_size) {
		int n = s->fds_size ? 2 * s->fds_size : 16;
		struct pollfd *fds = realloc(s->fds, n * sizeof(*fds));

		if (!fds)
			return -1;
		s->fds = fds;
		s->fds_size = n;
	}
	if (events & SLIRP_POLL_IN)
		ev |= POLLIN;
	if (events & SLIRP_POLL_OUT)
		ev |= POLLOUT;
	if (events & SLIRP_POLL_PRI)
		ev |= POLLPRI;
	pfd = &s->fds[s->nfds];
	pfd->fd = fd;
	pfd->events = ev;
	pfd->revents = 0;
	return s->nfds++;
}

static int os_slirp_get_revents(int idx, void *opaque)
{
	struct os_slirp *s = opaque;
	short rev;
	int ret = 0;

	if (idx < 0 || idx >= s->nfds)
		return 0;
	rev = s->fds[idx].revents;
	if (rev & POLLIN)
		ret |= SLIRP_POLL_IN;
	if (rev & POLLOUT)
		ret |= SLIRP_POLL_OUT;
	if (rev & POLLPRI)
		ret |= SLIRP_POLL_PRI;
	if (rev & POLLERR)
		ret |= SLIRP_POLL_ERR;
	if (rev & POLLHUP)
		ret |= SLIRP_POLL_HUP;
	return ret;
}

void os_slirp_poll(struct os_slirp *s)
{
	int64_t now_ms = os_slirp_clock_ns(s) / 1000000;
	struct os_slirp_timer *t;
	uint32_t timeout = 0;
	int ret;

	s->nfds = 0;
	slirp_pollfds_fill(s->slirp, &timeout, os_slirp_add_fd, s);
	ret = s->nfds ? poll(s->fds, s->nfds, 0) : 0;
	slirp_pollfds_poll(s->slirp, ret < 0, os_slirp_get_revents, s);

	/* A timer's callback may free or re-arm timers: one at a time */
	for (t = s->timers; t; t = t->next) {
		if (t->expire_ms >= 0 && t->expire_ms <= now_ms) {
			t->expire_ms = -1;
			t->cb(t->cb_opaque);
			break;
		}
	}
}

void os_slirp_free(struct os_slirp *s)
{
	if (!s)
		return;
	slirp_cleanup(s->slirp);
	while (s->timers)
		os_slirp_timer_free(s->timers, s);
	free(s->fds);
	free(s);
}
