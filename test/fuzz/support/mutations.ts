import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path (array of keys/indices) to a value inside a JSON document. */
function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const here = [prefix];
  if (Array.isArray(value)) {
    return [...here, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  }
  if (value && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  }
  return here;
}

function flip(value: Json, pick: number): Json {
  const options: Json[] = [
    null,
    typeof value === 'string' ? Number(value.length) : String(JSON.stringify(value)),
    [],
    {},
    true,
    '',
    -1e21,
    '20202-01-16T10:00:00Z',
    '0001-01-01T00:00:00Z',
  ];
  return options[pick % options.length] ?? null;
}

/** Replaces or deletes the value at `path` (the root itself can only be replaced). */
function edit(doc: Json, path: Array<string | number>, mode: 'drop' | 'flip', pick: number): Json {
  if (path.length === 0) {
    return flip(doc, pick);
  }
  const copy = structuredClone(doc) as Json;
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) {
    parent = parent[key] as Record<string | number, Json>;
  }
  const last = path[path.length - 1] as string | number;
  if (mode === 'drop') {
    if (Array.isArray(parent)) {
      parent.splice(Number(last), 1);
    } else {
      delete parent[last];
    }
  } else {
    parent[last] = flip(parent[last] ?? null, pick);
  }
  return copy;
}

const invalidUtf8 = [
  [0xff],
  [0xc3, 0x28],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0x00],
];

/** A mutation of a fixture's bytes: truncation, random bytes, invalid UTF-8, dropped or flipped JSON fields. */
export const mutationArb = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('bytes' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
  fc.record({ kind: fc.constant('utf8' as const), at: fc.nat(), which: fc.nat() }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), pick: fc.nat() }),
);
export type Mutation = typeof mutationArb extends fc.Arbitrary<infer M> ? M : never;

/** Applies a mutation to a fixture's bytes. */
export function mutate(original: Buffer, mutation: Mutation): Buffer {
  const at = original.length === 0 ? 0 : mutation.at % original.length;
  switch (mutation.kind) {
    case 'truncate':
      return original.subarray(0, at);
    case 'bytes':
      return Buffer.concat([
        original.subarray(0, at),
        Buffer.from(mutation.bytes),
        original.subarray(at + mutation.bytes.length),
      ]);
    case 'utf8':
      return Buffer.concat([
        original.subarray(0, at),
        Buffer.from(invalidUtf8[mutation.which % invalidUtf8.length] ?? [0xff]),
        original.subarray(at),
      ]);
    case 'drop':
    case 'flip': {
      let doc: Json;
      try {
        doc = JSON.parse(original.toString('utf8')) as Json;
      } catch {
        return original.subarray(0, at);
      }
      const all = paths(doc);
      const path = all[mutation.at % all.length] ?? [];
      const pick = mutation.kind === 'flip' ? mutation.pick : 0;
      return Buffer.from(JSON.stringify(edit(doc, path, mutation.kind, pick)));
    }
    default:
      return original;
  }
}
