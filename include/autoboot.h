/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Autoboot: the 'bootdelay' countdown before running 'bootcmd'. */
#ifndef __AUTOBOOT_H
#define __AUTOBOOT_H

#ifdef CONFIG_AUTOBOOT
/**
 * bootdelay_process() - read 'bootdelay' (CONFIG_BOOTDELAY if unset)
 * Return: the commands autoboot would run ('bootcmd'), or NULL
 */
const char *bootdelay_process(void);

/**
 * autoboot_command() - count down and run @s unless a key is pressed
 * @s: what bootdelay_process() returned; NULL does nothing
 *
 * Prints "Hit any key to stop autoboot: N" and updates N every second.
 * A 'bootdelay' of -1 disables autoboot, -2 runs @s without waiting or
 * checking for a key. The key that stops the countdown is consumed.
 */
void autoboot_command(const char *s);
#else
static inline const char *bootdelay_process(void)
{
	return NULL;
}

static inline void autoboot_command(const char *s)
{
}
#endif

#endif
