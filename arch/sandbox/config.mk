# SPDX-License-Identifier: GPL-2.0-or-later
# Sandbox: a host program. Only files in host-y see the host's headers.
CROSS_COMPILE :=
ARCH_CFLAGS :=
LINK_CMD = $(CC) $(SAN_FLAGS) -o $@ $(OBJS) \
	$(if $(filter y,$(CONFIG_VIRTIO_EMUL_NET)),-lslirp)
LINK_DEPS :=
TARGETS :=
