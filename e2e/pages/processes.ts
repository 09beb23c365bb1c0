import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * Linux /proc lookups for the e2e specs: which process listens on a port, and
 * its children. Exact ids only: the specs never look a process up by name.
 */

const read = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

const pids = (): number[] =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);

/** The socket inode listening on 127.0.0.1:port (state 0A = LISTEN). */
function listeningInode(port: number): string | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of (read(table) ?? '').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A') return fields[9] ?? null;
    }
  }
  return null;
}

/** The process that holds the socket listening on `port`, if it is ours to see. */
export function pidListeningOn(port: number): number | null {
  const inode = listeningInode(port);
  if (!inode) return null;
  for (const pid of pids()) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) return pid;
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}

/** Direct children of `parent`, with their command lines. */
export function childrenOf(parent: number): { pid: number; cmdline: string }[] {
  return pids().flatMap((pid) => {
    const stat = read(`/proc/${pid}/stat`);
    if (!stat) return [];
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid !== parent) return [];
    return [{ pid, cmdline: (read(`/proc/${pid}/cmdline`) ?? '').split('\0').join(' ') }];
  });
}
