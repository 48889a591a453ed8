#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Draw the results of `make bench` into one figure: per measure the
ratio virtboot / peer, grouped by benchmark.

    /usr/bin/python3 test/bench/plot.py RESULTS OUT.png [--note TEXT]
        [--load "L1 L2 ..."]

RESULTS is the JSON-lines file the benchmark scripts write through
benchlib.record() (run-all.sh names it in $BENCH_RESULTS). Each line is
one measure: 'bench', 'measure', 'name' (our side, virtboot unless
virtboot is compared with itself), 'virtboot' (our per-run samples),
'peer' and 'samples' (the peer's), 'target' (for the ratio, or null); a
sample is [wall, cpu] seconds or a plain number (a size). Sample i of
both sides was taken in the same round, so their ratio is that round's.

Per measure: a dot at the ratio of the medians (what the scripts' tables
print), a bar over the range of the per-round ratios; a hollow diamond
and a thinner bar below it for cpu time, when both medians are at least
CPU_MIN seconds (QEMU's cpu time is read in 10 ms ticks). A dotted line
at 1.0, a red tick at each measure's target; a dot is green when its
target is met, red when missed, blue without a target (a diamond by
its own ratio). The x axis is logarithmic: 0.5 and 2.0 are as far from
1.0. --load gives the load averages run-all.sh read (their range goes
into the note).
"""

import argparse
import json
import statistics
import sys

import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.ticker import FixedLocator, NullLocator  # noqa: E402

CPU_MIN = 0.05
MET, MISSED, NONE = '#1a9641', '#d7191c', '#2b6cb0'


def wall_cpu(sample):
    """(wall, cpu) of a sample; cpu None for a plain number."""
    if isinstance(sample, list):
        return sample[0], sample[1]
    return sample, None


def ratios(ours, peer):
    """(ratio of the medians, min and max of the per-round ratios) of two
    lists of numbers; None when a peer value is 0."""
    if not ours or len(ours) != len(peer) or min(peer) <= 0:
        return None
    per_round = [a / b for a, b in zip(ours, peer)]
    return (statistics.median(ours) / statistics.median(peer),
            min(per_round), max(per_round))


def load(path):
    """[{bench, rows: [line]}] in the order of first appearance."""
    groups = {}
    with open(path) as f:
        for n, text in enumerate(f, 1):
            if not text.strip():
                continue
            try:
                line = json.loads(text)
                line['bench'], line['measure'], line['peer']
            except (ValueError, KeyError) as e:
                sys.exit(f'{path}:{n}: not a result line: {e}')
            groups.setdefault(line['bench'], []).append(line)
    return [{'bench': b, 'rows': rows} for b, rows in groups.items()]


def row_values(line):
    """(wall ratios, cpu ratios or None) of one result line."""
    vw, vc = zip(*map(wall_cpu, line['virtboot'])) if line['virtboot'] \
        else ((), ())
    pw, pc = zip(*map(wall_cpu, line['samples'])) if line['samples'] \
        else ((), ())
    wall = ratios(list(vw), list(pw))
    cpu = None
    if None not in vc and None not in pc and vc and pc and \
            min(statistics.median(vc), statistics.median(pc)) >= CPU_MIN:
        cpu = ratios(list(vc), list(pc))
    return wall, cpu


def layout(groups):
    """[(y, kind, text, line)]: a header per group, then its rows."""
    items = []
    y = 0
    for g in groups:
        rows = g['rows']
        names = {(r.get('name', 'virtboot'), r['peer']) for r in rows}
        head = g['bench']
        if len(names) == 1:
            name, peer = names.pop()
            head += f': {name} / {peer}'
        items.append((y, 'head', head, None))
        y += 1
        for r in rows:
            text = r['measure']
            if ':' not in head:
                text += f' / {r["peer"]}'
            items.append((y, 'row', text, r))
            y += 1
        y += 0.4
    return items


def draw(groups, out, note):
    items = layout(groups)
    rows = [(y, r, *row_values(r)) for y, kind, _, r in items
            if kind == 'row']
    rows = [x for x in rows if x[2]]
    if not rows:
        sys.exit('plot: no result with a ratio to draw')
    lo = min(min(w[1], c[1] if c else w[1]) for _, _, w, c in rows)
    hi = max(max(w[2], c[2] if c else w[2]) for _, _, w, c in rows)
    for _, r, _, _ in rows:
        if r.get('target'):
            lo, hi = min(lo, r['target']), max(hi, r['target'])
    lo, hi = min(lo, 1.0) / 1.3, max(hi, 1.0) * 1.3

    height = 2.0 + 0.3 * (items[-1][0] + 1)
    fig, ax = plt.subplots(figsize=(11, height))
    ax.set_xscale('log')
    ax.set_xlim(lo, hi)
    ticks = [t for t in (0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 5,
                         10, 20) if lo <= t <= hi]
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xticklabels([f'{t:g}' for t in ticks])
    ax.axvline(1.0, color='0.3', linestyle=':', linewidth=1)
    ax.grid(axis='x', color='0.9', linewidth=0.6)
    ax.set_axisbelow(True)

    def colour(ratio, target):
        return NONE if not target else MET if ratio <= target else MISSED

    for y, r, wall, cpu in rows:
        target = r.get('target')
        ax.errorbar(wall[0], y, xerr=[[wall[0] - min(wall[0], wall[1])],
                                      [max(wall[0], wall[2]) - wall[0]]],
                    fmt='o', color=colour(wall[0], target), markersize=6,
                    capsize=2.5, linewidth=1.4)
        text = f'{wall[0]:.2f}'
        if cpu:
            ax.errorbar(cpu[0], y + 0.28,
                        xerr=[[cpu[0] - min(cpu[0], cpu[1])],
                              [max(cpu[0], cpu[2]) - cpu[0]]],
                        fmt='D', mfc='white', color=colour(cpu[0], target),
                        markersize=4,
                        capsize=1.5, linewidth=0.8)
            text += f'  cpu {cpu[0]:.2f}'
        if target:
            ax.plot([target], [y], marker='|', color=MISSED, markersize=15,
                    markeredgewidth=2)
        ax.text(1.01, y, text, transform=ax.get_yaxis_transform(),
                va='center', fontsize=8)

    ax.set_yticks([y for y, _, _, _ in items])
    ax.set_yticklabels([t for _, _, t, _ in items], fontsize=8.5)
    for label, (_, kind, _, _) in zip(ax.get_yticklabels(), items):
        if kind == 'head':
            label.set_fontweight('bold')
    ax.tick_params(axis='y', length=0)
    ax.set_ylim(items[-1][0] + 0.8, -0.8)
    ax.set_xlabel('ratio virtboot / peer (log scale; below 1: virtboot '
                  'faster or smaller)')
    ax.set_title('virtboot against its peers, make bench', loc='left',
                 fontsize=12, fontweight='bold')
    handles = [
        Line2D([], [], color=MET, marker='o', linestyle='-',
               label='wall: ratio of medians, range of per-round ratios'),
        Line2D([], [], color='0.3', marker='D', mfc='white', linestyle='-',
               linewidth=0.8, markersize=4, label='cpu time (QEMU process)'),
        Line2D([], [], color=MISSED, marker='|', linestyle='none',
               markersize=12, markeredgewidth=2, label='target'),
        Line2D([], [], color=MET, marker='o', linestyle='none',
               label='target met'),
        Line2D([], [], color=MISSED, marker='o', linestyle='none',
               label='target missed'),
        Line2D([], [], color=NONE, marker='o', linestyle='none',
               label='no target'),
    ]
    bottom = 0.5 / height
    fig.legend(handles=handles, loc='lower center', ncol=3, fontsize=8,
               bbox_to_anchor=(0.5, (0.2 if note else 0.02) / height),
               frameon=False)
    if note:
        fig.text(0.01, 0.03 / height, note, fontsize=8, color='0.3',
                 va='bottom')
    fig.tight_layout(rect=(0, bottom + (0.2 if note else 0) / height,
                           0.93, 1))
    fig.savefig(out, dpi=100, pil_kwargs={'optimize': True})


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('results')
    ap.add_argument('out')
    ap.add_argument('--note', default='')
    ap.add_argument('--load', default='',
                    help='load averages read during the run, space-separated')
    args = ap.parse_args()
    note = args.note
    loads = [float(x) for x in args.load.split()]
    if loads:
        note += (', ' if note else '') + \
            f'load average {min(loads):.1f}-{max(loads):.1f}'
    draw(load(args.results), args.out, note)


if __name__ == '__main__':
    main()
