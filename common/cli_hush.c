// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The shell's parser: a lexer that cuts the script into words and
 * operators, and a recursive-descent parser that builds the tree of
 * hush_internal.h. Grammar:
 *
 *   list    := { sep } [ and_or { sep { sep } and_or } ] { sep }
 *   and_or  := command { ("&&" | "||") { newline } command }
 *   command := [ "!" ] ( simple | if | loop | for )
 *   simple  := word { word }
 *   if      := "if" list "then" list { "elif" list "then" list }
 *		[ "else" list ] "fi"
 *   loop    := ("while" | "until") list "do" list "done"
 *   for     := "for" name [ "in" { word } ] sep { sep } "do" list "done"
 *   sep     := ";" | newline
 *
 * Keywords are recognised only where a command starts, and only when
 * written without quotes, as in any Bourne shell. Everything is checked
 * here, including quotes and ${...}, so that running cannot meet a
 * syntax error halfway through a script.
 */
#include <common.h>
#include <cli_hush.h>
#include "hush_internal.h"

#define ARENA_BLOCK	2048

struct hush_arena {
	struct hush_arena *next;
	size_t used, size;
	char *text;		/* the script's copy, in the first block */
	long data[];		/* long: keeps allocations aligned */
};

enum tok_type {
	TOK_WORD,
	TOK_SEMI,
	TOK_NEWLINE,
	TOK_AND,
	TOK_OR,
	TOK_EOF,
};

struct token {
	enum tok_type type;
	const char *text;
	int len;
};

struct parser {
	const char *pos;		/* next character to read */
	struct token tok;		/* look-ahead token */
	bool have_tok;
	const char *err;		/* first syntax error */
	bool more;			/* it is at the end of the text */
	int depth;			/* nesting of compound commands */
	struct hush_arena *arena;
};

/* --- memory ---------------------------------------------------------- */

static void *arena_alloc(struct parser *ps, size_t size)
{
	struct hush_arena *a = ps->arena;
	void *p;

	size = ALIGN(size, sizeof(long));
	if (!a || a->used + size > a->size) {
		size_t bsize = max_t(size_t, size, ARENA_BLOCK);

		a = malloc(sizeof(*a) + bsize);
		if (!a) {
			if (!ps->err)
				ps->err = "out of memory";
			return NULL;
		}
		a->next = ps->arena;
		a->used = 0;
		a->size = bsize;
		a->text = NULL;
		ps->arena = a;
	}
	p = (char *)a->data + a->used;
	a->used += size;
	memset(p, 0, size);
	return p;
}

static void arena_free(struct hush_arena *a)
{
	while (a) {
		struct hush_arena *next = a->next;

		free(a);
		a = next;
	}
}

/* --- lexer ----------------------------------------------------------- */

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static bool ends_word(char c)
{
	return !c || is_blank(c) || c == '\n' || c == ';' || c == '&' ||
	       c == '|';
}

static void syntax(struct parser *ps, const char *why)
{
	if (!ps->err)
		ps->err = why;
}

/*
 * Check a ${...} reference starting at the '$' and return its length.
 * Inside the braces: a name (anything but blanks, ':' and '}', since
 * U-Boot variables such as "serial#" are not shell names), then
 * optionally ":-default" or ":=default".
 */
static int lex_braced_var(struct parser *ps, const char *p)
{
	const char *q = p + 2;

	while (*q && *q != '}' && *q != ':' && !is_blank(*q) && *q != '\\' &&
	       *q != '\n' && *q != '"' && *q != '\'' && *q != '$')
		q++;
	if (q == p + 2) {
		syntax(ps, "bad variable name in ${...}");
		return 0;
	}
	if (*q == ':') {
		if (q[1] != '-' && q[1] != '=') {
			syntax(ps, "only ${name:-word} and ${name:=word} are supported");
			return 0;
		}
		for (q += 2; *q && *q != '}' && *q != '\n'; q++)
			;
	}
	if (*q != '}') {
		syntax(ps, "missing '}'");
		return 0;
	}
	return q + 1 - p;
}

