/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The environment: named string variables that scripts, commands and
 * the user share ("bootcmd", "loadaddr", ...). It lives in memory only;
 * env_init() fills it from the default environment.
 *
 * The default environment is made of, in this order (later wins):
 *   - bootdelay (CONFIG_BOOTDELAY), bootcmd (CONFIG_BOOTCOMMAND, when not
 *     empty), loadaddr (CONFIG_SYS_LOAD_ADDR, lower-case hex without 0x),
 *     arch, board, board_name (CONFIG_SYS_ARCH, CONFIG_SYS_BOARD);
 *   - the board's board_env_extra[]: "name=value\0" strings, one after the
 *     other, ended by an empty string (a board file defines the array;
 *     without one there are no additions), for example
 *	const char board_env_extra[] = "kernel_addr_r=0x80000\0"
 *				       "bootargs=console=ttyS0\0";
 */
#ifndef __ENV_H
#define __ENV_H

#include <linux/types.h>

/* env_set_default() flag: print @s as is (a user asked for it) */
#define H_INTERACTIVE	0x0001
/* env_set_default() flag: overwrite every variable (env default -f) */
#define H_FORCE		0x0002

/*
 * board_env_extra - the board's additions to the default environment:
 * "name=value\0" strings ended by an empty one. A weak reference: NULL
 * when the board file defines none (a weak empty definition would clash
 * in type with the board's array under link-time optimisation).
 */
extern const char board_env_extra[] __weak;

/**
 * env_init() - set up the environment from the default environment
 *
 * Called once at start-up, before anything reads a variable.
 * Return: 0, or -ENOMEM
 */
int env_init(void);

/**
 * env_get() - the value of a variable
 * @varname: its name
 * Return: the value, valid until the variable is next changed, or NULL if
 *	   it is not set
 */
char *env_get(const char *varname);

/**
 * env_set() - set or delete a variable
 * @varname: its name: not empty, no '=' in it
 * @value: the new value; NULL or "" deletes the variable
 * Return: 0, -EINVAL for a bad name, -ENOSPC if the environment would
 *	   exceed CONFIG_ENV_SIZE, or -ENOMEM
 */
int env_set(const char *varname, const char *value);

/**
 * env_get_ulong() - a variable's value read as a number
 * @name: the variable
 * @base: the number base (0 detects 0x and 0 prefixes)
 * @default_val: returned if the variable is not set
 * Return: the number (parsing stops at the first character that is not
 *	   a digit, as simple_strtoul() does), or @default_val
 */
ulong env_get_ulong(const char *name, int base, ulong default_val);

/** env_get_hex() - env_get_ulong(name, 16, default_val) */
ulong env_get_hex(const char *varname, ulong default_val);

/** env_set_ulong() - set a variable to a decimal number; as env_set() */
int env_set_ulong(const char *varname, ulong value);

/** env_set_hex() - set a variable to a hex number (no 0x); as env_set() */
int env_set_hex(const char *varname, ulong value);

/**
 * env_set_default() - replace the whole environment by the default one
 * @s: message to print first (NULL: none)
 * @flags: H_INTERACTIVE prints @s as is; otherwise it is printed as a
 *	   warning, "*** Warning - @s, using default environment"
 */
void env_set_default(const char *s, int flags);

/**
 * env_set_default_vars() - reset some variables to their default values
 * @nvars: number of names in @vars
 * @vars: the names; a variable that has no default value is deleted
 * @flags: unused (U-Boot's H_* flags)
 * Return: 0, or a negative errno from env_set()
 */
int env_set_default_vars(int nvars, char *const vars[], int flags);

/**
 * env_get_default() - the default value of a variable
 * @name:	the variable
 * Return: the value (static storage), or NULL if it has none
 */
const char *env_get_default(const char *name);

/**
 * env_foreach() - call @func for every variable, sorted by name
 * @func: called with each name and value; a non-zero return stops the walk
 * @priv: passed to @func
 * Return: what the last @func call returned, or 0
 */
int env_foreach(int (*func)(const char *name, const char *value, void *priv),
		void *priv);

/**
 * env_used_bytes() - size of the environment exported as "name=value\n"
 * lines plus a terminating NUL, as U-Boot's 'printenv' reports it
 * Return: the size in bytes
 */
int env_used_bytes(void);

/** env_max_bytes() - room for the environment (CONFIG_ENV_SIZE less its CRC) */
int env_max_bytes(void);

/**
 * env_name_valid() - a usable variable name: not empty, no '=' and no
 * white space
 * @name:	the name to check
 * Return: true if @name can be set
 */
bool env_name_valid(const char *name);

#endif
