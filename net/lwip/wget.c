// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * wget's transfer: lwIP's HTTP client (apps/http/http_client) storing
 * the body at the load address, with U-Boot's output ('#' per fiftieth
 * of Content-Length, "N bytes transferred in T ms", "Bytes transferred =
 * N (hex hex)"), filesize and fileaddr.
 */

#include <common.h>
#include <dm.h>
#include <env.h>
#include <mapmem.h>
#include <net.h>
#include <net-lwip.h>
#include <time.h>
#include <linux/errno.h>
#include <lwip/altcp.h>
#include <lwip/apps/http_client.h>

#define SERVER_NAME_SIZE	254
#define HTTP_PORT_DEFAULT	80
/* longest silence before giving up (httpc's own limit is 15 s) */
#define WGET_SILENCE_MS		20000

enum done_state {
	NOT_DONE = 0,
	SUCCESS,
	FAILURE,
	ABORTED
};

struct wget_ctx {
	char server_name[SERVER_NAME_SIZE + 1];
	u16 port;
	const char *path;
	ulong daddr;
	ulong saddr;
	ulong size;
	ulong content_len;
	ulong hash_count;
	ulong start_time;
	ulong last_time;
	enum done_state done;
};

/* http://host[:port]/path, or [host:]path with host defaulting to
 * serverip (U-Boot's legacy wget form)
 */
static int parse_url(const char *url, struct wget_ctx *ctx)
{
	const char *host, *end, *colon;
	size_t n;

	ctx->port = HTTP_PORT_DEFAULT;
	if (strncmp(url, "http://", 7) && strstr(url, "://")) {
		printf("only http:// is supported\n");
		return -EINVAL;
	}
	if (!strncmp(url, "http://", 7)) {
		host = url + 7;
		end = strchr(host, '/');
		if (!end) {
			printf("invalid uri, no file path\n");
			return -EINVAL;
		}
		ctx->path = end;
		colon = memchr(host, ':', end - host);
		if (colon) {
			char *e;

			ctx->port = simple_strtoul(colon + 1, &e, 10);
			if (e != end || !ctx->port) {
				printf("invalid port in %s\n", url);
				return -EINVAL;
			}
			end = colon;
		}
		if (memchr(host, '@', end - host)) {
			printf("user information is not supported\n");
			return -EINVAL;
		}
	} else {
		colon = strchr(url, ':');
		if (colon) {
			host = url;
			end = colon;
			ctx->path = colon + 1;
		} else {
			host = env_get("serverip");
			if (!host) {
				printf("error: serverip has to be set\n");
				return -EINVAL;
			}
			end = host + strlen(host);
			ctx->path = url;
		}
	}
	n = end - host;
	if (!n || n > SERVER_NAME_SIZE) {
		printf("invalid host name in %s\n", url);
		return -EINVAL;
	}
	memcpy(ctx->server_name, host, n);
	ctx->server_name[n] = '\0';
	if (!*ctx->path) {
		printf("invalid uri, no file path\n");
		return -EINVAL;
	}
	return 0;
}

static int store_block(struct wget_ctx *ctx, void *src, u16_t len)
{
	ulong pos;
	void *ptr;

	if (!net_lwip_check_dest(ctx->daddr, len)) {
		net_lwip_print_dest_error("wget", ctx->saddr, ctx->size + len);
		return -1;
	}
	ptr = map_sysmem(ctx->daddr, len);
	memcpy(ptr, src, len);
	unmap_sysmem(ptr);
	ctx->daddr += len;
	ctx->size += len;
	if (ctx->content_len) {
		pos = min(ctx->size, ctx->content_len);
		while (ctx->hash_count < pos * 50 / ctx->content_len) {
			putc('#');
			ctx->hash_count++;
		}
	}
	return 0;
}

static err_t httpc_recv_cb(void *arg, struct altcp_pcb *pcb, struct pbuf *p,
			   err_t err)
{
	struct wget_ctx *ctx = arg;
	struct pbuf *q;

	if (!p)
		return ERR_BUF;
	ctx->last_time = get_timer(0);
	for (q = p; q; q = q->next) {
		if (store_block(ctx, q->payload, q->len) < 0) {
			ctx->done = FAILURE;
			pbuf_free(p);
			altcp_abort(pcb);
			return ERR_ABRT;
		}
	}
	altcp_recved(pcb, p->tot_len);
	pbuf_free(p);
	return ERR_OK;
}

