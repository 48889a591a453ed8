/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Circular doubly linked lists with a sentinel head, as the Linux kernel
 * and U-Boot use them: a struct list_head is embedded in each element and
 * container_of() gets back from the link to the element.
 *
 * An empty list is a head whose next and prev point at itself. Removed
 * entries are poisoned (next/prev set to NULL) so that a second removal
 * or a walk from a removed entry faults at once instead of corrupting
 * another list.
 */
#ifndef __LINUX_LIST_H
#define __LINUX_LIST_H

#include <linux/types.h>
#include <linux/kernel.h>

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)

/** INIT_LIST_HEAD() - make @list an empty list */
static inline void INIT_LIST_HEAD(struct list_head *list)
{
	list->next = list;
	list->prev = list;
}

/* Link @entry in between two neighbours known to be adjacent. */
static inline void __list_link(struct list_head *entry,
			       struct list_head *before,
			       struct list_head *after)
{
	entry->prev = before;
	entry->next = after;
	before->next = entry;
	after->prev = entry;
}

/** list_add() - insert @entry right after @head (stack order) */
static inline void list_add(struct list_head *entry, struct list_head *head)
{
	__list_link(entry, head, head->next);
}

/** list_add_tail() - insert @entry right before @head (queue order) */
static inline void list_add_tail(struct list_head *entry,
				 struct list_head *head)
{
	__list_link(entry, head->prev, head);
}

/** list_del() - unlink @entry from its list; @entry is left poisoned */
static inline void list_del(struct list_head *entry)
{
	entry->prev->next = entry->next;
	entry->next->prev = entry->prev;
	entry->next = NULL;
	entry->prev = NULL;
}

/** list_del_init() - unlink @entry and leave it an empty list */
static inline void list_del_init(struct list_head *entry)
{
	entry->prev->next = entry->next;
	entry->next->prev = entry->prev;
	INIT_LIST_HEAD(entry);
}

/** list_move_tail() - move @entry to the end of the list at @head */
static inline void list_move_tail(struct list_head *entry,
				  struct list_head *head)
{
	list_del(entry);
	list_add_tail(entry, head);
}

/** list_empty() - whether the list at @head has no entries */
static inline int list_empty(const struct list_head *head)
{
	return head->next == head;
}

/** list_is_last() - whether @entry is the last entry of the list at @head */
static inline int list_is_last(const struct list_head *entry,
			       const struct list_head *head)
{
	return entry->next == head;
}

/** list_is_first() - whether @entry is the first entry of the list */
static inline int list_is_first(const struct list_head *entry,
				const struct list_head *head)
{
	return entry->prev == head;
}

/** list_count_nodes() - number of entries in the list at @head */
static inline size_t list_count_nodes(const struct list_head *head)
{
	const struct list_head *pos;
	size_t count = 0;

	for (pos = head->next; pos != head; pos = pos->next)
		count++;

	return count;
}

/** list_entry() - the element that embeds the link @ptr as @member */
#define list_entry(ptr, type, member) container_of(ptr, type, member)

/** list_first_entry() - first element of a list that must not be empty */
#define list_first_entry(head, type, member)				\
	list_entry((head)->next, type, member)

/** list_last_entry() - last element of a list that must not be empty */
#define list_last_entry(head, type, member)				\
	list_entry((head)->prev, type, member)

/** list_first_entry_or_null() - first element, or NULL if the list is empty */
#define list_first_entry_or_null(head, type, member)			\
	(list_empty(head) ? NULL : list_first_entry(head, type, member))

#define list_next_entry(pos, member)					\
	list_entry((pos)->member.next, typeof(*(pos)), member)

#define list_prev_entry(pos, member)					\
	list_entry((pos)->member.prev, typeof(*(pos)), member)

/** list_for_each() - walk the links of a list */
#define list_for_each(pos, head)					\
	for (pos = (head)->next; pos != (head); pos = pos->next)

/** list_for_each_safe() - walk the links; @pos may be removed meanwhile */
#define list_for_each_safe(pos, n, head)				\
	for (pos = (head)->next, n = pos->next; pos != (head);		\
	     pos = n, n = pos->next)

/** list_for_each_entry() - walk the elements of a list */
#define list_for_each_entry(pos, head, member)				\
	for (pos = list_first_entry(head, typeof(*pos), member);	\
	     &pos->member != (head);					\
	     pos = list_next_entry(pos, member))

/** list_for_each_entry_reverse() - walk the elements from last to first */
#define list_for_each_entry_reverse(pos, head, member)			\
	for (pos = list_last_entry(head, typeof(*pos), member);		\
	     &pos->member != (head);					\
	     pos = list_prev_entry(pos, member))

/**
 * list_for_each_entry_safe() - walk the elements; the element at @pos may
 * be removed (and freed) in the loop body, @n already holds the next one
 * @pos:	the element (a pointer to the containing struct)
 * @n:		another such pointer, for the next element
 * @head:	the list's head
 * @member:	the name of the struct list_head in the element
 */
#define list_for_each_entry_safe(pos, n, head, member)			\
	for (pos = list_first_entry(head, typeof(*pos), member),	\
	     n = list_next_entry(pos, member);				\
	     &pos->member != (head);					\
	     pos = n, n = list_next_entry(n, member))

#endif
