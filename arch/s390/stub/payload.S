/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The compressed firmware, made by arch/s390/relr.py (PAYLOAD: its path) */
	.section .payload, "a"
	.incbin	PAYLOAD

	.section .note.GNU-stack, "", @progbits
