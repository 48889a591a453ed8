// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * tftpboot's transfer: lwIP's TFTP client (with contrib/lwip/'s options)
 * storing blocks at the load address, with U-Boot's output: a '#' per
 * fiftieth of the file when the server gives its size (else one per ten
 * blocks), the rate, "Bytes transferred = N (hex hex)".
 */

#include <common.h>
#include <dm.h>
#include <env.h>
#include <mapmem.h>
#include <net.h>
#include <net-lwip.h>
#include <time.h>
#include <lwip/apps/tftp_client.h>
#include <lwip/timeouts.h>

enum done_state {
	NOT_DONE = 0,
	SUCCESS,
	FAILURE,
	ABORTED
};

struct tftp_ctx {
	ulong daddr;
	ulong size;
	ulong block_count;
	ulong hash_count;
	ulong start_time;
	ulong last_time;
	enum done_state done;
};

/* U-Boot's print_size(): "512 Bytes", "1 MiB", "1.5 GiB" */
static void print_size(u64 size, const char *s)
{
	static const char units[] = "KMGTPE";
	unsigned int i = 0, shift = 10;
	u64 n, m;

	if (size < 1024) {
		printf("%llu Bytes%s", (unsigned long long)size, s);
		return;
	}
	while (i + 1 < sizeof(units) - 1 && size >= (1ULL << (shift + 10))) {
		shift += 10;
		i++;
	}
	n = size >> shift;
	m = (10 * (size - (n << shift)) + (1ULL << (shift - 1))) >> shift;
	if (m >= 10) {
		m -= 10;
		n++;
	}
	printf("%llu", (unsigned long long)n);
	if (m)
		printf(".%llu", (unsigned long long)m);
	printf(" %ciB%s", units[i], s);
}

static int store_block(struct tftp_ctx *ctx, void *src, u16_t len)
{
	ulong tsize = tftp_client_get_tsize();
	ulong pos;
	void *ptr;

	if (!net_lwip_check_dest(ctx->daddr, len)) {
		net_lwip_print_dest_error("TFTP", ctx->daddr - ctx->size,
					  ctx->size + len);
		return -1;
	}
	ptr = map_sysmem(ctx->daddr, len);
	memcpy(ptr, src, len);
	unmap_sysmem(ptr);
	ctx->daddr += len;
	ctx->size += len;
	ctx->block_count++;

	if (tsize) {
		pos = min(ctx->size, tsize);
		while (ctx->hash_count < pos * 50 / tsize) {
			putc('#');
			ctx->hash_count++;
		}
	} else if (ctx->block_count % 10 == 0) {
		putc('#');
		if (ctx->block_count % (65 * 10) == 0)
			puts("\n\t ");
	}
	return 0;
}

static void *tftp_open(const char *fname, const char *mode, u8_t is_write)
{
	return NULL;
}

static void tftp_close(void *handle)
{
	struct tftp_ctx *ctx = handle;
	ulong tsize = tftp_client_get_tsize();
	ulong elapsed;

	if (ctx->done == FAILURE || ctx->done == ABORTED)
		return;
	if (tsize && ctx->size != tsize) {
		printf("\nTFTP error: got %lu bytes, the server announced %lu\n",
		       ctx->size, tsize);
		ctx->done = FAILURE;
		return;
	}
	ctx->done = SUCCESS;
	if (tsize) {
		while (ctx->hash_count < 49) {
			putc('#');
			ctx->hash_count++;
		}
		puts("  ");
		print_size(tsize, "");
	}
	elapsed = get_timer(ctx->start_time);
	if (elapsed > 0) {
		puts("\n\t ");
		print_size((u64)ctx->size * 1000 / elapsed, "/s");
	}
	puts("\ndone\n");
	printf("Bytes transferred = %lu (%lx hex)\n", ctx->size, ctx->size);
	env_set_hex("filesize", ctx->size);
}

static int tftp_read(void *handle, void *buf, int bytes)
{
	return 0;
}

