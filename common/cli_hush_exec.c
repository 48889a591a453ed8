// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The shell's executor: walks the tree cli_hush.c built, expanding each
 * command's words (quotes, escapes, variables, word splitting) just
 * before the command runs, and keeps $? and the local variables.
 */
#include <common.h>
#include <cli_hush.h>
#include <command.h>
#include <env.h>
#include <linux/ctype.h>
#include "hush_internal.h"

/* A local shell variable, set by "name=value" */
struct local_var {
	struct local_var *next;
	char *value;
	char name[];
};

/* The words a command expands to, and the one being built */
struct fields {
	char **argv;
	int argc, cap;
	char *buf;		/* current word */
	size_t len, size;
	bool active;		/* the current word exists, even if empty */
	bool oom;
};

struct exec_ctx {
	int flag;		/* CMD_FLAG_* for every command */
	int *repeatable;
};

static struct local_var *local_vars;
static int last_status;
static int run_depth;
static int loop_depth;		/* loops running: Ctrl-C is checked often */
static bool interrupted;	/* Ctrl-C stopped a loop: end the script */
static bool exiting;		/* 'exit' ends the innermost script */
static int exit_status;

/* --- local variables ------------------------------------------------- */

static bool name_valid(const char *name)
{
	const char *p;

	if (!name || !hush_is_name_start(*name))
		return false;
	for (p = name + 1; *p; p++) {
		if (!hush_is_name_char(*p))
			return false;
	}
	return true;
}

static struct local_var **local_find(const char *name)
{
	struct local_var **pp;

	for (pp = &local_vars; *pp; pp = &(*pp)->next) {
		if (!strcmp((*pp)->name, name))
			break;
	}
	return pp;
}

const char *get_local_var(const char *name)
{
	struct local_var *v = *local_find(name);

	return v ? v->value : NULL;
}

void unset_local_var(const char *name)
{
	struct local_var **pp = local_find(name);
	struct local_var *v = *pp;

	if (v) {
		*pp = v->next;
		free(v->value);
		free(v);
	}
}

int set_local_var(const char *name, const char *value)
{
	struct local_var **pp, *v;
	char *copy;

	if (!name_valid(name))
		return -EINVAL;
	if (!value || !*value) {
		unset_local_var(name);
		return 0;
	}
	copy = strdup(value);
	if (!copy)
		return -ENOMEM;
	pp = local_find(name);
	v = *pp;
	if (!v) {
		v = malloc(sizeof(*v) + strlen(name) + 1);
		if (!v) {
			free(copy);
			return -ENOMEM;
		}
		strcpy(v->name, name);
		v->next = NULL;
		v->value = NULL;
		*pp = v;
	}
	free(v->value);
	v->value = copy;
	return 0;
}

int cli_hush_last_status(void)
{
	return last_status;
}

/* --- building words -------------------------------------------------- */

static void add_char(struct fields *f, char c)
{
	if (f->oom)
		return;
	if (f->len + 1 >= f->size) {
		size_t size = f->size ? f->size * 2 : 64;
		char *buf = realloc(f->buf, size);

		if (!buf) {
			f->oom = true;
			return;
		}
		f->buf = buf;
		f->size = size;
	}
	f->buf[f->len++] = c;
	f->buf[f->len] = '\0';
	f->active = true;
}

static void add_text(struct fields *f, const char *s, size_t len)
{
	while (len-- && !f->oom)
		add_char(f, *s++);
}

/* Finish the current word, if there is one, and add it to argv. */
static void end_field(struct fields *f)
{
	char *word;

	if (!f->active)
		return;
	f->active = false;
	if (f->argc + 2 > f->cap) {
		int cap = f->cap ? f->cap * 2 : 8;
		char **argv = realloc(f->argv, cap * sizeof(*argv));

		if (!argv) {
			f->oom = true;
			return;
		}
		f->argv = argv;
		f->cap = cap;
	}
	word = strndup(f->buf ? f->buf : "", f->len);
	if (!word) {
		f->oom = true;
		return;
	}
	f->argv[f->argc++] = word;
	f->argv[f->argc] = NULL;
	f->len = 0;
	if (f->buf)
		f->buf[0] = '\0';
}

static void fields_free(struct fields *f)
{
	int i;

	for (i = 0; i < f->argc; i++)
		free(f->argv[i]);
	free(f->argv);
	free(f->buf);
	memset(f, 0, sizeof(*f));
}

/* Add an expansion's value; unquoted, blanks in it separate words. */
static void add_value(struct fields *f, const char *val, bool split)
{
	if (!split) {
		add_text(f, val, strlen(val));
		return;
	}
	for (; *val && !f->oom; val++) {
		if (*val == ' ' || *val == '\t' || *val == '\n')
			end_field(f);
		else
			add_char(f, *val);
	}
}

