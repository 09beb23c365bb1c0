// @vitest-environment node
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parseLine } from '../../shared/recording/lines';
import { describe, expect, it } from 'vitest';
import type { ByteSource } from '../../shared/recording/byte-source';
import { decodeMemberHeader, MEMBER_FLAGS, MEMBER_HEADER_BYTES } from '../../shared/recording/gzip-blocks';
import { Replay } from '../../shared/recording/replay';
import { gzipMember } from './gzip-member';
import { fileSource, recordEchoes, tempDir } from './testing';

/** A source that counts what is read from it: reading a bad file must stay bounded. */
function counting(source: ByteSource): ByteSource & { bytesRead: () => number } {
  let read = 0;
  return {
    ...source,
    read: async (offset, length) => {
      const bytes = await source.read(offset, length);
      read += bytes.length;
      return bytes;
    },
    bytesRead: () => read,
  };
}

async function open(path: string) {
  const source = counting(await fileSource(path));
  return { replay: await Replay.open(source), source };
}

async function refusal(path: string): Promise<string> {
  const { replay } = await open(path);
  if (replay.ok) throw new Error(`${path} opened`);
  expect(replay.error.code).toBe('BAD_RECORDING');
  return replay.error.message;
}

const MiB = 1024 * 1024;

describe('bad files: a clear message naming what is wrong and where, never a crash (issue 12)', () => {
  it('a recording cut short: the replay holds everything written whole, and says where it stops', async () => {
    const dir = await tempDir();
    const { path, iterations } = await recordEchoes(join(dir, 'whole.slrec.gz'), { messages: 30 });
    const bytes = await readFile(path);
    const cut = join(dir, 'cut.slrec.gz');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const { replay } = await open(cut);
    if (!replay.ok) throw new Error(replay.error.message);
    const { warnings } = replay.value.catalog;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^The recording was cut short \(the file ends at .* MB, in the middle of the block from line \d[\d,]*\): the replay ends at iteration \d[\d,]*, the last one written whole\.$/,
    );
    expect(replay.value.last).toBeGreaterThan(replay.value.first);
    expect(replay.value.last - replay.value.first).toBeLessThan(iterations);
    // Every iteration it claims is there, is.
    expect((await replay.value.seek({ n: replay.value.last, done: 0 })).ok).toBe(true);
    expect(replay.value.frame(500).engine.iteration).toBe(replay.value.last);
  });

  it('a recording with its end line missing (the lab was killed): opens, and says so', async () => {
    const dir = await tempDir();
    const { path } = await recordEchoes(join(dir, 'whole.slrec.gz'));
    const lines = gunzipSync(await readFile(path))
      .toString()
      .trimEnd()
      .split('\n');
    expect(JSON.parse(lines.at(-1) ?? '')).toMatchObject({ type: 'end', reason: 'stopped' });
    const plain = join(dir, 'killed.jsonl');
    await writeFile(plain, `${lines.slice(0, -1).join('\n')}\n`);
    const { replay } = await open(plain);
    expect(replay.ok && replay.value.catalog.warnings).toEqual([
      'The recording has no end line: it was cut short (the lab quit before it finished). Everything written before is here.',
    ]);
  });

  it('cut inside its first block: nothing to show, and it says so', async () => {
    const dir = await tempDir();
    const { path } = await recordEchoes(join(dir, 'whole.slrec.gz'));
    const cut = join(dir, 'stub.slrec.gz');
    await writeFile(cut, (await readFile(path)).subarray(0, 30));
    expect(await refusal(cut)).toBe('stub.slrec.gz is cut short inside its first block.');
  });

  it('a newer format version: which version it is, which this lab reads, what to do', async () => {
    const dir = await tempDir();
    const { path } = await recordEchoes(join(dir, 'whole.slrec.gz'));
    const lines = gunzipSync(await readFile(path))
      .toString()
      .split('\n');
    const header = { ...JSON.parse(lines[0] ?? ''), version: 3, lab: '3.0.0' };
    const newer = join(dir, 'newer.jsonl');
    await writeFile(newer, [JSON.stringify(header), ...lines.slice(1)].join('\n'));
    expect(await refusal(newer)).toBe(
      'newer.jsonl is not a Socket Lab recording or --log jsonl file: This is a version 3 recording (written by Socket Lab 3.0.0); this Socket Lab reads version 2. Update Socket Lab to open it.',
    );
  });

  it('not JSON', async () => {
    const path = join(await tempDir(), 'notes.txt');
    await writeFile(path, 'Socket Lab session, Tuesday\nbring the projector\n');
    expect(await refusal(path)).toMatch(
      /^notes\.txt is not a Socket Lab recording or --log jsonl file: Line 1 is not JSON \(.*\)\.$/,
    );
  });

  it('valid JSON that is not a recording: a pretty-printed file, a one-line object', async () => {
    const dir = await tempDir();
    const pretty = join(dir, 'package.json');
    await writeFile(pretty, JSON.stringify({ name: 'x', version: '1.0.0' }, null, 2));
    expect(await refusal(pretty)).toMatch(
      /^package\.json is not a Socket Lab recording .*: Line 1 is not JSON/,
    );
    const compact = join(dir, 'data.json');
    await writeFile(compact, '{"name":"x","version":"1.0.0"}\n');
    expect(await refusal(compact)).toBe(
      'data.json is not a Socket Lab recording or --log jsonl file: Line 1 is not a valid iteration record: n: missing (expected number).',
    );
  });

  it('a gzip file the lab did not write: decompress it first', async () => {
    const path = join(await tempDir(), 'log.jsonl.gz');
    await writeFile(path, gzipSync('{"n":1}\n'));
    expect(await refusal(path)).toBe(
      'log.jsonl.gz is gzip-compressed, but not by Socket Lab: decompress it (gunzip) and open the JSON lines inside.',
    );
  });

  it('2 GB of garbage: refused after reading a few MiB, not 2 GB', async () => {
    const dir = await tempDir();
    const zeros = join(dir, 'zeros.bin');
    await writeFile(zeros, '');
    await truncate(zeros, 2 * 1024 * MiB); // sparse: 2 GB that take no disk
    const { replay, source } = await open(zeros);
    expect(replay.ok).toBe(false);
    if (!replay.ok)
      expect(replay.error.message).toBe(
        'zeros.bin is not a Socket Lab recording or --log jsonl file: line 1 runs past 8 MiB without ending.',
      );
    expect(source.bytesRead()).toBeLessThanOrEqual(10 * MiB);
    const random = join(dir, 'random.bin');
    await writeFile(random, Buffer.from(Array.from({ length: 3 * MiB }, (_, i) => (i * 7919 + 13) % 251)));
    expect(await refusal(random)).toMatch(
      /^random\.bin is not a Socket Lab recording .*: Line 1 is not JSON/,
    );
  });

  it('a bad line part way through a log: the replay stops before it, naming the line and the field', async () => {
    const dir = await tempDir();
    const { path } = await recordEchoes(join(dir, 'whole.slrec.gz'));
    // A log's lines are the records as objects (the recording holds them as arrays).
    const records = gunzipSync(await readFile(path))
      .toString()
      .split('\n')
      .map((line, i) => parseLine(line, i + 1))
      .flatMap((parsed) => (parsed.ok && parsed.value?.type === 'iteration' ? [parsed.value.record] : []))
      .map((record) => JSON.stringify(record));
    const victim = records.findIndex((line, i) => i >= 9 && line.includes('"kind":"recv"'));
    const broken = records.map((line, i) =>
      i === victim ? line.replace('"kind":"recv"', '"kind":"recieve"') : line,
    );
    const log = join(dir, 'server.jsonl');
    await writeFile(log, `${broken.join('\n')}\n`);
    const { replay } = await open(log);
    if (!replay.ok) throw new Error(replay.error.message);
    expect(replay.value.catalog.kind).toBe('log');
    expect(replay.value.catalog.warnings).toEqual([
      `Line ${victim + 1} is not a valid iteration record: actions[1].kind: unknown action kind "recieve". So the replay stops at iteration ${victim}, before it.`,
    ]);
    expect(replay.value.last).toBe(victim);
  });

  it('a damaged block inside a recording: the replay goes up to it, and says which', async () => {
    const dir = await tempDir();
    const { path } = await recordEchoes(join(dir, 'whole.slrec.gz'), { messages: 40 });
    const bytes = Buffer.from(await readFile(path));
    // Scramble the compressed data of a block in the middle, leaving its header be.
    const members: number[] = [];
    for (let at = 0; at < bytes.length;) {
      const info = decodeMemberHeader(bytes.subarray(at, at + MEMBER_HEADER_BYTES));
      if (typeof info === 'string') throw new Error(`no member at ${at}`);
      members.push(at);
      at += info.size;
    }
    const middle = (members[Math.floor(members.length / 2)] ?? 0) + MEMBER_HEADER_BYTES + 2;
    for (let i = middle; i < middle + 8; i++) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
    const damaged = join(dir, 'damaged.slrec.gz');
    await writeFile(damaged, bytes);
    const { replay } = await open(damaged);
    if (!replay.ok) throw new Error(replay.error.message);
    const before = replay.value.last;
    // Step from the start: every step is fine until the damaged block, which is named.
    let stepped = await replay.value.step();
    while (stepped.ok && stepped.value) stepped = await replay.value.step();
    expect(stepped.ok).toBe(false);
    if (!stepped.ok)
      expect(stepped.error.message).toMatch(
        /^The block that starts at line \d+ is damaged \(it does not decompress\)\.$/,
      );
    expect(replay.value.last).toBeLessThan(before);
    expect(replay.value.problems).toEqual([
      expect.stringMatching(/is damaged .* The replay ends at iteration \d+\.$/),
    ]);
    // Stepping on at the end of what can be read is the end, not the same error again.
    expect(await replay.value.step()).toEqual({ ok: true, value: null });
  });
});

