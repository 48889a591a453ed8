# SPDX-License-Identifier: GPL-2.0-or-later
"""The verdict on one run of U-Boot's test/py against a virtboot board.

Usage: verdict.py RESULTS.xml SKIPS BOARD PYTEST_STATUS

Prints "uboot-testpy BOARD: N passed, N failed, N skipped" and exits 0
only when nothing failed, something passed, pytest itself was content,
and every skipped test is listed in SKIPS for this board ("test-id
board[,board...]  reason" lines; '*' for every board): a skip is a
feature virtboot does not claim, never a test that quietly did not run.
"""

import sys
import xml.etree.ElementTree as ET


def allowed_skips(path, board):
    allowed = {}
    with open(path) as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if not line:
                continue
            test, boards, reason = line.split(None, 2)
            if boards == '*' or board in boards.split(','):
                allowed[test] = reason
    return allowed


def main(xml, skips, board, status):
    try:
        root = ET.parse(xml).getroot()
    except (OSError, ET.ParseError) as e:
        print(f'uboot-testpy {board}: no results ({e}); pytest status '
              f'{status}')
        return 1
    allowed = allowed_skips(skips, board)
    passed, failed, skipped, bad = 0, [], [], []
    for case in root.iter('testcase'):
        name = case.get('name')
        if case.find('failure') is not None or case.find('error') is not None:
            failed.append(name)
        elif case.find('skipped') is not None:
            skipped.append(name)
            if name not in allowed:
                msg = case.find('skipped').get('message', '')
                bad.append(f'{name} ({msg})')
        else:
            passed += 1
    print(f'uboot-testpy {board}: {passed} passed, {len(failed)} failed, '
          f'{len(skipped)} skipped')
    for name in failed:
        print(f'  failed: {name}')
    for name in bad:
        print(f'  skipped, not on test/uboot-py/skips: {name}')
    ok = not failed and not bad and passed > 0 and status in (0,)
    if not ok and not failed and not bad:
        print(f'  pytest status {status}')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])))