/* Scan one word from ps->pos, which is not at a word end. */
static void lex_word(struct parser *ps, struct token *tok)
{
	const char *p = ps->pos;
	int n;

	tok->type = TOK_WORD;
	tok->text = p;
	while (!ends_word(*p) && !ps->err) {
		switch (*p) {
		case '\\':
			p += p[1] ? 2 : 1;
			break;
		case '\'':
			p = strchr(p + 1, '\'');
			if (!p) {
				ps->more = !ps->err;
				syntax(ps, "unterminated quoted string");
				return;
			}
			p++;
			break;
		case '"':
			for (p++; *p && *p != '"'; p++) {
				if (*p == '\\' && p[1]) {
					p++;
				} else if (*p == '$' && p[1] == '{') {
					n = lex_braced_var(ps, p);
					if (!n)
						return;
					p += n - 1;
				}
			}
			if (!*p) {
				ps->more = !ps->err;
				syntax(ps, "unterminated quoted string");
				return;
			}
			p++;
			break;
		case '$':
			if (p[1] == '{') {
				n = lex_braced_var(ps, p);
				if (!n)
					return;
				p += n;
				break;
			}
			p++;
			break;
		default:
			p++;
		}
	}
	tok->len = p - tok->text;
	ps->pos = p;
}

static void lex(struct parser *ps, struct token *tok)
{
	const char *p = ps->pos;

	for (;;) {
		while (is_blank(*p))
			p++;
		if (p[0] == '\\' && p[1] == '\n') {	/* line continuation */
			p += 2;
			continue;
		}
		if (*p == '#') {			/* comment */
			while (*p && *p != '\n')
				p++;
			continue;
		}
		break;
	}

	tok->text = p;
	tok->len = 1;
	ps->pos = p + 1;
	switch (*p) {
	case '\0':
		tok->type = TOK_EOF;
		tok->len = 0;
		ps->pos = p;
		return;
	case '\n':
		tok->type = TOK_NEWLINE;
		return;
	case ';':
		tok->type = TOK_SEMI;
		return;
	case '&':
		if (p[1] != '&') {
			syntax(ps, "'&' (background jobs) is not supported");
			tok->type = TOK_EOF;
			return;
		}
		tok->type = TOK_AND;
		tok->len = 2;
		ps->pos = p + 2;
		return;
	case '|':
		if (p[1] != '|') {
			syntax(ps, "'|' (pipes) is not supported");
			tok->type = TOK_EOF;
			return;
		}
		tok->type = TOK_OR;
		tok->len = 2;
		ps->pos = p + 2;
		return;
	}
	ps->pos = p;
	lex_word(ps, tok);
	if (ps->err)
		tok->type = TOK_EOF;
}

static struct token *peek(struct parser *ps)
{
	if (!ps->have_tok) {
		lex(ps, &ps->tok);
		ps->have_tok = true;
	}
	return &ps->tok;
}

static void next(struct parser *ps)
{
	peek(ps);
	ps->have_tok = false;
}

static bool tok_is(const struct token *tok, const char *word)
{
	return tok->type == TOK_WORD && (int)strlen(word) == tok->len &&
	       !strncmp(tok->text, word, tok->len);
}

/* Keywords that end a list: the caller decides which one it wants. */
static bool tok_ends_list(const struct token *tok)
{
	static const char *const enders[] = {
		"then", "elif", "else", "fi", "do", "done",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(enders); i++) {
		if (tok_is(tok, enders[i]))
			return true;
	}
	return false;
}

/* --- parser ---------------------------------------------------------- */

static struct hush_node *parse_list(struct parser *ps);
static struct hush_node *parse_command(struct parser *ps);

static struct hush_word *new_word(struct parser *ps, const struct token *tok)
{
	struct hush_word *w = arena_alloc(ps, sizeof(*w));

	if (w) {
		w->text = tok->text;
		w->len = tok->len;
	}
	return w;
}

static struct hush_node *new_node(struct parser *ps, enum hush_node_type type)
{
	struct hush_node *n = arena_alloc(ps, sizeof(*n));

	if (n)
		n->type = type;
	return n;
}

/* Consume keyword @kw or report what was found instead. */
static bool expect(struct parser *ps, const char *kw, const char *opener)
{
	static char msg[64];
	struct token *tok = peek(ps);

	if (ps->err)
		return false;
	if (tok_is(tok, kw)) {
		next(ps);
		return true;
	}
	if (tok->type == TOK_EOF) {
		snprintf(msg, sizeof(msg), "'%s' without '%s'", opener, kw);
		ps->more = !ps->err;
	} else
		snprintf(msg, sizeof(msg), "unexpected '%.*s', expected '%s'",
			 min(tok->len, 20), tok->text, kw);
	syntax(ps, msg);
	return false;
}

