import { describe, expect, it } from 'vitest';
import { rssBreakdown } from './rss-breakdown.ts';

/** One smaps entry: the header line and the fields the breakdown reads. */
function entry(range: string, perms: string, path: string, rssKb: number): string {
  const inode = path.startsWith('/') ? 'fe:00 260689' : '00:00 0';
  return [
    `${range} ${perms} 00000000 ${inode}                             ${path}`,
    `Size:             1024 kB`,
    `Rss:              ${rssKb} kB`,
    `Pss:              ${rssKb} kB`,
    `Anonymous:        ${path.startsWith('/') ? 0 : rssKb} kB`,
  ].join('\n');
}

/** The shape of an idle Debrief server's map, as read from one (addresses shortened). */
const smaps = [
  entry('00400000-00b6f000', 'r--p', '/usr/bin/node', 5944),
  entry('00b72000-025fe000', 'r-xp', '/usr/bin/node', 23504),
  entry('3d744000-3e133000', 'rw-p', '[heap]', 9764),
  // A glibc thread arena: 64 MB-aligned, its used start and the reserved rest make 64 MB.
  entry('7f7ad4000000-7f7ad4b54000', 'rw-p', '', 11112),
  entry('7f7ad4b54000-7f7ad8000000', '---p', '', 0),
  // PGlite's WebAssembly memory: 128 MB accessible, then V8's guard region to 10 GB.
  entry('7f7630000000-7f7638000000', 'rw-p', '', 37472),
  entry('7f7638000000-7f78b0000000', '---p', '', 0),
  // A V8 heap page and a thread stack: anonymous, neither of the above.
  entry('7f7ae6461000-7f7ae6d14000', 'rw-p', '', 8908),
  entry('7ffd28085000-7ffd280a6000', 'rw-p', '[stack]', 132),
  entry('7f7b10000000-7f7b10200000', 'r--p', '/usr/lib/x86_64-linux-gnu/libc.so.6', 1600),
].join('\n');

describe('the resident memory of a server process, by what holds it', () => {
  it('sorts the pages into Node, WebAssembly memory, malloc and the rest', () => {
    expect(rssBreakdown(smaps)).toEqual({
      nodeExecutable: 28.8,
      otherFiles: 1.6,
      webAssemblyMemory: 36.6,
      malloc: 20.4,
      otherAnonymous: 8.8,
    });
  });

  it('counts an anonymous run that is not a whole aligned 64 MB as the rest, not as malloc', () => {
    const unaligned = [
      entry('7f7ad4100000-7f7ad4b54000', 'rw-p', '', 2048),
      entry('7f7ad4b54000-7f7ad8000000', '---p', '', 0),
    ].join('\n');
    expect(rssBreakdown(unaligned)).toMatchObject({ malloc: 0, otherAnonymous: 2 });
  });

  it('finds nothing in an empty map', () => {
    expect(rssBreakdown('')).toEqual({
      nodeExecutable: 0,
      otherFiles: 0,
      webAssemblyMemory: 0,
      malloc: 0,
      otherAnonymous: 0,
    });
  });
});
