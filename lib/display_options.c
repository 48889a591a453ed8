// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * print_size(): a size with the largest binary unit it reaches and one
 * rounded decimal, as U-Boot prints load speeds and device sizes.
 */
#include <common.h>
#include <display_options.h>

void print_size(u64 size, const char *suffix)
{
	static const char units[] = "KMGTPE";
	unsigned int tenths = 0;
	int shift = 0, i;
	u64 whole;

	for (i = 0; units[i] && size >= (1ULL << (shift + 10)); i++)
		shift += 10;
	if (!shift) {
		printf("%llu Bytes%s", (unsigned long long)size, suffix);
		return;
	}
	whole = size >> shift;
	/* the remainder in tenths of the unit, rounded (in 1/1024ths) */
	tenths = (((size & ((1ULL << shift) - 1)) >> (shift - 10)) * 10 +
		  512) >> 10;
	if (tenths >= 10) {
		tenths -= 10;
		whole++;
	}
	printf("%llu", (unsigned long long)whole);
	if (tenths)
		printf(".%u", tenths);
	printf(" %ciB%s", units[i - 1], suffix);
}