static void skip_separators(struct parser *ps, bool newlines_only)
{
	for (;;) {
		struct token *tok = peek(ps);

		if (tok->type == TOK_NEWLINE ||
		    (tok->type == TOK_SEMI && !newlines_only))
			next(ps);
		else
			return;
	}
}

static struct hush_node *parse_list(struct parser *ps)
{
	struct hush_node *head = NULL, **tail = &head;
	enum hush_join join = HJ_SEQ;

	skip_separators(ps, false);
	for (;;) {
		struct token *tok = peek(ps);
		struct hush_node *n;

		if (ps->err)
			return NULL;
		if (tok->type == TOK_EOF || tok_ends_list(tok)) {
			if (join != HJ_SEQ)
				syntax(ps, join == HJ_AND ?
				       "missing command after '&&'" :
				       "missing command after '||'");
			return head;
		}
		if (tok->type != TOK_WORD) {
			syntax(ps, tok->type == TOK_AND ? "unexpected '&&'" :
				   tok->type == TOK_OR ? "unexpected '||'" :
				   "unexpected ';'");
			return NULL;
		}

		n = parse_command(ps);
		if (!n)
			return NULL;
		n->join = join;
		*tail = n;
		tail = &n->next;

		tok = peek(ps);
		switch (tok->type) {
		case TOK_AND:
		case TOK_OR:
			join = tok->type == TOK_AND ? HJ_AND : HJ_OR;
			next(ps);
			skip_separators(ps, true);
			break;
		case TOK_SEMI:
		case TOK_NEWLINE:
			join = HJ_SEQ;
			skip_separators(ps, false);
			break;
		case TOK_EOF:
			return ps->err ? NULL : head;
		default:
			/* after "fi" or "done": only a list end may follow */
			if (!tok_ends_list(tok)) {
				syntax(ps, "missing ';' after 'fi' or 'done'");
				return NULL;
			}
			join = HJ_SEQ;
		}
	}
}

static struct hush_node *parse_simple(struct parser *ps)
{
	struct hush_node *n = new_node(ps, HN_CMD);
	struct hush_word **tail;

	if (!n)
		return NULL;
	tail = &n->words;
	while (peek(ps)->type == TOK_WORD) {
		struct hush_word *w = new_word(ps, peek(ps));

		if (!w)
			return NULL;
		*tail = w;
		tail = &w->next;
		next(ps);
	}
	return ps->err ? NULL : n;
}

/* "if" was just read; "elif" parses the same way. */
static struct hush_node *parse_if(struct parser *ps)
{
	struct hush_node *n = new_node(ps, HN_IF);

	if (!n)
		return NULL;
	n->cond = parse_list(ps);
	if (!n->cond && !ps->err)
		syntax(ps, "missing condition after 'if'");
	if (!expect(ps, "then", "if"))
		return NULL;
	n->body = parse_list(ps);
	if (ps->err)
		return NULL;
	if (tok_is(peek(ps), "elif")) {
		next(ps);
		n->alt = parse_if(ps);
		return n->alt ? n : NULL;
	}
	if (tok_is(peek(ps), "else")) {
		next(ps);
		n->alt = parse_list(ps);
	}
	return expect(ps, "fi", "if") ? n : NULL;
}

static struct hush_node *parse_loop(struct parser *ps, bool until)
{
	struct hush_node *n = new_node(ps, HN_LOOP);
	const char *kw = until ? "until" : "while";

	if (!n)
		return NULL;
	n->until = until;
	n->cond = parse_list(ps);
	if (!n->cond && !ps->err)
		syntax(ps, until ? "missing condition after 'until'" :
			   "missing condition after 'while'");
	if (!expect(ps, "do", kw))
		return NULL;
	n->body = parse_list(ps);
	return expect(ps, "done", kw) ? n : NULL;
}

static struct hush_node *parse_for(struct parser *ps)
{
	struct hush_node *n = new_node(ps, HN_FOR);
	struct hush_word **tail;
	struct token *tok;
	int i;

