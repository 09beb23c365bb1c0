/**
 * Puts the calling thread (the recording's disk thread) behind everything else on the machine:
 * it should take only CPU the engine and its clients leave, and catch up when they pause.
 *
 * On Linux, SCHED_IDLE: the kernel runs the thread when a core would otherwise idle, and any
 * other thread that wakes takes the core back at once. Measured on 2 cores under a 1 KiB × 100
 * ping-pong, recording cost 5% less throughput this way than at niceness 19, where the
 * scheduler still lets the thread run out its slice when the engine or a client wakes. Node has
 * no call for a scheduling policy, so util-linux's `chrt` sets it on this thread's id.
 *
 * The price: while other programs keep every core busy, the thread does not run at all (nor
 * much at niceness 19), and an unprivileged thread cannot raise its priority again. So the
 * queue that feeds it (disk-queue.ts) hands its work to a new thread at a fair share when it
 * starves.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

const CHRT = ['/usr/bin/chrt', '/bin/chrt'];

/** Lowers this thread's priority as far as the system allows; says how, for the record. */
export function runWhenIdle(): 'idle' | 'nice' | 'unchanged' {
  // Elsewhere a niceness is the whole process's: the engine would be lowered with the thread.
  if (process.platform !== 'linux') return 'unchanged';
  try {
    // "<pid>/task/<tid>": this thread's own id, which chrt and setpriority take.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    const chrt = CHRT.find((path) => existsSync(path));
    if (Number.isInteger(tid) && tid > 0 && chrt) {
      execFileSync(chrt, ['--idle', '--pid', '0', String(tid)], { stdio: 'ignore', timeout: 2000 });
      return 'idle';
    }
  } catch {
    // No chrt, or not allowed: niceness, below.
  }
  try {
    setPriority(19);
    return 'nice';
  } catch {
    return 'unchanged';
  }
}