/* --- expansion ------------------------------------------------------- */

/* Environment first, then local variables, as U-Boot's hush does. */
static const char *lookup_var(const char *name, size_t len)
{
	static char status[12];
	char buf[128];
	const char *val;

	if (len == 1 && *name == '?') {
		snprintf(status, sizeof(status), "%d", last_status);
		return status;
	}
	if (len >= sizeof(buf))
		return NULL;
	memcpy(buf, name, len);
	buf[len] = '\0';
	val = env_get(buf);
	return val ? val : get_local_var(buf);
}

/*
 * Expand the $ reference at @p (checked by the parser) into @f.
 * Return: the number of characters it takes up in the script.
 */
static int expand_dollar(const char *p, struct fields *f, bool split)
{
	const char *name = p + 1, *end, *colon;
	const char *val;

	if (*name == '{') {
		name++;
		end = strchr(name, '}');
		colon = memchr(name, ':', end - name);
		val = lookup_var(name, (colon ? colon : end) - name);
		if (colon && (!val || !*val)) {
			/* ${name:-word} or ${name:=word}: word is plain text */
			char *def = strndup(colon + 2, end - colon - 2);
			char var[128];
			size_t nlen = colon - name;

			val = NULL;
			if (!def) {
				f->oom = true;
				return end + 1 - p;
			}
			add_value(f, def, split);
			/* not a shell name ("serial#"): nothing to set */
			if (colon[1] == '=' && nlen < sizeof(var)) {
				memcpy(var, name, nlen);
				var[nlen] = '\0';
				if (name_valid(var) && set_local_var(var, def))
					f->oom = true;
			}
			free(def);
		}
		if (val)
			add_value(f, val, split);
		return end + 1 - p;
	}
	if (*name == '?') {
		add_value(f, lookup_var(name, 1), split);
		return 2;
	}
	if (!hush_is_name_start(*name)) {
		add_char(f, '$');
		return 1;
	}
	for (end = name + 1; hush_is_name_char(*end); end++)
		;
	val = lookup_var(name, end - name);
	if (val)
		add_value(f, val, split);
	return end - p;
}

/*
 * Expand one word of the script into @f: @split says whether unquoted
 * expansions are cut at blanks (arguments) or not (assigned values).
 */
static void expand_word(const char *p, int len, struct fields *f, bool split)
{
	const char *end = p + len;

	while (p < end) {
		switch (*p) {
		case '\\':
			if (p + 1 < end) {
				if (p[1] != '\n')
					add_char(f, p[1]);
				f->active = true;
				p += 2;
			} else {
				add_char(f, *p++);
			}
			break;
		case '\'': {
			const char *q = memchr(p + 1, '\'', end - p - 1);

			f->active = true;
			add_text(f, p + 1, q - p - 1);
			p = q + 1;
			break;
		}
		case '"':
			f->active = true;
			for (p++; *p != '"';) {
				if (*p == '\\' && p[1] &&
				    strchr("$\"\\`\n", p[1])) {
					if (p[1] != '\n')
						add_char(f, p[1]);
					p += 2;
				} else if (*p == '$') {
					p += expand_dollar(p, f, false);
				} else {
					add_char(f, *p++);
				}
			}
			p++;
			break;
		case '$':
			p += expand_dollar(p, f, split);
			break;
		default:
			add_char(f, *p++);
		}
	}
}

/* --- running --------------------------------------------------------- */

static int exec_list(struct exec_ctx *x, struct hush_node *n);

/*
 * Ctrl-C ends a loop, even when a command inside it (sleep) saw the
 * key first: the console remembers it until the next script starts.
 */
static bool check_interrupt(void)
{
	if (!interrupted && (had_ctrlc() || ctrlc())) {
		puts("<INTERRUPT>\n");
		interrupted = true;
	}
	return interrupted;
}

/* Stop running the rest of the script? */
static bool stopping(void)
{
	return interrupted || exiting;
}

static int set_assignment(const struct hush_word *w, int nlen)
{
	struct fields f = { };
	char name[128];
	int ret;

	if (nlen >= (int)sizeof(name))
		return -EINVAL;
	memcpy(name, w->text, nlen);
	name[nlen] = '\0';
	expand_word(w->text + nlen + 1, w->len - nlen - 1, &f, false);
	ret = f.oom ? -ENOMEM : set_local_var(name, f.buf);
	fields_free(&f);
	return ret;
}