	if (!n)
		return NULL;
	tok = peek(ps);
	if (tok->type != TOK_WORD || !hush_is_name_start(tok->text[0])) {
		syntax(ps, "'for' needs a variable name");
		return NULL;
	}
	for (i = 1; i < tok->len; i++) {
		if (!hush_is_name_char(tok->text[i])) {
			syntax(ps, "'for' needs a variable name");
			return NULL;
		}
	}
	n->var = new_word(ps, tok);
	next(ps);
	skip_separators(ps, true);
	tail = &n->words;
	if (tok_is(peek(ps), "in")) {
		next(ps);
		while (peek(ps)->type == TOK_WORD) {
			struct hush_word *w = new_word(ps, peek(ps));

			if (!w)
				return NULL;
			*tail = w;
			tail = &w->next;
			next(ps);
		}
	}
	tok = peek(ps);
	if (tok->type == TOK_EOF) {
		ps->more = !ps->err;
		syntax(ps, "'for' without 'do'");
		return NULL;
	}
	if (tok->type != TOK_SEMI && tok->type != TOK_NEWLINE &&
	    !tok_is(tok, "do")) {
		syntax(ps, "missing ';' before 'do'");
		return NULL;
	}
	skip_separators(ps, false);
	if (!expect(ps, "do", "for"))
		return NULL;
	n->body = parse_list(ps);
	return expect(ps, "done", "for") ? n : NULL;
}

static struct hush_node *parse_command(struct parser *ps)
{
	struct token *tok = peek(ps);
	struct hush_node *n;

	if (tok_is(tok, "!")) {
		next(ps);
		if (peek(ps)->type != TOK_WORD || tok_ends_list(peek(ps))) {
			syntax(ps, "missing command after '!'");
			return NULL;
		}
		n = parse_command(ps);
		if (n)
			n->negate = !n->negate;
		return n;
	}

	if (!tok_is(tok, "if") && !tok_is(tok, "while") &&
	    !tok_is(tok, "until") && !tok_is(tok, "for"))
		return parse_simple(ps);

	if (++ps->depth > HUSH_MAX_DEPTH) {
		syntax(ps, "commands nested too deeply");
		return NULL;
	}
	if (tok_is(tok, "if")) {
		next(ps);
		n = parse_if(ps);
	} else if (tok_is(tok, "for")) {
		next(ps);
		n = parse_for(ps);
	} else {
		bool until = tok_is(tok, "until");

		next(ps);
		n = parse_loop(ps, until);
	}
	ps->depth--;
	return n;
}

int hush_parse(const char *text, struct hush_script *script,
	       const char **errp)
{
	struct parser ps = { };
	size_t len = strlen(text);
	char *copy;

	/* The words point into a copy that lives as long as the tree. */
	copy = arena_alloc(&ps, len + 1);
	if (!copy) {
		*errp = "out of memory";
		return -ENOMEM;
	}
	memcpy(copy, text, len + 1);
	ps.pos = copy;

	script->list = parse_list(&ps);
	if (!ps.err && peek(&ps)->type != TOK_EOF) {
		static char msg[48];

		/* a list ender nobody opened: "fi", "done", ... */
		snprintf(msg, sizeof(msg), "unexpected '%.*s'",
			 min(ps.tok.len, 20), ps.tok.text);
		ps.err = msg;
	}
	script->arena = ps.arena;
	if (ps.err) {
		*errp = ps.err;
		hush_free(script);
		if (!strcmp(ps.err, "out of memory"))
			return -ENOMEM;
		/* more lines could end what is open: a quote, an if, a loop */
		return ps.more ? -EAGAIN : -EINVAL;
	}
	return 0;
}

void hush_free(struct hush_script *script)
{
	arena_free(script->arena);
	script->arena = NULL;
	script->list = NULL;
}

int hush_assignment_len(const struct hush_word *w)
{
	int i;

	if (!w->len || !hush_is_name_start(w->text[0]))
		return 0;
	for (i = 1; i < w->len && hush_is_name_char(w->text[i]); i++)
		;
	return i < w->len && w->text[i] == '=' ? i : 0;
}

int cli_hush_check(const char *script, const char **errp)
{
	struct hush_script s;
	const char *err;
	int ret;

	ret = hush_parse(script, &s, &err);
	if (!ret)
		hush_free(&s);
	else if (errp)
		*errp = err;
	return ret == -EAGAIN ? -EINVAL : ret;
}

bool cli_hush_incomplete(const char *text)
{
	struct hush_script s;
	const char *err;
	int ret = hush_parse(text, &s, &err);

	if (!ret)
		hush_free(&s);
	return ret == -EAGAIN;
}
