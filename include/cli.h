/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The command line: reading lines at the prompt, running them through
 * the shell (cli_hush.h), and the main loop that start-up ends in.
 * run_command() and run_command_list() are declared in <command.h>.
 */
#ifndef __CLI_H
#define __CLI_H

#include <command.h>

/** console_buffer - the line cli_readline() read */
extern char console_buffer[CONFIG_SYS_CBSIZE + 1];

/**
 * main_loop() - what start-up ends in: run 'preboot' (CONFIG_USE_PREBOOT),
 * count down 'bootdelay' and run 'bootcmd' (CONFIG_AUTOBOOT), then the
 * interactive shell. Returns only if the console input has ended.
 */
void main_loop(void);

/** cli_init() - prepare the shell; main_loop() calls it */
void cli_init(void);

/**
 * cli_loop() - the interactive shell: print CONFIG_SYS_PROMPT, read a
 * line, run it; an empty line runs the last one again if all its
 * commands are repeatable (as 'md' is). Does not return.
 */
void cli_loop(void);

/**
 * cli_readline() - read a line into console_buffer, with editing
 * @prompt: printed first (NULL: nothing)
 * Return: as cli_readline_into_buffer()
 */
int cli_readline(const char *const prompt);

/**
 * cli_readline_into_buffer() - read a line from the console
 * @prompt: printed first (NULL: nothing)
 * @buffer: receives the line without its end (CONFIG_SYS_CBSIZE + 1 bytes)
 * @timeout: milliseconds to wait for each character, 0 for no limit
 *
 * Characters are echoed; Backspace/DEL erase one, Ctrl-U the whole line,
 * Ctrl-W a word; with CONFIG_CMDLINE_EDITING the up/down arrows (and
 * Ctrl-P/Ctrl-N) recall earlier lines. CR, LF or CR LF end the line.
 * Return: the line's length, -1 if Ctrl-C abandoned it, -2 on timeout
 */
int cli_readline_into_buffer(const char *const prompt, char *buffer,
			     int timeout);

/**
 * cli_readline_edit() - cli_readline_into_buffer() with no timeout, the
 * line starting as @buffer holds it (shown after @prompt, to be edited)
 * @prompt: printed first (NULL: nothing)
 * @buffer: the line to edit (NUL-terminated), then the line read
 * Return: as cli_readline_into_buffer()
 */
int cli_readline_edit(const char *const prompt, char *buffer);

/**
 * run_command_repeatable() - run a command line, noting if it can repeat
 * @cmd:	the command line
 * @flag:	CMD_FLAG_* bits passed to each command
 * Return: 1 if it succeeded and every command in it is repeatable, 0 if
 *	   it succeeded, -1 if it failed
 */
int run_command_repeatable(const char *cmd, int flag);

#endif
