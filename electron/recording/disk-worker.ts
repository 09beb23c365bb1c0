/**
 * The recording's disk thread: turns the records the writer encoded into JSON lines
 * (record-lines.ts), puts them into gzip members and the members to the file. Everything a
 * recording costs beyond encoding happens here, off the engine's thread (a worker_threads
 * Worker, at idle priority: idle-thread.ts; or at a fair share, when it takes over from one
 * that other programs starved: disk-queue.ts).
 */
import { writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { MEMBER_FLAGS } from '../../shared/recording/gzip-blocks';
import type { DiskWorkerData, FromDisk, ToDisk } from './disk-protocol';
import { gzipMember } from './gzip-member';
import { runWhenIdle } from './idle-thread';
import { MemberBuffer } from './member-buffer';

const { fd, offset, priority, starveAfter = Infinity } = workerData as DiskWorkerData;

if (priority === 'idle') runWhenIdle();
const port = parentPort;
/** Text that makes a member: a megabyte (a busy loop writes about 15 MB of lines a second). */
const MEMBER_TEXT_BYTES = 1 << 20;
const buffer = new MemberBuffer();
/** Where the next member goes: the file is whole up to here. */
let position = offset;
/** The last message whose lines are in `buffer` or the file. */
let processed = -1;
let failed = false;
let handled = 0;

const say = (message: FromDisk): void => port?.postMessage(message);

/** The member under way to the file, at its place (a thread that takes over writes from there). */
function seal(): void {
  const member = buffer.seal();
  if (!member || failed) return;
  const gzip = gzipMember(member.text, member.info);
  for (let at = 0; at < gzip.length;) at += writeSync(fd, gzip, at, gzip.length - at, position + at);
  position += gzip.length;
}

/** Seals, and tells the writer what the file now holds. */
function sealAndSay(): void {
  seal();
  if (!failed) say({ type: 'written', through: processed, bytes: position });
}

function handle(message: ToDisk): void {
  switch (message.type) {
    case 'line':
      // A snapshot starts a member (the first one, after the header): a reader can begin decoding there.
      if (message.flag & MEMBER_FLAGS.snapshot && !buffer.onlyHeader) sealAndSay();
      buffer.push(message.json, message.flag);
      processed = message.id;
      return;
    case 'records':
      buffer.pushRecords(message.numbers, message.strings);
      processed = message.id;
      // Compressed while the text is still in the cache; a block's members add up to one.
      if (buffer.size >= MEMBER_TEXT_BYTES) sealAndSay();
      return;
    case 'flush':
      processed = message.id;
      sealAndSay();
      return;
    case 'finish':
      processed = message.id;
      seal();
      say({ type: 'done', bytes: position });
      port?.close();
  }
}

say({ type: 'ready' });

port?.on('message', (message: ToDisk) => {
  if (failed || handled++ >= starveAfter) return;
  try {
    handle(message);
  } catch (error) {
    failed = true;
    say({ type: 'error', message: (error as Error).message });
  }
});
