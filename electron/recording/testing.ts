/**
 * Test support for recordings: temp files removed after each test, files opened as
 * ByteSources, and the part of a snapshot a recording determines.
 */
import { openAsBlob } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach } from 'vitest';
import type { EngineSnapshot } from '../../shared/engine';
import { blobSource, type ByteSource } from '../../shared/recording/byte-source';

const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh directory, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'socket-lab-rec-'));
  dirs.push(dir);
  return dir;
}

/** A file on disk as a ByteSource (a Blob backed by the file, as a browser File is). */
export async function fileSource(path: string): Promise<ByteSource> {
  return blobSource(await openAsBlob(path), basename(path));
}

/**
 * What the records say about a state: the lists, the sets, the totals, each connection's
 * counters and queue. Not the kernel's side (buffers, a FIN not yet read, the accept queue),
 * which a recording holds only at its snapshots.
 */
export function determined(snapshot: EngineSnapshot) {
  return {
    iteration: snapshot.iteration,
    inputs: snapshot.inputs,
    outputs: snapshot.outputs,
    lastSets: snapshot.lastSets,
    totals: snapshot.totals,
    connections: [...snapshot.connections]
      .sort((a, b) => a.id - b.id)
      .map((c) => ({
        id: c.id,
        fd: c.fd,
        peer: c.peer,
        queuedMessages: c.queuedMessages,
        queuedBytes: c.queuedBytes,
        bytesIn: c.bytesIn,
        bytesOut: c.bytesOut,
        bytesLost: c.bytesLost,
        readClosed: c.readClosed,
        backpressure: c.backpressure,
      })),
  };
}