static int exec_simple(struct exec_ctx *x, struct hush_node *n)
{
	struct hush_word *w;
	struct fields f = { };
	int nlen, ret;

	/* Leading name=value words set local variables. */
	for (w = n->words; w && (nlen = hush_assignment_len(w)); w = w->next) {
		if (set_assignment(w, nlen)) {
			printf("cannot set '%.*s': out of memory\n", nlen,
			       w->text);
			return 1;
		}
	}

	for (; w; w = w->next) {
		expand_word(w->text, w->len, &f, true);
		end_field(&f);
	}
	if (f.oom) {
		puts("out of memory\n");
		fields_free(&f);
		return 1;
	}
	if (!f.argc) {
		fields_free(&f);
		return 0;
	}
	ret = cmd_process(x->flag, f.argc, f.argv, x->repeatable, NULL);
	fields_free(&f);
	return ret ? 1 : 0;
}

static int exec_for(struct exec_ctx *x, struct hush_node *n)
{
	struct hush_word *w;
	struct fields f = { };
	char var[128];
	int i, status = 0;

	snprintf(var, sizeof(var), "%.*s", n->var->len, n->var->text);
	for (w = n->words; w; w = w->next) {
		expand_word(w->text, w->len, &f, true);
		end_field(&f);
	}
	if (f.oom) {
		puts("out of memory\n");
		fields_free(&f);
		return 1;
	}
	for (i = 0; i < f.argc && !stopping() && !check_interrupt(); i++) {
		if (set_local_var(var, f.argv[i])) {
			puts("out of memory\n");
			status = 1;
			break;
		}
		status = exec_list(x, n->body);
	}
	fields_free(&f);
	return status;
}

static int exec_node(struct exec_ctx *x, struct hush_node *n)
{
	int status = 0;

	switch (n->type) {
	case HN_CMD:
		status = exec_simple(x, n);
		break;
	case HN_IF:
		/* no branch taken: the condition's status, as U-Boot's hush */
		status = exec_list(x, n->cond);
		if (!status)
			status = exec_list(x, n->body);
		else if (n->alt)
			status = exec_list(x, n->alt);
		break;
	case HN_LOOP:
		/* a loop's status is its last condition's, as U-Boot's hush */
		loop_depth++;
		while (!stopping() && !check_interrupt()) {
			status = exec_list(x, n->cond);
			if (stopping() || (n->until ? !status : status))
				break;
			exec_list(x, n->body);
		}
		loop_depth--;
		break;
	case HN_FOR:
		loop_depth++;
		status = exec_for(x, n);
		loop_depth--;
		break;
	}
	if (interrupted)
		return 1;
	if (exiting)
		return exit_status;
	return n->negate ? !status : status;
}

static int exec_list(struct exec_ctx *x, struct hush_node *n)
{
	for (; n && !stopping(); n = n->next) {
		/* in a loop, Ctrl-C also stops the rest of the body */
		if (loop_depth && check_interrupt())
			break;
		if (n->join == HJ_AND && last_status)
			continue;
		if (n->join == HJ_OR && !last_status)
			continue;
		last_status = exec_node(x, n);
	}
	if (interrupted)
		last_status = 1;
	else if (exiting)
		last_status = exit_status;
	return last_status;
}

/* The plain lines hush_plain_words() takes: short, and few words */
#define PLAIN_MAX_LEN	128
#define PLAIN_MAX_ARGS	16

/*
 * A line of plain words (letters, digits and " _-./:,+@%": no quote,
 * escape, variable, operator, assignment, comment or second line) whose
 * first word is no keyword means what the parser would make of it: one
 * simple command, its words split at the blanks. Such a line runs
 * without the parser: under QEMU's TCG, translating the parser's code
 * for the default bootcmd ("zipl boot") cost 0.8 ms of every qemu-s390x
 * boot. Split it into @buf (PLAIN_MAX_LEN bytes) and @argv
 * (PLAIN_MAX_ARGS + 1). Return: the number of words, 0 for the parser.
 */
static int hush_plain_words(const char *script, char *buf, char **argv)
{
	static const char *const keywords[] = {
		"if", "while", "until", "for",
		"then", "elif", "else", "fi", "do", "done",
	};
	size_t len = strnlen(script, PLAIN_MAX_LEN), i;
	int argc = 0;
	char *p;

	if (len == PLAIN_MAX_LEN)
		return 0;
	memcpy(buf, script, len + 1);
	for (p = buf; *p; p++) {
		if (!isalnum(*p) && !strchr(" _-./:,+@%", *p))
			return 0;
	}
	for (p = buf; *p;) {
		if (*p == ' ') {
			*p++ = '\0';
			continue;
		}
		if (argc == PLAIN_MAX_ARGS)
			return 0;
		argv[argc++] = p;
		while (*p && *p != ' ')
			p++;
	}
	argv[argc] = NULL;
	for (i = 0; argc && i < ARRAY_SIZE(keywords); i++) {
		if (!strcmp(argv[0], keywords[i]))
			return 0;
	}
	return argc;
}

