/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The environment: named string variables that scripts, commands and
 * the user share ("bootcmd", "loadaddr", ...). It lives in memory only;
 * env_init() fills it from the default environment.
 *
 * With CONFIG_ENV_IS_IN_FAT it is also kept in a file on a FAT partition
 * (common/env_fat.c): env_load() at start-up, env_save() for 'saveenv'.
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

/* U-Boot's stored environment: a CRC-32 of the data, then the data */
#define ENV_HEADER_SIZE	4
#define ENV_SIZE	(CONFIG_ENV_SIZE - ENV_HEADER_SIZE)

/**
 * struct environment_s - the environment as U-Boot stores it (its env_t:
 * CONFIG_ENV_SIZE bytes)
 * @crc:	CRC-32 of @data, in the CPU's byte order
 * @data:	"name=value" strings, each ended by a NUL, then a NUL; the
 *		rest is NULs
 */
struct environment_s {
	u32 crc;
	unsigned char data[ENV_SIZE];
};

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

/* env_import_data() flags */
#define ENV_IMPORT_DELETE	0x0001	/* delete the others first (-d) */
#define ENV_IMPORT_CRLF		0x0002	/* text lines may end in CRLF (-r) */

/**
 * env_export_data() - the environment (or some variables) as U-Boot's
 * hexport_r() writes it: "name=value" entries sorted by name, each ended
 * by @sep, then a NUL; a @sep or a backslash in a value gets a backslash
 * before it
 * @sep:	'\n' (text) or '\0' (binary)
 * @buf:	where the data goes; NULL to count the bytes only
 * @nvars:	number of names in @vars; 0: every variable
 * @vars:	only these variables
 * Return: the number of bytes, the final NUL included
 */
size_t env_export_data(char sep, char *buf, int nvars, char *const vars[]);

/**
 * env_import_data() - set variables from data in env_export_data()'s form,
 * as U-Boot's himport_r(): "name" or "name=" deletes, a text line starting
 * with '#' is a comment; text ends at a NUL, binary at an empty entry
 * @data:	the data, @size + 1 bytes (changed: escapes are taken out)
 * @size:	its size
 * @sep:	'\n' (text) or '\0' (binary)
 * @flags:	ENV_IMPORT_DELETE, ENV_IMPORT_CRLF
 * @nvars:	number of names in @vars; 0: every variable in the data
 * @vars:	only these variables (with ENV_IMPORT_DELETE, those of them
 *		missing from the data are deleted)
 * Return: 0, -ENOMEM, or -EINVAL if a variable could not be set (an
 *	   error line has been printed)
 */
int env_import_data(char *data, size_t size, char sep, int flags, int nvars,
		    char *const vars[]);

/**
 * env_import() - replace the environment by a stored one, as U-Boot's
 * @buf:	the stored environment (struct environment_s); its data is
 *		changed
 * @check:	check the CRC first: a bad one prints U-Boot's "*** Warning -
 *		bad CRC, using default environment" and sets the default
 *		environment
 * @flags:	unused (U-Boot's H_* flags)
 * Return: 0, -ENOMSG for a bad CRC, -EIO if the data could not be
 *	   imported (the default environment is then set)
 */
int env_import(char *buf, int check, int flags);

/**
 * env_uses_default() - whether the environment came from the default one
 * (at start-up or by 'env default -a') rather than from storage, for
 * 'env info' (U-Boot's GD_FLG_ENV_DEFAULT)
 * Return: true if the default environment is in use
 */
bool env_uses_default(void);

/**
 * env_load() - (CONFIG_ENV_IS_IN_FAT) replace the environment by the one
 * saved in CONFIG_ENV_FAT_FILE, as U-Boot's env_load(): prints "Loading
 * Environment from FAT... " then "OK", or why not (a bad CRC: U-Boot's
 * warning), keeping the default environment then
 * Return: 0 if loaded, -ve if the default environment is kept
 */
int env_load(void);

/**
 * env_save() - (CONFIG_ENV_IS_IN_FAT) write the environment to
 * CONFIG_ENV_FAT_FILE in U-Boot's format (a CRC-32, then the binary
 * export padded to CONFIG_ENV_SIZE), printing "Saving Environment to
 * FAT... " then "OK" or U-Boot's error lines
 * Return: 0, or -ve if it was not saved
 */
int env_save(void);

#endif
