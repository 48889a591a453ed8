/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Driver model listings, printed by the 'dm' command. */
#ifndef _DM_UTIL_H
#define _DM_UTIL_H

/** dm_dump_all() - print the tree of all devices ('dm tree') */
void dm_dump_all(void);

/** dm_dump_uclass() - print each uclass and its devices ('dm uclass') */
void dm_dump_uclass(void);

/** dm_dump_drivers() - print each driver, its uclass and its devices */
void dm_dump_drivers(void);

/** dm_dump_driver_compat() - print each driver's compatible strings */
void dm_dump_driver_compat(void);

/** dm_dump_static_driver_info() - print the static devices (none here) */
void dm_dump_static_driver_info(void);

#endif