int cli_hush_run(const char *script, int flag, int *repeatable)
{
	struct exec_ctx x = { .flag = flag, .repeatable = repeatable };
	struct hush_script s = { };
	char buf[PLAIN_MAX_LEN], *argv[PLAIN_MAX_ARGS + 1];
	const char *err;
	int argc, ret;

	if (!script)
		return 0;
	if (run_depth >= HUSH_MAX_DEPTH) {
		puts("## Error: scripts nested too deeply (does a 'run' call itself?)\n");
		return 1;
	}
	argc = hush_plain_words(script, buf, argv);
	if (!argc) {
		ret = hush_parse(script, &s, &err);
		if (ret) {
			printf("syntax error: %s\n", err);
			last_status = 1;
			return 1;
		}
		if (!s.list) {		/* nothing but blanks and comments */
			hush_free(&s);
			return 0;
		}
	}
	if (!run_depth) {
		interrupted = false;
		loop_depth = 0;
		clear_ctrlc();
	}
	/* 'run' inside 'run' may fan out without a loop: Ctrl-C stops it */
	if (run_depth && check_interrupt()) {
		hush_free(&s);
		return 1;
	}
	run_depth++;
	if (argc) {
		/* what exec_list() makes of one simple command */
		ret = cmd_process(flag, argc, argv, repeatable, NULL) ? 1 : 0;
		last_status = interrupted ? 1 : exiting ? exit_status : ret;
	} else {
		exec_list(&x, s.list);
	}
	exiting = false;
	run_depth--;
	hush_free(&s);
	return last_status ? 1 : 0;
}

int cli_hush_expand(const char *line, int *argcp, char ***argvp)
{
	struct hush_script s;
	struct hush_word *w;
	struct fields f = { };
	const char *err;
	char **argv, *p;
	size_t size;
	int i, ret;

	ret = hush_parse(line, &s, &err);
	if (ret)
		return ret == -EAGAIN ? -EINVAL : ret;
	if (s.list && (s.list->next || s.list->type != HN_CMD ||
		       s.list->negate)) {
		hush_free(&s);
		return -EINVAL;
	}
	for (w = s.list ? s.list->words : NULL; w; w = w->next) {
		expand_word(w->text, w->len, &f, true);
		end_field(&f);
	}
	hush_free(&s);

	/* One block: the pointer array, then the strings. */
	size = (f.argc + 1) * sizeof(char *);
	for (i = 0; i < f.argc; i++)
		size += strlen(f.argv[i]) + 1;
	argv = f.oom ? NULL : malloc(size);
	if (!argv) {
		fields_free(&f);
		return -ENOMEM;
	}
	p = (char *)(argv + f.argc + 1);
	for (i = 0; i < f.argc; i++) {
		argv[i] = p;
		strcpy(p, f.argv[i]);
		p += strlen(p) + 1;
	}
	argv[f.argc] = NULL;
	*argcp = f.argc;
	*argvp = argv;
	fields_free(&f);
	return 0;
}

/* --- exit and showvar ------------------------------------------------ */

static int do_exit(struct cmd_tbl *cmdtp, int flag, int argc,
		   char *const argv[])
{
	unsigned long status = 0;

	if (argc > 1 && (strict_strtoul(argv[1], 10, &status) ||
			 status > 255)) {
		printf("exit: bad status '%s' (0 to 255)\n", argv[1]);
		return CMD_RET_FAILURE;
	}
	exiting = true;
	exit_status = status;
	return status ? CMD_RET_FAILURE : CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	exit, 2, 1, do_exit,
	"exit script",
	"[n]\n"
	"    - end the script being run (a 'run' or a command line) with\n"
	"      status n (default 0)"
);

static int do_showvar(struct cmd_tbl *cmdtp, int flag, int argc,
		      char *const argv[])
{
	struct local_var *v;
	int i, ret = 0;

	if (argc == 1) {
		for (v = local_vars; v; v = v->next)
			printf("%s=%s\n", v->name, v->value);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		const char *val = get_local_var(argv[i]);

		if (val) {
			printf("%s=%s\n", argv[i], val);
		} else {
			printf("## Error: \"%s\" not defined\n", argv[i]);
			ret = 1;
		}
	}
	return ret;
}

U_BOOT_CMD(
	showvar, CONFIG_SYS_MAXARGS, 1, do_showvar,
	"print local shell variables",
	"\n    - print every local shell variable\n"
	"showvar name ...\n"
	"    - print the local shell variables 'name' ..."
);
