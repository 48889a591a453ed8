// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The medium behind an emulated sandbox disk (a virtio-blk device or a
 * SCSI LUN): a host file or, for unit tests, memory ("mem:SIZE"); the
 * buffers of a request as the device sees them; and the option syntax the
 * device specs share. See include/emul_medium.h.
 */

#include <common.h>
#include <emul_medium.h>
#include <malloc.h>
#include <asm/os.h>

static u64 emul_sg_copy(const struct emul_sg *sg, u64 offset, u8 *buf,
			u64 len, bool to_sg)
{
	u64 done = 0;
	unsigned int i;

	if (offset >= sg->len)
		return 0;
	len = min(len, sg->len - offset);
	offset += sg->off;
	for (i = 0; i < sg->n && done < len; i++) {
		struct emul_iov *iov = &sg->iov[i];
		u64 chunk;

		if (offset >= iov->len) {
			offset -= iov->len;
			continue;
		}
		chunk = min_t(u64, iov->len - offset, len - done);
		if (to_sg)
			memcpy(iov->addr + offset, buf + done, chunk);
		else
			memcpy(buf + done, iov->addr + offset, chunk);
		done += chunk;
		offset = 0;
	}

	return done;
}

u64 emul_sg_read(const struct emul_sg *sg, u64 off, void *buf, u64 len)
{
	return emul_sg_copy(sg, off, buf, len, false);
}

u64 emul_sg_write(const struct emul_sg *sg, u64 off, const void *buf,
		  u64 len)
{
	return emul_sg_copy(sg, off, (u8 *)buf, len, true);
}

int emul_opt_uint(const char *opt, const char *name, u32 *valp)
{
	size_t n = strlen(name);
	char *end;

	if (strncmp(opt, name, n) || opt[n] != '=' || !opt[n + 1])
		return -ENOENT;
	*valp = simple_strtoul(opt + n + 1, &end, 0);

	return *end ? -EINVAL : 0;
}

int emul_medium_open(struct emul_medium *m, const char *file, bool ro)
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

void emul_medium_close(struct emul_medium *m)
{
	if (m->fd >= 0)
		os_close(m->fd);
	m->fd = -1;
	free(m->mem);
	m->mem = NULL;
}

int emul_medium_io(struct emul_medium *m, void *buf, const struct emul_sg *sg,
		   u64 sg_off, u64 disk_off, u64 len, bool write)
{
	while (len) {
		u64 chunk = min_t(u64, len, EMUL_MEDIUM_MAX_IO);

		if (write) {
			emul_sg_read(sg, sg_off, buf, chunk);
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
			emul_sg_write(sg, sg_off, buf, chunk);
		}
		sg_off += chunk;
		disk_off += chunk;
		len -= chunk;
	}

	return 0;
}

int emul_medium_flush(struct emul_medium *m)
{
	if (m->fd >= 0 && os_fsync(m->fd))
		return -EIO;

	return 0;
}
