// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The medium behind an emulated sandbox disk (a virtio-blk device or a
 * virtio-scsi LUN): a host file or, for unit tests, memory ("mem:SIZE"),
 * and the option syntax the device specs share.
 */

#include <common.h>
#include <virtio_sandbox.h>
#include <asm/os.h>

int vsb_opt_uint(const char *opt, const char *name, u32 *valp)
{
	size_t n = strlen(name);
	char *end;

	if (strncmp(opt, name, n) || opt[n] != '=' || !opt[n + 1])
		return -ENOENT;
	*valp = simple_strtoul(opt + n + 1, &end, 0);

	return *end ? -EINVAL : 0;
}

int vsb_medium_open(struct vsb_medium *m, const char *file, bool ro)
{
	s64 size;

	m->fd = -1;
	m->mem = NULL;
	if (!strncmp(file, "mem:", 4)) {
		char *end;

		m->size = simple_strtoull(file + 4, &end, 0);
		if (*end || !m->size)
			return -EINVAL;
		m->mem = calloc(1, m->size);
		return m->mem ? 0 : -ENOMEM;
	}
	m->fd = os_open(file, ro ? OS_O_RDONLY : OS_O_RDWR);
	/* -ENOENT would read as "no emulator" to sandbox_virtio_add()'s caller */
	if (m->fd < 0)
		return -EBADF;
	size = os_filesize(m->fd);
	if (size < 0) {
		os_close(m->fd);
		m->fd = -1;
		return size;
	}
	m->size = size;

	return 0;
}

void vsb_medium_close(struct vsb_medium *m)
{
	if (m->fd >= 0)
		os_close(m->fd);
	m->fd = -1;
	free(m->mem);
	m->mem = NULL;
}

int vsb_medium_io(struct vsb_medium *m, void *buf,
		  struct virtio_sandbox_req *req, u64 chain_off, u64 disk_off,
		  u64 len, bool write)
{
	while (len) {
		u64 chunk = min_t(u64, len, VSB_MEDIUM_MAX_IO);

		if (write) {
			vsb_req_read(req, chain_off, buf, chunk);
			if (m->mem)
				memcpy(m->mem + disk_off, buf, chunk);
			else if (os_pwrite(m->fd, buf, chunk, disk_off) !=
				 (ssize_t)chunk)
				return -EIO;
		} else {
			if (m->mem)
				memcpy(buf, m->mem + disk_off, chunk);
			else if (os_pread(m->fd, buf, chunk, disk_off) !=
				 (ssize_t)chunk)
				return -EIO;
			vsb_req_write(req, chain_off, buf, chunk);
		}
		chain_off += chunk;
		disk_off += chunk;
		len -= chunk;
	}

	return 0;
}
