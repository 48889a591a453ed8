#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Seed corpus of the net fuzz target (test/fuzz/fuzz_net.c describes the
# input): one successful exchange of each command, and a few failures.
#
# Usage: test/fuzz/mkseeds_net.py [OUTDIR]  (default test/fuzz/corpus/net)

import os
import struct
import sys


def udp(sel, payload):
    return bytes([1, sel]) + struct.pack('>H', len(payload)) + payload


def tcp(flags, seq, ack, payload=b'', win=8192):
    return bytes([2, flags]) + struct.pack('>HbHH', seq, ack, win,
                                           len(payload)) + payload


def tftp_data(block, data):
    return struct.pack('>HH', 3, block) + data


TID = 0x01	# selector: source port 0x4000 + 1


def seeds():
    s = {}
    # tftpboot, 512-byte blocks, no options answered: 2 blocks
    s['tftp-plain'] = bytes([0x00]) + \
        udp(TID, tftp_data(1, b'A' * 512)) + \
        udp(TID, tftp_data(2, b'B' * 100))
    # 1468-byte blocks with an OACK, window 2 asked, 1 agreed
    oack = struct.pack('>H', 6) + b'blksize\x001468\x00tsize\x003000\x00'
    s['tftp-oack'] = bytes([0x04 | 0x10]) + udp(TID, oack) + \
        udp(TID, tftp_data(1, b'a' * 1468)) + \
        udp(TID, tftp_data(2, b'b' * 1468)) + \
        udp(TID, tftp_data(3, b'c' * 64))
    # window of 4 agreed, a block lost and sent again
    oack = struct.pack('>H', 6) + b'windowsize\x004\x00tsize\x002100\x00'
    s['tftp-window'] = bytes([0x20]) + udp(TID, oack) + \
        udp(TID, tftp_data(1, b'1' * 512)) + \
        udp(TID, tftp_data(3, b'3' * 512)) + \
        udp(TID, tftp_data(2, b'2' * 512)) + \
        udp(TID, tftp_data(3, b'3' * 512)) + \
        udp(TID, tftp_data(4, b'4' * 512)) + \
        udp(TID, tftp_data(5, b'5' * 52))
    # file not found
    s['tftp-error'] = bytes([0x00]) + \
        udp(0x00, struct.pack('>HH', 5, 1) + b'File not found\x00')
    # a file bigger than the load area (tsize)
    oack = struct.pack('>H', 6) + b'tsize\x0099999999\x00'
    s['tftp-toobig'] = bytes([0x00]) + udp(TID, oack) + \
        udp(TID, tftp_data(1, b'x' * 512))
    # dhcp: OFFER, ACK with a boot file
    s['dhcp'] = bytes([0x01]) + bytes([5, 2, 0]) + b'pxelinux' + \
        bytes([5, 5, 0]) + b'pxelinux'
    # wget from a dotted address
    body = b'hello, world\n'
    resp = b'HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n' % len(body) + body
    s['wget'] = bytes([0x02]) + tcp(0x12, 0, 0) + \
        tcp(0x18, 1, 0, resp) + tcp(0x11, 1 + len(resp), 0)
    # wget through DNS
    q = b'\x04boot\x07example\x00\x00\x01\x00\x01'
    dns = b'\x00\x00\x81\x80\x00\x01\x00\x01\x00\x00\x00\x00' + q + \
        b'\xc0\x0c\x00\x01\x00\x01\x00\x00\x00\x3c\x00\x04\x0a\x00\x02\x02'
    s['wget-dns'] = bytes([0x42]) + udp(0x0b, dns) + tcp(0x12, 0, 0) + \
        tcp(0x18, 1, 0, resp) + tcp(0x11, 1 + len(resp), 0)
    # a server error
    resp = b'HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n'
    s['wget-404'] = bytes([0x02]) + tcp(0x12, 0, 0) + tcp(0x19, 1, 0, resp)
    # ping: an echo reply
    s['ping'] = bytes([0x03, 3, 0, 0, 0])
    # raw frames: a broadcast ARP request for us, a runt
    arp = bytes.fromhex('ffffffffffff52550a000202080600010800060400015255'
                        '0a0002020a0002020000000000000a00020f')
    s['raw'] = bytes([0x03, 0, len(arp)]) + arp + bytes([0, 3, 1, 2, 3])
    return s


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else 'test/fuzz/corpus/net'
    os.makedirs(out, exist_ok=True)
    for name, data in seeds().items():
        with open(os.path.join(out, name), 'wb') as f:
            f.write(data)


if __name__ == '__main__':
    main()
