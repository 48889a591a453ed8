/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The shell's inner interface between its parser (cli_hush.c) and its
 * executor (cli_hush_exec.c). Not for use outside common/.
 *
 * The parser turns a script into a tree of nodes. Words stay raw source
 * text: quotes, escapes and $ are handled only when a command runs, so
 * that "setenv a 1; echo $a" sees the new value.
 */
#ifndef __HUSH_INTERNAL_H
#define __HUSH_INTERNAL_H

#include <linux/types.h>

/* One word as written in the script, quotes and all */
struct hush_word {
	const char *text;
	int len;
	struct hush_word *next;
};

enum hush_node_type {
	HN_CMD,		/* simple command: words */
	HN_IF,		/* if cond; then body; else alt; fi (elif: an HN_IF alt) */
	HN_LOOP,	/* while/until cond; do body; done */
	HN_FOR,		/* for var in words; do body; done */
};

/* How a node is joined to the one before it in a list */
enum hush_join {
	HJ_SEQ,		/* ; or newline: always run */
	HJ_AND,		/* &&: run if the last status is 0 */
	HJ_OR,		/* ||: run if the last status is not 0 */
};

struct hush_node {
	enum hush_node_type type;
	enum hush_join join;
	bool negate;			/* ! command */
	struct hush_node *next;		/* next node of the list */
	struct hush_word *words;	/* HN_CMD arguments, HN_FOR values */
	struct hush_word *var;		/* HN_FOR loop variable */
	struct hush_node *cond;		/* HN_IF, HN_LOOP */
	struct hush_node *body;		/* HN_IF then-part, loop body */
	struct hush_node *alt;		/* HN_IF else-part */
	bool until;			/* HN_LOOP: until rather than while */
};

/* A parsed script: its tree lives in the arena and goes with it */
struct hush_script {
	struct hush_node *list;
	struct hush_arena *arena;
};

/**
 * hush_parse() - parse a whole script
 * @text: the script
 * @script: filled with the tree
 * @errp: set to the reason of a syntax error
 * Return: 0, -EINVAL (syntax error), -EAGAIN (the text ends inside a
 *	quote or an unfinished if/while/for: more lines may end it) or
 *	-ENOMEM
 */
int hush_parse(const char *text, struct hush_script *script,
	       const char **errp);

/** hush_free() - free a parsed script */
void hush_free(struct hush_script *script);

/** hush_is_name_start() / hush_is_name_char() - shell variable names */
static inline bool hush_is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static inline bool hush_is_name_char(char c)
{
	return hush_is_name_start(c) || (c >= '0' && c <= '9');
}

/** hush_assignment_len() - length of "name" if @w is "name=...", else 0 */
int hush_assignment_len(const struct hush_word *w);

#endif
