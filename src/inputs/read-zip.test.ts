import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ownFixture, sharedFixture } from '../../test/support/fixture-path.ts';
import { isDomainError } from '../domain/errors.ts';
import { slackConverter } from '../importers/slack/slack-converter.ts';
import { listZipPaths, openZip } from './read-zip.ts';

interface TestEntry {
  name: string;
  data: Buffer;
  /** Stored instead of deflated. */
  store?: boolean;
  symlink?: boolean;
  /** Lie about the uncompressed size in the headers. */
  declaredSize?: number;
}

/** A minimal zip writer (local headers, central directory, end record), enough to build bad zips. */
function buildZip(entries: TestEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = entry.store ? entry.data : deflateRawSync(entry.data);
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((entry.symlink ? 0o120777 : 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function readAll(source: string | Buffer, limits = {}) {
  const zip = await openZip(source, { name: 'test.zip', limits });
  try {
    const out: Record<string, string> = {};
    for await (const file of zip.files) {
      out[file.path] = await file.read();
    }
    return out;
  } finally {
    zip.close();
  }
}

async function refusal(source: string | Buffer, limits = {}) {
  const error = await readAll(source, limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
  return isDomainError(error) ? error.details : undefined;
}

const temp = mkdtempSync(join(tmpdir(), 'debrief-zip-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('openZip', () => {
  it('streams the files of a zip on disk, skipping directories', async () => {
    const path = join(temp, 'ok.zip');
    writeFileSync(
      path,
      buildZip([
        { name: 'export/', data: Buffer.alloc(0), store: true },
        { name: 'export/channels.json', data: Buffer.from('[]') },
        {
          name: 'export/ops/2024-01-01.json',
          data: Buffer.from('[{"ts":"1.000001"}] é'),
          store: true,
        },
      ]),
    );
    expect(await listZipPaths(path)).toEqual([
      'export/channels.json',
      'export/ops/2024-01-01.json',
    ]);
    expect(await readAll(path)).toEqual({
      'export/channels.json': '[]',
      'export/ops/2024-01-01.json': '[{"ts":"1.000001"}] é',
    });
  });

  it.each([
    '../evil.json',
    'a/../../evil.json',
    '/etc/passwd',
    'C:/Windows/evil.json',
    '..\\evil.json',
  ])('refuses the path %s, naming it', async (name) => {
    const details = await refusal(buildZip([{ name, data: Buffer.from('x') }]));
    expect(details).toMatchObject({ zip: 'test.zip', entry: name.replace('\\', '/') });
  });

  it('refuses a symbolic link, naming it', async () => {
    const details = await refusal(
      buildZip([{ name: 'link', data: Buffer.from('/etc/passwd'), symlink: true }]),
    );
    expect(details).toMatchObject({ zip: 'test.zip', entry: 'link' });
  });

  it('refuses a 50 MB bomb by its declared ratio, naming the entry', async () => {
    const bomb = buildZip([{ name: 'bomb.json', data: Buffer.alloc(50 * 1024 ** 2, 0x20) }]);
    expect(bomb.length).toBeLessThan(200_000);
    const details = await refusal(bomb);
    expect(details).toMatchObject({ entry: 'bomb.json' });
  });

  it('refuses a bomb that lies about its size while inflating it', async () => {
    const bomb = buildZip([
      { name: 'liar.json', data: Buffer.alloc(50 * 1024 ** 2, 0x20), declaredSize: 1000 },
    ]);
    const details = await refusal(bomb);
    expect(details).toMatchObject({ entry: 'liar.json' });
  });

  it('refuses too many entries and too many bytes', async () => {
    const many = buildZip(
      Array.from({ length: 5 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') })),
    );
    await refusal(many, { maxEntries: 4 });
    const big = buildZip([{ name: 'a', data: Buffer.alloc(2000, 1), store: true }]);
    await refusal(big, { maxTotalBytes: 1000 });
  });

  it('refuses a truncated zip and a corrupt entry', async () => {
    const good = buildZip([{ name: 'a.json', data: Buffer.from('{"a":1}'.repeat(100)) }]);
    const path = join(temp, 'truncated.zip');
    writeFileSync(path, good.subarray(0, good.length - 30));
    expect(await refusal(path)).toMatchObject({ zip: 'test.zip' });
    const corrupt = Buffer.from(good);
    corrupt.fill(0xff, 32, 40);
    await refusal(corrupt);
  });

  it('refuses an entry that is not UTF-8', async () => {
    const details = await refusal(
      buildZip([{ name: 'bad.json', data: Buffer.from([0x5b, 0xff, 0xfe, 0x5d]) }]),
    );
    expect(details).toMatchObject({ entry: 'bad.json' });
  });
});

const exportDir = sharedFixture('payloads/slack/export-hfaran-testarchive');
if (!existsSync(exportDir)) {
  console.warn(`Slack fixtures not found at ${exportDir}: the real zipped export skipped`);
}
/** Our own workspace export always; the real hfaran export when it is beside the repository. */
const exports = [
  { name: 'our own', dir: ownFixture('slack/export-payments-workspace'), messages: 9 },
  { name: 'the hfaran', dir: exportDir, messages: 147 },
].filter((e) => existsSync(e.dir));

describe('openZip with the Slack converter', () => {
  it.each(exports)('imports $name export zipped like the folder', async ({ dir, messages }) => {
    const walk = (folder: string): string[] =>
      readdirSync(folder).flatMap((name) => {
        const path = join(folder, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
    const zipBytes = buildZip(
      walk(dir).map((path) => ({
        name: `slack-export/${relative(dir, path)}`,
        data: readFileSync(path),
      })),
    );
    const zip = await openZip(zipBytes, { name: 'slack-export.zip' });
    try {
      let count = 0;
      for await (const chunk of slackConverter.convert(
        { kind: 'files', fileName: 'slack-export.zip', files: zip.files },
        {},
      )) {
        count += chunk.events.length;
      }
      expect(count).toBe(messages);
    } finally {
      zip.close();
    }
  });
});

describe('openZip under mutation', () => {
  const good = buildZip([
    { name: 'channels.json', data: Buffer.from('[{"id":"C1","name":"ops"}]') },
    {
      name: 'ops/2024-01-01.json',
      data: Buffer.from('[{"ts":"1704067200.000001","text":"hi"}]'.repeat(20)),
    },
  ]);

  it('throws only DomainErrors on flipped bytes and truncation', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        fc.boolean(),
        async (at, byte, truncate) => {
          const bytes = Buffer.from(good);
          const index = at % bytes.length;
          bytes[index] = byte;
          const mutated = truncate ? good.subarray(0, index) : bytes;
          await readAll(mutated).catch((error: unknown) => {
            expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
