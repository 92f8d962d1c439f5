/** A process's resident memory (MB) by what holds it, from its `/proc/<pid>/smaps`. */
export interface RssBreakdown {
  /** Node's own executable: code and read-only data, shared with every other Node process. */
  nodeExecutable: number;
  /** Other mapped files (shared libraries, locale data). */
  otherFiles: number;
  /** The pages of a WebAssembly memory (PGlite's heap) that were ever touched. */
  webAssemblyMemory: number;
  /** glibc malloc: the main arena (`[heap]`) and the 64 MB arenas of other threads. */
  malloc: number;
  /** Every other anonymous page: V8's JavaScript heaps and code, thread stacks, large blocks. */
  otherAnonymous: number;
}

interface Mapping {
  start: bigint;
  end: bigint;
  perms: string;
  path: string;
  rssKb: number;
}

const GB = 1n << 30n;
const arenaSize = 64n << 20n;

function parseMappings(smaps: string): Mapping[] {
  const mappings: Mapping[] = [];
  for (const line of smaps.split('\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      mappings.push({
        start: BigInt(`0x${header[1]}`),
        end: BigInt(`0x${header[2]}`),
        perms: header[3] ?? '',
        path: (header[4] ?? '').trim(),
        rssKb: 0,
      });
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    const last = mappings.at(-1);
    if (rss && last) {
      last.rssKb = Number(rss[1]);
    }
  }
  return mappings;
}

/** Indexes of the anonymous mappings that run on contiguously from `index` (itself included). */
function contiguousRun(mappings: Mapping[], index: number, within: bigint): number[] {
  const run = [index];
  let end = mappings[index]?.end ?? 0n;
  const start = mappings[index]?.start ?? 0n;
  for (let next = index + 1; next < mappings.length; next += 1) {
    const mapping = mappings[next] as Mapping;
    if (mapping.start !== end || mapping.path !== '' || mapping.end - start > within) {
      break;
    }
    run.push(next);
    end = mapping.end;
  }
  return run;
}

/**
 * Sorts the resident pages of `smaps` into what holds them. A WebAssembly memory is the
 * accessible start of V8's ≥ 8 GB reservation (the rest is an inaccessible guard region); a
 * glibc thread arena is a 64 MB-aligned run of 64 MB.
 */
export function rssBreakdown(smaps: string): RssBreakdown {
  const mappings = parseMappings(smaps);
  const kb = {
    nodeExecutable: 0,
    otherFiles: 0,
    webAssemblyMemory: 0,
    malloc: 0,
    otherAnonymous: 0,
  };
  const claimed = new Set<number>();
  mappings.forEach((mapping, index) => {
    if (mapping.path !== '' || claimed.has(index)) {
      return;
    }
    const next = mappings[index + 1];
    const guarded =
      mapping.perms.startsWith('rw') &&
      next?.path === '' &&
      next.perms.startsWith('---') &&
      next.start === mapping.end &&
      next.end - mapping.start >= 8n * GB;
    if (guarded) {
      kb.webAssemblyMemory += mapping.rssKb;
      claimed.add(index);
      return;
    }
    if (mapping.start % arenaSize === 0n) {
      const run = contiguousRun(mappings, index, arenaSize);
      const last = mappings[run.at(-1) as number] as Mapping;
      if (last.end - mapping.start === arenaSize) {
        for (const member of run) {
          kb.malloc += (mappings[member] as Mapping).rssKb;
          claimed.add(member);
        }
      }
    }
  });
  mappings.forEach((mapping, index) => {
    if (claimed.has(index)) {
      return;
    }
    if (mapping.path === '[heap]') {
      kb.malloc += mapping.rssKb;
    } else if (mapping.path === '' || mapping.path.startsWith('[')) {
      kb.otherAnonymous += mapping.rssKb;
    } else if (/\/node$/.test(mapping.path)) {
      kb.nodeExecutable += mapping.rssKb;
    } else {
      kb.otherFiles += mapping.rssKb;
    }
  });
  const mb = (value: number) => Math.round(value / 102.4) / 10;
  return {
    nodeExecutable: mb(kb.nodeExecutable),
    otherFiles: mb(kb.otherFiles),
    webAssemblyMemory: mb(kb.webAssemblyMemory),
    malloc: mb(kb.malloc),
    otherAnonymous: mb(kb.otherAnonymous),
  };
}