static void httpc_result_cb(void *arg, httpc_result_t result,
			    u32_t rx_content_len, u32_t srv_res, err_t err)
{
	struct wget_ctx *ctx = arg;
	ulong elapsed;

	if (ctx->done != NOT_DONE)
		return;
	if (result != HTTPC_RESULT_OK) {
		printf("\nHTTP client error %d\n", result);
		ctx->done = FAILURE;
		return;
	}
	if (srv_res != 200) {
		printf("\nHTTP server error %u\n", (unsigned int)srv_res);
		ctx->done = FAILURE;
		return;
	}
	while (ctx->hash_count < 49) {
		putc('#');
		ctx->hash_count++;
	}
	elapsed = get_timer(ctx->start_time);
	if (!elapsed)
		elapsed = 1;
	printf("\n%lu bytes transferred in %lu ms (", ctx->size, elapsed);
	printf("%lu KiB/s)\n", ctx->size * 1000 / elapsed / 1024);
	printf("Bytes transferred = %lu (%lx hex)\n", ctx->size, ctx->size);
	env_set_hex("filesize", ctx->size);
	env_set_hex("fileaddr", ctx->saddr);
	ctx->done = SUCCESS;
}

static err_t httpc_headers_done_cb(httpc_state_t *connection, void *arg,
				   struct pbuf *hdr, u16_t hdr_len,
				   u32_t content_len)
{
	struct wget_ctx *ctx = arg;

	if (content_len == 0xFFFFFFFF)	/* no Content-Length */
		content_len = 0;
	ctx->content_len = content_len;
	if (content_len && !net_lwip_check_dest(ctx->saddr, content_len)) {
		net_lwip_print_dest_error("wget", ctx->saddr, content_len);
		ctx->done = FAILURE;
		return ERR_BUF;
	}
	return ERR_OK;
}

static int wget_loop(struct udevice *udev, ulong addr, const char *url)
{
	struct wget_ctx ctx = { .daddr = addr, .saddr = addr };
	httpc_connection_t conn = { 0 };
	httpc_state_t *state;
	struct netif *netif;
	ip_addr_t ip;

	if (parse_url(url, &ctx))
		return -1;
	netif = net_lwip_new_netif(udev);
	if (!netif)
		return -1;
	if (net_lwip_dns_resolve(udev, netif, ctx.server_name, &ip)) {
		net_lwip_remove_netif(netif);
		return -1;
	}
	conn.use_proxy = 0;
	conn.result_fn = httpc_result_cb;
	conn.headers_done_fn = httpc_headers_done_cb;
	ctx.start_time = get_timer(0);
	ctx.last_time = ctx.start_time;
	/* the name is cached now; httpc sends it as Host: */
	if (httpc_get_file_dns(ctx.server_name, ctx.port, ctx.path, &conn,
			       httpc_recv_cb, &ctx, &state)) {
		printf("HTTP client error %d\n", HTTPC_RESULT_ERR_CONNECT);
		net_lwip_remove_netif(netif);
		return -1;
	}
	while (!ctx.done) {
		net_lwip_rx(udev, netif);
		/* the result callback came: httpc has freed its state */
		if (ctx.done)
			break;
		if (ctrlc()) {
			printf("\nAbort\n");
			ctx.done = ABORTED;
			httpc_abort(state);
			break;
		}
		if (get_timer(ctx.last_time) > WGET_SILENCE_MS) {
			printf("\nHTTP client error %d\n",
			       HTTPC_RESULT_ERR_TIMEOUT);
			ctx.done = FAILURE;
			httpc_abort(state);
		}
	}
	net_lwip_remove_netif(netif);
	return ctx.done == SUCCESS ? 0 : -1;
}

int wget_run(ulong addr, const char *url)
{
	int ret;

	if (net_lwip_eth_start() < 0)
		return -1;
	ret = wget_loop(eth_get_dev(), addr, url);
	net_lwip_eth_stop();
	return ret;
}
