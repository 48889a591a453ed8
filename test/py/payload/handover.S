/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A stand-in kernel for the hand-over test: an arm64 "Image" (booti
 * takes it) that copies [start, end) to a scratch area, waits for a key
 * on the console while the test sends network packets at the machine,
 * then compares and reports on the PL011 UART of QEMU's virt machine:
 *
 *	HANDOVER: copied
 *	HANDOVER: clean			nothing wrote to the range
 *	HANDOVER: dirty at 0x...	a device wrote after the jump
 *
 * and powers off through PSCI (HVC). scratch, start and end are patched
 * into the header's reserved words (offsets 0x20, 0x28, 0x30) with
 * 'mw.q' before the jump. (A copy, not a pattern written over the range:
 * a device whose rings were overwritten would stop, and hide itself.)
 *
 * Entered by 'go' instead of booti (no hand-over), the same code shows
 * what a device that is still running does to that memory.
 */

#define UART		0x09000000
#define UART_FR		0x18
#define UART_FR_RXFE	(1 << 4)
#define UART_FR_TXFF	(1 << 5)
#define PSCI_SYSTEM_OFF	0x84000008

	.text
	.global	_start
_start:
	b	entry			/* code0 */
	.word	0			/* code1 */
	.quad	0			/* text_offset */
	.quad	0x200000		/* image_size: 2 MiB */
	.quad	0xa			/* flags: LE, 4K pages, anywhere */
scratch: .quad	0			/* res2: copy goes here (test sets) */
start:	.quad	0			/* res3: range start (test sets) */
end:	.quad	0			/* res4: range end (test sets) */
	.word	0x644d5241		/* magic "ARM\x64" */
	.word	0			/* res5 */

entry:
	msr	daifset, #0xf
	ldr	x19, start
	ldr	x20, end
	ldr	x22, scratch
	mov	x0, x19
	mov	x1, x22
1:	cmp	x0, x20
	b.hs	2f
	ldr	x2, [x0], #8
	str	x2, [x1], #8
	b	1b
2:	adr	x0, msg_filled
	bl	puts

	/* Wait for a key: the test's packets arrive meanwhile */
	ldr	x1, =UART
3:	ldr	w3, [x1, #UART_FR]
	tst	w3, #UART_FR_RXFE
	b.ne	3b
	ldr	w3, [x1]

	mov	x0, x19
	mov	x4, x22
4:	cmp	x0, x20
	b.hs	5f
	ldr	x1, [x0]
	ldr	x2, [x4], #8
	cmp	x1, x2
	b.ne	6f
	add	x0, x0, #8
	b	4b
5:	adr	x0, msg_clean
	bl	puts
	b	off
6:	mov	x21, x0
	adr	x0, msg_dirty
	bl	puts
	mov	x0, x21
	bl	puthex
	adr	x0, msg_nl
	bl	puts

off:	ldr	x0, =PSCI_SYSTEM_OFF
	hvc	#0
7:	wfi
	b	7b

/* puts(x0): a NUL-terminated string; clobbers x0-x2 */
puts:	ldr	x1, =UART
1:	ldrb	w2, [x0], #1
	cbz	w2, 3f
2:	ldr	w3, [x1, #UART_FR]
	tst	w3, #UART_FR_TXFF
	b.ne	2b
	str	w2, [x1]
	b	1b
3:	ret

/* puthex(x0): 16 hex digits; clobbers x0-x5 */
puthex:	ldr	x1, =UART
	mov	x4, #60
1:	lsr	x5, x0, x4
	and	x5, x5, #0xf
	cmp	x5, #10
	add	x2, x5, #'0'
	add	x5, x5, #('a' - 10)
	csel	x2, x5, x2, hs
2:	ldr	w3, [x1, #UART_FR]
	tst	w3, #UART_FR_TXFF
	b.ne	2b
	str	w2, [x1]
	subs	x4, x4, #4
	b.ge	1b
	ret

msg_filled:	.asciz	"\r\nHANDOVER: copied\r\n"
msg_clean:	.asciz	"HANDOVER: clean\r\n"
msg_dirty:	.asciz	"HANDOVER: dirty at 0x"
msg_nl:		.asciz	"\r\n"
	.balign	8
	.ltorg
