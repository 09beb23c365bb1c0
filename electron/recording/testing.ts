/**
 * Test support for recordings: temp files removed after each test, files opened as
 * ByteSources, and the part of a snapshot a recording determines.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { EngineSnapshot } from '../../shared/engine';
import type { ByteSource } from '../../shared/recording/byte-source';
import { fileSource as openFile } from './file-source';
import { connect, startEngine, waitFor } from '../lab/testing';
import { RecordingWriter } from './writer';

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
  const source = await openFile(path);
  if (!source.ok) throw new Error(source.error.message);
  return source.value;
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

/**
 * A real recording of a real engine: `clients` clients echo `messages` messages each, then
 * close; a snapshot every `snapshotEvery` iterations. Returns the file and its iterations.
 */
export async function recordEchoes(
  path: string,
  { clients = 2, messages = 20, snapshotEvery = 10 } = {},
): Promise<{ path: string; iterations: number }> {
  const { server, port } = await startEngine();
  const writer = await RecordingWriter.start(server, path, { snapshotEvery });
  if (!writer.ok) throw new Error(writer.error.message);
  const peers = await Promise.all(Array.from({ length: clients }, () => connect(port)));
  for (let i = 0; i < messages; i++) {
    await Promise.all(
      peers.map(async (peer, p) => {
        const text = `message ${i} from client ${p}\n`;
        const before = peer.receivedBytes();
        peer.socket.write(text);
        await peer.receivedAtLeast(before + text.length);
      }),
    );
  }
  for (const peer of peers) peer.socket.end();
  await Promise.all(peers.map((peer) => peer.ended));
  await waitFor(server, () => server.snapshot().connections.length === 0, 'the clients gone');
  const stopped = await writer.value.stop();
  if (!stopped.ok) throw new Error(stopped.error.message);
  return { path, iterations: stopped.value.iterations };
}