describe('older recordings', () => {
  it('a version 1 recording (every record an object) replays the same states as its version 2 twin', async () => {
    const dir = await tempDir();
    const { path } = await recordEchoes(join(dir, 'now.slrec.gz'), { messages: 30 });
    const lines = gunzipSync(await readFile(path))
      .toString()
      .split('\n')
      .slice(0, -1);
    // The same lines as version 1 wrote them: the header says 1, and each record is its object.
    const v1 = lines.map((line, i) => {
      if (line.startsWith('[')) {
        const parsed = parseLine(line, i + 1);
        if (!parsed.ok || parsed.value?.type !== 'iteration') throw new Error(`line ${i + 1}`);
        return JSON.stringify(parsed.value.record);
      }
      const value = JSON.parse(line) as { type: string };
      return JSON.stringify(value.type === 'header' ? { ...value, version: 1 } : value);
    });
    expect(v1.filter((line) => line.startsWith('{"n":')).length).toBeGreaterThan(10);
    // In blocks as the lab cuts them: the header and the first snapshot, then one per snapshot.
    const blocks: string[][] = [];
    for (const [i, line] of v1.entries()) {
      if (i === 0 || (i > 1 && line.startsWith('{"type":"snapshot"'))) blocks.push([line]);
      else blocks.at(-1)?.push(line);
    }
    expect(blocks.length).toBeGreaterThan(1);
    const old = join(dir, 'old.slrec.gz');
    const members = blocks.map((block, i) => {
      const n = block
        .filter((line) => line.startsWith('{"n":'))
        .map((line) => (JSON.parse(line) as { n: number }).n);
      const flags =
        (i === 0 ? MEMBER_FLAGS.header : 0) |
        MEMBER_FLAGS.snapshot |
        (i === blocks.length - 1 ? MEMBER_FLAGS.end : 0);
      const info = { lines: block.length, flags, firstN: n[0] ?? 0, lastN: n.at(-1) ?? 0 };
      return gzipMember(Buffer.from(`${block.join('\n')}\n`), info);
    });
    await writeFile(old, Buffer.concat(members));
    const [now, then] = [(await open(path)).replay, (await open(old)).replay];
    if (!now.ok || !then.ok) throw new Error('both should open');
    expect(then.value.catalog.warnings).toEqual([]);
    expect([then.value.first, then.value.last]).toEqual([now.value.first, now.value.last]);
    for (const n of [
      now.value.last,
      now.value.first + 1,
      Math.floor((now.value.first + now.value.last) / 2),
    ]) {
      expect((await now.value.seek({ n, done: 0 })).ok).toBe(true);
      expect((await then.value.seek({ n, done: 0 })).ok).toBe(true);
      expect(then.value.frame(50)).toEqual(now.value.frame(50));
    }
  });
});
