/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The sandbox's user-mode network (libslirp, arch/sandbox/cpu/slirp.c),
 * behind the emulated virtio-net device: QEMU's defaults, network
 * 10.0.2.0/24, the host (gateway, DHCP and TFTP server) at 10.0.2.2, DNS
 * at 10.0.2.3, DHCP addresses from 10.0.2.15; the guest's connections to
 * 10.0.2.2 reach the host's loopback.
 */
#ifndef __ASM_SANDBOX_SLIRP_H
#define __ASM_SANDBOX_SLIRP_H

struct os_slirp;

/**
 * typedef os_slirp_output_t - takes a frame the network sends the guest
 * @frame:	the Ethernet frame
 * @len:	its length
 * @priv:	os_slirp_new()'s @priv
 */
typedef void (*os_slirp_output_t)(const void *frame, int len, void *priv);

/**
 * os_slirp_new() - a user-mode network
 * @tftp_dir:	root of its TFTP server (NULL: no TFTP server)
 * @bootfile:	boot file its DHCP answers name (NULL: none)
 * @output:	called with each frame for the guest, also from within
 *		os_slirp_input() and os_slirp_poll()
 * @priv:	passed to @output
 * Return: the network, or NULL if libslirp refused
 */
struct os_slirp *os_slirp_new(const char *tftp_dir, const char *bootfile,
			      os_slirp_output_t output, void *priv);

/**
 * os_slirp_input() - a frame from the guest to the network
 * @s:		the network
 * @frame:	the Ethernet frame (no FCS)
 * @len:	its length
 */
void os_slirp_input(struct os_slirp *s, const void *frame, int len);

/**
 * os_slirp_poll() - let the network work: its host sockets (poll() with
 * a timeout of 0), its TCP timers and its own timers; never waits
 * @s:		the network
 */
void os_slirp_poll(struct os_slirp *s);

/**
 * os_slirp_free() - close the network and its host sockets
 * @s:		the network (NULL: nothing)
 */
void os_slirp_free(struct os_slirp *s);

#endif
