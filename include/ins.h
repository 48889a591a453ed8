/* SPDX-License-Identifier: GPL-2.0-or-later */
/* .INS files: the files of an s390 memory image and their addresses */
#ifndef __INS_H
#define __INS_H

#include <linux/types.h>

/**
 * typedef ins_load_fn - load one file of an .INS file
 * @priv:	the caller's context
 * @file:	the file's name
 * @addr:	its address in the memory image
 * Return: 0, or a negative error that stops the parse
 */
typedef int (*ins_load_fn)(void *priv, const char *file, ulong addr);

/**
 * ins_parse() - call @fn for each file line of an .INS file
 * @text:	the file, NUL-terminated (its lines are cut in place)
 * @len:	its length
 * @fn:		called for each "name address" line, in order
 * @priv:	passed to @fn
 * Return: 0, @fn's error, or -EINVAL after one line naming the bad line
 */
int ins_parse(char *text, ulong len, ins_load_fn fn, void *priv);

#endif
