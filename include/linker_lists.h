/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Linker lists: drivers, uclasses, commands and unit tests register
 * themselves by dropping a pointer into a named section; the linker
 * gathers every pointer of a list into one array bounded by
 * __start_<section> and __stop_<section>. No central table to edit.
 *
 * The section holds pointers, not the objects, so every element is the
 * same size whatever alignment the compiler picks for the object (and
 * AddressSanitizer's red zones around globals do not break the array).
 */
#ifndef __LINKER_LISTS_H
#define __LINKER_LISTS_H

#include <linux/compiler.h>

#define __ll_section(_list) __section("vb_list_" #_list)

/**
 * ll_entry_declare() - declare a list entry of type _type named _name
 * @_type:	the type of the object (a struct)
 * @_name:	the entry's name, unique in the list
 * @_list:	the list's name
 *
 * Expands to the object's declaration so that it can be followed by an
 * initialiser: ll_entry_declare(struct driver, foo, driver) = { ... };
 * The object is global and named _u_boot_list_2_<list>_2_<name>, so
 * ll_entry_get() can name it from another file, as in U-Boot.
 */
#define ll_entry_declare(_type, _name, _list)				\
	_type _u_boot_list_2_##_list##_2_##_name;			\
	static _type *const __ll_ptr_##_list##_##_name __used		\
		__ll_section(_list) = &_u_boot_list_2_##_list##_2_##_name; \
	_type _u_boot_list_2_##_list##_2_##_name

/** ll_entry_get() - the object of a named entry */
#define ll_entry_get(_type, _name, _list)				\
	({ extern _type _u_boot_list_2_##_list##_2_##_name;		\
	   &_u_boot_list_2_##_list##_2_##_name; })

/** ll_ptr_start() - first element of the pointer array of a list */
#define ll_ptr_start(_type, _list)					\
	({ extern _type *const __start_vb_list_##_list[] __weak; \
	   (_type *const *)__start_vb_list_##_list; })

/** ll_ptr_end() - one past the last element of the pointer array */
#define ll_ptr_end(_type, _list)					\
	({ extern _type *const __stop_vb_list_##_list[] __weak; \
	   (_type *const *)__stop_vb_list_##_list; })

/** ll_entry_count() - the number of entries in a list */
#define ll_entry_count(_type, _list)					\
	((int)(ll_ptr_end(_type, _list) - ll_ptr_start(_type, _list)))

/**
 * ll_foreach() - walk every entry of a list
 * @_type:	the type of the list's objects
 * @_pos: a (_type *) variable set to each entry in turn
 * @_list:	the list's name
 */
#define ll_foreach(_type, _pos, _list)					\
	for (_type *const *__ll_it = ll_ptr_start(_type, _list);	\
	     __ll_it < ll_ptr_end(_type, _list) && ((_pos) = *__ll_it, 1); \
	     __ll_it++)

#endif
