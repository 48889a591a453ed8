# SPDX-License-Identifier: GPL-2.0-or-later
#
# lwIP's source tree and file list, shared by scripts/lwip.mk (the
# firmware) and test/fuzz/fuzz.mk (the net fuzz target).
#
# The source is Debian trixie's lwip package (2.2.1), fetched once by
# scripts/lwip-fetch into build/lwip/lwip-<version>/ and never copied into
# the tree. Its src/ folder is copied to build/lwip/tree/ with
# contrib/lwip/*.patch applied, again when a patch or the fetch script
# changes.

LWIP_TREE := build/lwip/tree
LWIP_STAMP := $(LWIP_TREE)/.stamp
LWIP_PATCHES := $(sort $(wildcard contrib/lwip/*.patch))

# What virtboot uses: IPv4 core, ARP/Ethernet, DHCP, DNS, raw (ping), UDP,
# TCP, the TFTP and HTTP clients (lwipopts.h turns the rest off)
LWIP_SRCS := core/init.c core/def.c core/dns.c core/inet_chksum.c core/ip.c \
	core/mem.c core/memp.c core/netif.c core/pbuf.c core/raw.c \
	core/stats.c core/sys.c core/tcp.c core/tcp_in.c core/tcp_out.c \
	core/timeouts.c core/udp.c core/ipv4/dhcp.c core/ipv4/etharp.c \
	core/ipv4/icmp.c core/ipv4/ip4.c core/ipv4/ip4_addr.c \
	core/ipv4/ip4_frag.c netif/ethernet.c apps/tftp/tftp.c \
	apps/http/http_client.c

# Everyone including lwIP's headers: our port's, then lwIP's
LWIP_INCLUDES := -Inet/lwip/include -I$(LWIP_TREE)/src/include
# lwIP's own files only: the <stdlib.h> they include, and warnings their
# style does not meet (not errors: they are not our code)
LWIP_CFLAGS := -Inet/lwip/compat -Wno-error -Wno-unused-but-set-variable \
	-Wno-implicit-fallthrough -Wno-unused-function -Wno-address

$(LWIP_STAMP): scripts/lwip-fetch $(LWIP_PATCHES)
	@echo "  LWIP    $(LWIP_TREE)"
	@src=$$(scripts/lwip-fetch) && \
	rm -rf $(LWIP_TREE).tmp && mkdir -p $(LWIP_TREE).tmp && \
	cp -a "$$src/src" $(LWIP_TREE).tmp/ && \
	for p in $(LWIP_PATCHES); do \
		patch -s -p1 -d $(LWIP_TREE).tmp --no-backup-if-mismatch < $$p || \
			{ echo "lwip: $$p does not apply" >&2; exit 1; }; \
	done && touch $(LWIP_TREE).tmp/.stamp && \
	rm -rf $(LWIP_TREE) && mv $(LWIP_TREE).tmp $(LWIP_TREE)
