# SPDX-License-Identifier: GPL-2.0-or-later
"""Small servers on 127.0.0.1 for the network tests, each in a thread.

The guest reaches the host's loopback as 10.0.2.2 through user-mode
networking (libslirp on the sandbox, QEMU's -netdev user), UDP and TCP
alike, so a test server bound to 127.0.0.1:PORT answers 10.0.2.2:PORT.

- TftpServer: RFC 1350 read requests with the blksize (2348), tsize
  (2349) and windowsize (7440) options, optionally slowed down before
  each window (delay), or silent (answers nothing).
- DnsServer: A records for the names it is given, NXDOMAIN otherwise.
- HttpServer: files of a folder (http.server), HTTP/1.0.
"""

import functools
import http.server
import os
import socket
import struct
import threading
import time


class _Thread:
    def start(self):
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()
        return self

    def stop(self):
        self.stopping = True
        self.sock.close()
        self.thread.join(5)


class TftpServer(_Thread):
    """A read-only TFTP server for the files of @root."""

    def __init__(self, root, delay=0.0, silent=False, port=0):
        self.root = root
        self.delay = delay
        self.silent = silent
        self.stopping = False
        self.requests = []	# (file name, {option: value}) as received
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(('127.0.0.1', port))
        self.port = self.sock.getsockname()[1]

    def _serve(self):
        while not self.stopping:
            try:
                pkt, peer = self.sock.recvfrom(65536)
            except OSError:
                return
            if self.silent or len(pkt) < 4 or pkt[1] != 1:
                continue
            fields = pkt[2:].split(b'\0')
            name = fields[0].decode()
            opts = {}
            for i in range(2, len(fields) - 1, 2):
                opts[fields[i].decode().lower()] = fields[i + 1].decode()
            self.requests.append((name, opts))
            threading.Thread(target=self._transfer, args=(peer, name, opts),
                             daemon=True).start()

    def _transfer(self, peer, name, opts):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind(('127.0.0.1', 0))
        s.settimeout(1.0)
        path = os.path.join(self.root, os.path.basename(name))
        try:
            with open(path, 'rb') as f:
                data = f.read()
        except OSError:
            s.sendto(struct.pack('>HH', 5, 1) + b'File not found\0', peer)
            return
        blksize = 512
        window = 1
        oack = b''
        if 'blksize' in opts:
            blksize = max(8, min(int(opts['blksize']), 65464))
            oack += b'blksize\0%d\0' % blksize
        if 'windowsize' in opts:
            window = max(1, min(int(opts['windowsize']), 64))
            oack += b'windowsize\0%d\0' % window
        if 'tsize' in opts:
            oack += b'tsize\0%d\0' % len(data)
        nblocks = len(data) // blksize + 1

        def exchange(packets, want_ack):
            """Send @packets until the ACK of @want_ack (or a later
            block's) comes; return the block the client acknowledged."""
            for _ in range(10):
                for p in packets:
                    s.sendto(p, peer)
                try:
                    while True:
                        r, _a = s.recvfrom(65536)
                        if len(r) >= 4 and r[1] == 4:
                            return struct.unpack('>H', r[2:4])[0]
                except socket.timeout:
                    continue
            return None

        if oack:
            if exchange([struct.pack('>H', 6) + oack], 0) != 0:
                return
        block = 1	# the first block not acknowledged
        while block <= nblocks:
            if self.delay:
                time.sleep(self.delay)
            last = min(block + window - 1, nblocks)
            pkts = [struct.pack('>HH', 3, b & 0xffff) +
                    data[(b - 1) * blksize:b * blksize]
                    for b in range(block, last + 1)]
            acked = exchange(pkts, last & 0xffff)
            if acked is None:
                return
            # the ACK names the last block received in order
            base = block & ~0xffff
            n = base | acked
            if n < block - 1:
                n += 0x10000
            block = n + 1
        s.close()


class DnsServer(_Thread):
    """Answers A queries for @names ({name: 'a.b.c.d'})."""

    def __init__(self, names, port=53):
        self.names = {k.lower().rstrip('.'): v for k, v in names.items()}
        self.stopping = False
        self.queries = []
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(('127.0.0.1', port))
        self.port = self.sock.getsockname()[1]

    def _serve(self):
        while not self.stopping:
            try:
                q, peer = self.sock.recvfrom(4096)
            except OSError:
                return
            if len(q) < 12:
                continue
            labels, i = [], 12
            while i < len(q) and q[i]:
                labels.append(q[i + 1:i + 1 + q[i]].decode('ascii', 'replace'))
                i += 1 + q[i]
            question = q[12:i + 5]
            name = '.'.join(labels).lower()
            self.queries.append(name)
            qtype = struct.unpack('>H', q[i + 1:i + 3])[0] if i + 3 <= len(q) else 0
            addr = self.names.get(name)
            if addr and qtype == 1:
                hdr = q[:2] + struct.pack('>HHHHH', 0x8180, 1, 1, 0, 0)
                ans = struct.pack('>HHHIH', 0xc00c, 1, 1, 60, 4) + \
                    socket.inet_aton(addr)
                self.sock.sendto(hdr + question + ans, peer)
            else:
                hdr = q[:2] + struct.pack('>HHHHH', 0x8183, 1, 0, 0, 0)
                self.sock.sendto(hdr + question, peer)


class HttpServer:
    """http.server for the files of @root on 127.0.0.1, in a thread."""

    def __init__(self, root):
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(('127.0.0.1', 0),
                                                     handler)
        self.port = self.httpd.server_address[1]

    def start(self):
        self.thread = threading.Thread(target=self.httpd.serve_forever,
                                       daemon=True)
        self.thread.start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
