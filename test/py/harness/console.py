# SPDX-License-Identifier: GPL-2.0-or-later
"""The virtboot console under pexpect: start a board, run commands.

A Console owns one running board (a sandbox process or a QEMU). Commands
are typed as a person would: in chunks no longer than the board's input
FIFO, each waited for until it is echoed, then Enter; the command's output
is what comes between the echo and the next prompt.
"""

import re
import time

import pexpect

PROMPT = '=> '
AUTOBOOT = 'Hit any key to stop autoboot'


class ConsoleError(Exception):
    """The board did not behave like a console: timeout, exit, crash."""


class Console:
    """A running board.

    Args:
        board: the board plug-in (a module of test/py/boards/).
        argv: the command line that starts it.
        log: a file-like object every byte the board prints goes to.
        timeout: seconds a command may take (default: the board's).
    """

    def __init__(self, board, argv, log, timeout=None, boot_timeout=None,
                 cwd=None):
        self.board = board
        self.argv = list(argv)
        self.log = log
        self.timeout = timeout or board.TIMEOUT
        self.boot_timeout = boot_timeout or board.BOOT_TIMEOUT
        self.cwd = cwd
        self.p = None
        self.broken = False
        self.boot_output = ''
        self.bad_patterns = dict(getattr(board, 'BAD_PATTERNS', {}))
        self._disabled = set()
        # What went wrong at a power-off the test did not see (restart())
        self.problems = []

    # --- life cycle -----------------------------------------------------

    def start(self):
        """Start the board and wait for its first prompt.

        A running autoboot countdown is stopped with a key press.
        Return: self
        """
        self.broken = False
        self.log.write(f'\n--- start: {" ".join(self.argv)}\n')
        self.log.flush()
        start = time.monotonic()
        self.p = pexpect.spawn(self.argv[0], self.argv[1:], cwd=self.cwd,
                               encoding='utf-8', codec_errors='replace',
                               timeout=self.boot_timeout,
                               dimensions=(50, 250), echo=False)
        # pexpect sleeps 50 ms before each send by default: not needed,
        # the echo is waited for.
        self.p.delaybeforesend = None
        self.p.logfile_read = self.log
        seen = []
        while True:
            i = self._expect([PROMPT, AUTOBOOT], self.boot_timeout,
                             'the first prompt')
            seen.append(self.p.before)
            if i == 0:
                break
            self.p.send(' ')
        self.boot_output = ''.join(seen)
        self.boot_seconds = time.monotonic() - start
        return self

    def close(self):
        """Power the board off, or end it if it does not go.

        Return: None if the board went down cleanly, else one line saying
        what went wrong on the way: a sanitizer report (LeakSanitizer
        reports only at exit), a non-zero exit status, or a board that did
        not power off. A board a test already left broken is ended without
        a verdict (that test has failed already).
        """
        if not self.p:
            return None
        problem = None
        try:
            # A board busy with a command or hung is not asked.
            if self.p.isalive() and not self.broken:
                self.p.send('poweroff\n')
                i = self.p.expect([pexpect.EOF, '\n' + PROMPT],
                                  timeout=self.board.POWEROFF_TIMEOUT)
                if i == 1:
                    problem = 'the board did not power off'
                else:
                    problem = self._exit_problem()
        except (pexpect.TIMEOUT, pexpect.EOF, OSError):
            problem = 'the board did not power off in time'
        finally:
            if self.p.isalive():
                self.p.terminate(force=True)
            self.p.close()
            if problem:
                self.log.write(f'\n--- at power-off: {problem}\n')
            self.log.write('\n--- closed\n')
            self.log.flush()
            self.p = None
        return problem

    def _exit_problem(self):
        """After EOF: a bad pattern in the last output or a bad status."""
        text = self.p.before if isinstance(self.p.before, str) else ''
        for name, pat in self.bad_patterns.items():
            m = re.search(pat, text)
            if m:
                return (f'{self.board.NAME}: {name} at power-off: '
                        f'{text[m.start():m.start() + 2000]!r}')
        self.p.close()
        if self.p.signalstatus or self.p.exitstatus:
            return (f'{self.board.NAME}: exited with '
                    f'{self._exit_status()} at power-off; last output: '
                    f'{text[-400:]!r}')
        return None

    def mark_halted(self):
        """The test stopped the board on purpose (an exception report that
        halts it): close() ends it without asking it to power off."""
        self.broken = True

    def restart(self):
        """Close the board and start it again from power-on.

        What close() found wrong is kept in .problems for the fixture.
        """
        problem = self.close()
        if problem:
            self.problems.append(problem)
        return self.start()

    def isalive(self):
        return self.p is not None and self.p.isalive()

    # --- commands -------------------------------------------------------

    def run_command(self, cmd, timeout=None, wait_for_prompt=True):
        """Type @cmd and Enter; return its output.

        The output has the echoed command and the next prompt removed,
        line ends as '\\n', and no leading or trailing line breaks.
        Raises ConsoleError if the board times out, exits or crashes.
        """
        timeout = timeout or self.timeout
        fifo = self.board.FIFO or len(cmd) or 1
        for pos in range(0, len(cmd), fifo):
            chunk = cmd[pos:pos + fifo]
            self.p.send(chunk)
            self._expect([re.escape(chunk)], timeout,
                         f'the echo of {chunk!r} (command {cmd!r})')
        self.p.send('\n')
        if not wait_for_prompt:
            # Busy until someone sees the next prompt.
            self.broken = True
            return None
        self._expect([r'\r?\n' + re.escape(PROMPT)], timeout,
                     f'the prompt after {cmd!r}')
        out = self.p.before.replace('\r\n', '\n').replace('\r', '')
        return out.strip('\n')

    def run_raw(self, text, timeout=None):
        """Send @text as it is (control characters too), then wait for the
        next prompt; return everything printed before it, echo included.
        For line-editing tests, where the echo is not the text sent."""
        self.p.send(text)
        self._expect([r'\r?\n' + re.escape(PROMPT)], timeout or self.timeout,
                     f'the prompt after {text!r}')
        return self.p.before.replace('\r\n', '\n').replace('\r', '')

    def run_command_list(self, cmds, timeout=None):
        """run_command() for each; return the list of outputs."""
        return [self.run_command(c, timeout) for c in cmds]

    def run_status(self, cmd, timeout=None):
        """Run @cmd, then 'echo $?'; return (output, status as int)."""
        out = self.run_command(cmd, timeout)
        status = self.run_command('echo $?')
        if not re.fullmatch(r'\d+', status):
            raise ConsoleError(f"'echo $?' after {cmd!r} printed {status!r}")
        return out, int(status)

    def ctrlc(self, timeout=None):
        """Send Ctrl-C and wait for the prompt; return what came before."""
        self.p.send('\x03')
        self._expect([re.escape(PROMPT)], timeout or self.timeout,
                     'the prompt after Ctrl-C')
        return self.p.before.replace('\r\n', '\n').strip('\n')

    def wait_for(self, text, timeout=None):
        """Wait for @text (a string or compiled regex) in the output."""
        pat = text if isinstance(text, re.Pattern) else re.escape(text)
        self._expect([pat], timeout or self.timeout, repr(text))
        return self.p.before

    def disable_check(self, name):
        """Context manager: don't treat bad pattern @name as a failure."""
        console = self

        class _Disabled:
            def __enter__(self):
                console._disabled.add(name)

            def __exit__(self, *exc):
                console._disabled.discard(name)
        return _Disabled()

    # --- internals ------------------------------------------------------

    def _expect(self, patterns, timeout, what):
        bad = [(n, p) for n, p in self.bad_patterns.items()
               if n not in self._disabled]
        # Until a match, the board is in an unknown state: a test that
        # shares it restarts it first (conftest.py).
        self.broken = True
        try:
            i = self.p.expect(list(patterns) + [p for _, p in bad],
                              timeout=timeout)
        except pexpect.TIMEOUT:
            raise ConsoleError(f'{self.board.NAME}: timed out after '
                               f'{timeout}s waiting for {what}; last output: '
                               f'{self._tail()!r}') from None
        except pexpect.EOF:
            status = self._exit_status()
            raise ConsoleError(f'{self.board.NAME}: exited ({status}) while '
                               f'waiting for {what}; last output: '
                               f'{self._tail()!r}') from None
        if i >= len(patterns):
            name = bad[i - len(patterns)][0]
            # Let the report show the whole complaint.
            try:
                self.p.expect(pexpect.TIMEOUT, timeout=1)
            except pexpect.EOF:
                pass
            raise ConsoleError(f'{self.board.NAME}: {name} while waiting for '
                               f'{what}: {self._tail(2000)!r}')
        self.broken = False
        return i

    def _tail(self, n=400):
        text = (self.p.before or '') if isinstance(self.p.before, str) else ''
        after = self.p.after if isinstance(self.p.after, str) else ''
        return (text + after)[-n:]

    def _exit_status(self):
        try:
            self.p.close()
        except Exception:
            pass
        if self.p.signalstatus:
            return f'signal {self.p.signalstatus}'
        return f'status {self.p.exitstatus}'
