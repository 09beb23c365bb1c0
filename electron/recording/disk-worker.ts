/**
 * The recording's disk thread: turns the records the writer encoded into JSON lines
 * (record-lines.ts), puts them into gzip members and the members to the file. Everything a
 * recording costs beyond encoding happens here, off the engine's thread (a worker_threads
 * Worker, at idle priority: idle-thread.ts).
 */
import { writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { MEMBER_FLAGS } from '../../shared/recording/gzip-blocks';
import type { DiskWorkerData, FromDisk, ToDisk } from './disk-protocol';
import { gzipMember } from './gzip-member';
import { runWhenIdle } from './idle-thread';
import { MemberBuffer } from './member-buffer';

const { fd } = workerData as DiskWorkerData;

runWhenIdle();
const port = parentPort;
/** Text that makes a member: a megabyte (a busy loop writes about 15 MB of lines a second). */
const MEMBER_TEXT_BYTES = 1 << 20;
const buffer = new MemberBuffer();
let bytes = 0;
let records = 0;
let failed = false;

const say = (message: FromDisk): void => port?.postMessage(message);

function seal(): void {
  const member = buffer.seal();
  if (!member || failed) return;
  const gzip = gzipMember(member.text, member.info);
  for (let at = 0; at < gzip.length;) at += writeSync(fd, gzip, at);
  bytes += gzip.length;
}

function handle(message: ToDisk): void {
  switch (message.type) {
    case 'line':
      // A snapshot starts a member (the first one, after the header): a reader can begin decoding there.
      if (message.flag & MEMBER_FLAGS.snapshot && !buffer.onlyHeader) seal();
      buffer.push(message.json, message.flag);
      return;
    case 'records':
      records += buffer.pushRecords(message.numbers, message.strings);
      port?.postMessage({ type: 'spent', numbers: message.numbers } satisfies FromDisk, [
        message.numbers.buffer as ArrayBuffer,
      ]);
      // Compressed while the text is still in the cache; a block's members add up to one.
      if (buffer.size >= MEMBER_TEXT_BYTES) seal();
      return;
    case 'flush':
      seal();
      say({ type: 'progress', bytes, records });
      return;
    case 'finish':
      seal();
      say({ type: 'done', bytes, records });
      port?.close();
  }
}

say({ type: 'ready' });

port?.on('message', (message: ToDisk) => {
  if (failed) return;
  try {
    handle(message);
  } catch (error) {
    failed = true;
    say({ type: 'error', message: (error as Error).message });
  }
});