static int tftp_write(void *handle, struct pbuf *p)
{
	struct tftp_ctx *ctx = handle;
	ulong tsize = tftp_client_get_tsize();
	struct pbuf *q;

	if (ctx->done != NOT_DONE)
		return -1;
	/* A size the server announces is checked once, before any block */
	if (!ctx->size && tsize && !net_lwip_check_dest(ctx->daddr, tsize)) {
		net_lwip_print_dest_error("TFTP", ctx->daddr, tsize);
		ctx->done = FAILURE;
		return -1;
	}
	for (q = p; q; q = q->next) {
		if (store_block(ctx, q->payload, q->len) < 0) {
			ctx->done = FAILURE;
			return -1;
		}
	}
	ctx->last_time = get_timer(0);
	return 0;
}

static void tftp_error(void *handle, int err, const char *msg, int size)
{
	struct tftp_ctx *ctx = handle;
	char message[100];

	if (ctx->done != NOT_DONE)
		return;
	ctx->done = FAILURE;
	if (!err && !strcmp(msg, "Timeout")) {
		printf("Timeout!\n");
		return;
	}
	memset(message, 0, sizeof(message));
	memcpy(message, msg, min((size_t)size, sizeof(message) - 1));
	/* U-Boot's words; it starts again after other errors, we do not */
	printf("\nTFTP error: '%s' (%d)\n", message, err);
	puts("Not retrying...\n");
}

static const struct tftp_context tftp_context = {
	tftp_open,
	tftp_close,
	tftp_read,
	tftp_write,
	tftp_error
};

static int tftp_loop(struct udevice *udev, ulong addr, const char *fname,
		     ip_addr_t srvip, u16 port)
{
	ulong blksize = CONFIG_TFTP_BLOCKSIZE, windowsize = 1;
	ulong timeout = net_lwip_timeout_ms("tftptimeout");
	struct tftp_ctx ctx = { .daddr = addr };
	struct netif *netif;
	const char *ep;
	err_t err;

	netif = net_lwip_new_netif(udev);
	if (!netif)
		return -1;

	printf("Using %s device\n", udev->name);
	printf("TFTP from server %s; our IP address is %s\n",
	       ipaddr_ntoa(&srvip), env_get("ipaddr") ?: "0.0.0.0");
	printf("Filename '%s'.\n", fname);
	printf("Load address: 0x%lx\n", addr);
	printf("Loading: ");

	err = tftp_init_client(&tftp_context);
	if (err != ERR_OK) {
		printf("\ntftp_init_client() error %d\n", err);
		net_lwip_remove_netif(netif);
		return -1;
	}
	ep = env_get("tftpblocksize");
	if (ep)
		blksize = simple_strtoul(ep, NULL, 10);
	ep = env_get("tftpwindowsize");
	if (ep)
		windowsize = simple_strtoul(ep, NULL, 10);
	tftp_client_set_blksize(blksize > 65464 ? 65464 : blksize);
	tftp_client_set_windowsize(windowsize > 65535 ? 65535 : windowsize);

	ctx.start_time = get_timer(0);
	ctx.last_time = ctx.start_time;
	err = tftp_get(&ctx, &srvip, port, fname, TFTP_MODE_OCTET);
	if (err != ERR_OK) {
		printf("\ntftp_get() error %d\n", err);
		ctx.done = FAILURE;
	}
	/* a silent server: U-Boot's "Timeout!" after tftptimeout ms */
	while (!ctx.done) {
		net_lwip_rx(udev, netif);
		if (ctrlc()) {
			printf("\nAbort\n");
			ctx.done = ABORTED;
			break;
		}
		if (get_timer(ctx.last_time) > timeout) {
			printf("Timeout!\n");
			ctx.done = FAILURE;
		}
	}
	tftp_cleanup();
	net_lwip_remove_netif(netif);

	if (ctx.done != SUCCESS)
		return -1;
	env_set_hex("fileaddr", addr);
	return 0;
}

int tftp_run(ulong addr, const char *fname, ip_addr_t srvip, u16 port)
{
	int ret;

	if (net_lwip_eth_start() < 0)
		return -1;
	ret = tftp_loop(eth_get_dev(), addr, fname, srvip, port);
	net_lwip_eth_stop();
	return ret;
}
