// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The names the FAT writer gives new files: the 8.3 name Linux's vfat
 * makes for a long one, numeric tails, the long-name checksum, which
 * names are legal, and their UTF-16 form.
 */

#include <errno.h>
#include <fat.h>
#include <test/ut.h>
#include <linux/string.h>

/* @name's 8.3 name is @sfn (11 bytes) of kind @kind */
static int check_sfn(struct unit_test_state *uts, const char *name,
		     const char *sfn, int kind)
{
	char out[12] = "";

	ut_asserteq(kind, fat_sfn_make(name, out));
	ut_asserteq_str(sfn, out);
	return 0;
}

static int fs_fat_sfn_make(struct unit_test_state *uts)
{
	char out[12];

	/* an upper-case 8.3 name stands alone */
	ut_assertok(check_sfn(uts, "README.TXT", "README  TXT", FAT_SFN_EXACT));
	ut_assertok(check_sfn(uts, "A", "A          ", FAT_SFN_EXACT));
	ut_assertok(check_sfn(uts, "X~1", "X~1        ", FAT_SFN_EXACT));
	/* lower case fits too, with a long name beside it */
	ut_assertok(check_sfn(uts, "hello.txt", "HELLO   TXT",
			      FAT_SFN_LOSSLESS));
	ut_assertok(check_sfn(uts, "Makefile", "MAKEFILE   ",
			      FAT_SFN_LOSSLESS));
	/* too long, spaces, extra dots, characters 8.3 cannot hold */
	ut_assertok(check_sfn(uts, "A Long Name.txt", "ALONGNAMTXT",
			      FAT_SFN_LOSSY));
	ut_assertok(check_sfn(uts, "x.tar.gz", "XTAR    GZ ", FAT_SFN_LOSSY));
	ut_assertok(check_sfn(uts, "page.html", "PAGE    HTM", FAT_SFN_LOSSY));
	ut_assertok(check_sfn(uts, "a+b,c;d=e", "A_B_C_D_   ",
			      FAT_SFN_LOSSY));
	ut_assertok(check_sfn(uts, "x[1].c]d", "X_1_    C_D",
			      FAT_SFN_LOSSY));
	ut_assertok(check_sfn(uts, "\xc3\xbcmlaut.txt", "_MLAUT  TXT",
			      FAT_SFN_LOSSY));
	/* leading dots: no extension, the rest is the base (Linux, Win95) */
	ut_assertok(check_sfn(uts, ".bashrc", "BASHRC     ", FAT_SFN_LOSSY));
	ut_assertok(check_sfn(uts, "..x.y", "X       Y  ", FAT_SFN_LOSSY));
	/* nothing left of the base */
	ut_asserteq(-EINVAL, fat_sfn_make("   ", out));
	ut_asserteq(-EINVAL, fat_sfn_make(".", out));
	return 0;
}
UNIT_TEST(fs_fat_sfn_make, 0, fs);

static int fs_fat_sfn_tail(struct unit_test_state *uts)
{
	char out[12] = "";

	fat_sfn_tail("ALONGNAMTXT", 1, out);
	ut_asserteq_str("ALONGN~1TXT", out);
	fat_sfn_tail("ALONGNAMTXT", 10, out);
	ut_asserteq_str("ALONG~10TXT", out);
	/* a short base keeps its length */
	fat_sfn_tail("AB      C  ", 12, out);
	ut_asserteq_str("AB~12   C  ", out);
	fat_sfn_tail("ABCDEFGHTXT", 65537, out);
	ut_asserteq_str("AB~65537TXT", out);
	/* in place */
	memcpy(out, "BASHRC     ", 11);
	fat_sfn_tail(out, 2, out);
	ut_asserteq_str("BASHRC~2   ", out);
	return 0;
}
UNIT_TEST(fs_fat_sfn_tail, 0, fs);

/* The checksum the long-name slots carry (values from mtools' files) */
static int fs_fat_lfn_checksum(struct unit_test_state *uts)
{
	ut_asserteq(0xf1, fat_sfn_checksum("HELLO   TXT"));
	ut_asserteq(0x42, fat_sfn_checksum("ALONGN~1TXT"));
	return 0;
}
UNIT_TEST(fs_fat_lfn_checksum, 0, fs);

static int fs_fat_name_valid(struct unit_test_state *uts)
{
	char name[300];

	ut_assert(fat_name_valid("hello.txt"));
	ut_assert(fat_name_valid("A Long Name + more; [1].txt"));
	ut_assert(fat_name_valid(".hidden"));
	ut_assert(fat_name_valid("h\xc3\xa9llo"));
	/* U-Boot's rule */
	ut_assert(!fat_name_valid(""));
	ut_assert(!fat_name_valid("a."));
	ut_assert(!fat_name_valid("a*b"));
	ut_assert(!fat_name_valid("a?b"));
	ut_assert(!fat_name_valid("a\"b"));
	ut_assert(!fat_name_valid("a:b"));
	ut_assert(!fat_name_valid("a\\b"));
	ut_assert(!fat_name_valid("tab\there"));
	/* not UTF-8: a stray continuation byte, an overlong form */
	ut_assert(!fat_name_valid("\xff"));
	ut_assert(!fat_name_valid("a\x80"));
	ut_assert(!fat_name_valid("\xc0\xaf"));
	/* 255 bytes at most, and 255 UTF-16 units */
	memset(name, 'a', 255);
	name[255] = '\0';
	ut_assert(fat_name_valid(name));
	name[255] = 'a';
	name[256] = '\0';
	ut_assert(!fat_name_valid(name));
	return 0;
}
UNIT_TEST(fs_fat_name_valid, 0, fs);

static int fs_fat_name_utf16(struct unit_test_state *uts)
{
	u16 out[260];

	ut_asserteq(5, fat_name_utf16("h\xc3\xa9llo", out));
	ut_asserteq(0xe9, out[1]);
	ut_asserteq(3, fat_name_utf16("\xe2\x82\xac.a", out));
	ut_asserteq(0x20ac, out[0]);
	/* beyond the BMP: a surrogate pair */
	ut_asserteq(2, fat_name_utf16("\xf0\x9f\x98\x80", out));
	ut_asserteq(0xd83d, out[0]);
	ut_asserteq(0xde00, out[1]);
	ut_asserteq(-EINVAL, fat_name_utf16("\xed\xa0\x80", out));
	ut_asserteq(-EINVAL, fat_name_utf16("\xe2\x82", out));
	return 0;
}
UNIT_TEST(fs_fat_name_utf16, 0, fs);
