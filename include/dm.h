/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The driver model: what a driver file includes. */
#ifndef __DM_H
#define __DM_H

#include <dm/device.h>
#include <dm/ofnode.h>
#include <dm/platdata.h>
#include <dm/uclass.h>

#endif
