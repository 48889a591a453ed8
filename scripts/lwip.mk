# SPDX-License-Identifier: GPL-2.0-or-later
#
# lwIP for CONFIG_NET_LWIP, included by scripts/build.mk after CFLAGS.
# The tree and the file list: scripts/lwip-tree.mk. Objects go to
# $(O)/obj/lwip/, built with the firmware's flags (freestanding, NO_SYS:
# net/lwip/include/lwipopts.h) and warnings relaxed for lwIP's files only.
# Our port (net/lwip/) and commands include lwIP's headers: every object
# waits for the tree (order-only).

include scripts/lwip-tree.mk

LWIP_OBJS := $(addprefix $(O)/obj/lwip/,$(LWIP_SRCS:.c=.o))

CFLAGS += $(LWIP_INCLUDES)

$(LWIP_OBJS): $(O)/obj/lwip/%.o: $(LWIP_STAMP) $(AUTOCONF)
	@mkdir -p $(dir $@)
	@echo "  CC      lwip/$*.c"
	@$(CC) $(CFLAGS) $(LWIP_CFLAGS) -MMD -MP -c -o $@ $(LWIP_TREE)/src/$*.c

OBJS += $(LWIP_OBJS)
$(filter-out $(LWIP_OBJS),$(OBJS)): | $(LWIP_STAMP)
