# SPDX-License-Identifier: GPL-2.0-or-later
#
# lwIP for CONFIG_NET_LWIP, included by scripts/build.mk after CFLAGS.
#
# The source is Debian trixie's lwip package (2.2.1), fetched once by
# scripts/lwip-fetch into build/lwip/lwip-<version>/ and never copied into
# the tree. Its src/ folder is copied to build/lwip/tree/ with
# contrib/lwip/*.patch applied (again when a patch changes); the objects
# of the files below are built from there into $(O)/obj/lwip/, with the
# firmware's flags (freestanding, NO_SYS: net/lwip/include/lwipopts.h)
# and warnings relaxed for lwIP's own files only.
#
# Our port (net/lwip/) and commands include lwIP's headers: every object
# waits for the tree (order-only).

LWIP_TREE := build/lwip/tree
LWIP_STAMP := $(LWIP_TREE)/.stamp
LWIP_PATCHES := $(sort $(wildcard contrib/lwip/*.patch))

LWIP_SRCS := core/init.c core/def.c core/dns.c core/inet_chksum.c core/ip.c \
	core/mem.c core/memp.c core/netif.c core/pbuf.c core/raw.c \
	core/stats.c core/sys.c core/tcp.c core/tcp_in.c core/tcp_out.c \
	core/timeouts.c core/udp.c core/ipv4/dhcp.c core/ipv4/etharp.c \
	core/ipv4/icmp.c core/ipv4/ip4.c core/ipv4/ip4_addr.c \
	core/ipv4/ip4_frag.c netif/ethernet.c apps/tftp/tftp.c \
	apps/http/http_client.c

LWIP_INCLUDES := -Inet/lwip/include -I$(LWIP_TREE)/src/include
# lwIP's files: its own <stdlib.h> needs, and warnings it does not meet
LWIP_CFLAGS := -Inet/lwip/compat -Wno-error -Wno-unused-but-set-variable \
	-Wno-implicit-fallthrough -Wno-unused-function -Wno-address

LWIP_OBJS := $(addprefix $(O)/obj/lwip/,$(LWIP_SRCS:.c=.o))

CFLAGS += $(LWIP_INCLUDES)

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

$(LWIP_OBJS): $(O)/obj/lwip/%.o: $(LWIP_STAMP) $(AUTOCONF)
	@mkdir -p $(dir $@)
	@echo "  CC      lwip/$*.c"
	@$(CC) $(CFLAGS) $(LWIP_CFLAGS) -MMD -MP -c -o $@ $(LWIP_TREE)/src/$*.c

OBJS += $(LWIP_OBJS)
$(filter-out $(LWIP_OBJS),$(OBJS)): | $(LWIP_STAMP)
