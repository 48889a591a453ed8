/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The shell: a parser and executor compatible with U-Boot's hush
 * (CONFIG_HUSH_PARSER). It understands
 *   ;  &&  ||  newlines  # comments  'single'  "double"  \escapes
 *   $name ${name} ${name:-default} ${name:=default} $?
 *   name=value (a local shell variable)  ! command
 *   if/then/elif/else/fi  while/until ... do ... done
 *   for x in ...; do ... done
 * A $name is looked up in the environment first, then among the local
 * variables, as U-Boot does. An unquoted expansion is split into words
 * at blanks; a quoted one stays one word. The whole text is parsed
 * before anything runs, so a syntax error runs nothing.
 */
#ifndef __CLI_HUSH_H
#define __CLI_HUSH_H

#include <linux/types.h>

/* Deepest nesting of if/while/for, and of 'run' inside 'run' */
#define HUSH_MAX_DEPTH		16

/**
 * cli_hush_run() - parse and run a script
 * @script: the commands; several lines are allowed
 * @flag: CMD_FLAG_* bits passed to every command
 * @repeatable: if not NULL, set to 0 unless every command that ran is
 *	repeatable (pressing Enter at the prompt runs the line again)
 * Return: the exit status of the last command: 0 for success, 1 for
 *	failure; a syntax error prints "syntax error: <why>" and returns 1
 */
int cli_hush_run(const char *script, int flag, int *repeatable);

/**
 * cli_hush_incomplete() - whether @text ends inside a quote or an
 * unfinished if, while or for, so that more lines could complete it (the
 * prompt then reads them, as U-Boot's hush does with its "> " prompt)
 * @text: the lines so far
 * Return: true if more lines are needed
 */
bool cli_hush_incomplete(const char *text);

/**
 * cli_hush_check() - parse a script without running it
 * @script: the commands
 * @errp: if not NULL, set to the reason of a syntax error (static text)
 * Return: 0, or -EINVAL for a syntax error, -ENOMEM
 */
int cli_hush_check(const char *script, const char **errp);

/**
 * cli_hush_expand() - turn one simple command into its argument list
 * @line: the command, e.g. "echo '$a' ${b}x" (no ; && || or keywords)
 * @argcp: set to the number of arguments
 * @argvp: set to a NULL-terminated array; free it with one free()
 *
 * Quotes, escapes and variables are handled as when the command runs;
 * this is what the unit tests use to check word splitting.
 * Return: 0, -EINVAL for a syntax error or operators, or -ENOMEM
 */
int cli_hush_expand(const char *line, int *argcp, char ***argvp);

/** cli_hush_last_status() - the value of $? */
int cli_hush_last_status(void);

/**
 * set_local_var() - set a local shell variable (what "name=value" does)
 * @name: a shell name: a letter or '_', then letters, digits and '_'
 * @value: the value; NULL or "" removes the variable
 * Return: 0, -EINVAL for a bad name, or -ENOMEM
 */
int set_local_var(const char *name, const char *value);

/** get_local_var() - a local shell variable's value, or NULL */
const char *get_local_var(const char *name);

/** unset_local_var() - remove a local shell variable */
void unset_local_var(const char *name);

#endif
