/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The compressed firmware, made by arch/s390/relr.py (PAYLOAD and
 * PAYLOAD_COLD: its two files):
 * what the stub expands at power-on, then the cold code's stream
 */
	.section .payload, "a"
	.incbin	PAYLOAD

	.section .payload.cold, "a"
	.incbin	PAYLOAD_COLD

	.section .note.GNU-stack, "", @progbits
