/**
 * A compressed recording looked over by hopping from member header to member header
 * (gzip-blocks.ts): nothing is decompressed but the first member (the header and the first
 * snapshot, which the first frame needs anyway), the last (its end line says why the
 * recording stopped) and a last member cut short.
 */
import { fail, ok, type Result } from '../result';
import { readAhead, type ByteSource } from './byte-source';
import { readBlockLines } from './block-lines';
import type { Block, BlockContent, Catalog } from './catalog';
import { inflateMember, inflatePrefix } from './inflate';
import { splitLines } from './line-reader';
import { parseLine } from './lines';
import type { EndLine } from './format';
import { decodeMemberHeader, MEMBER_FLAGS, MEMBER_HEADER_BYTES, type MemberInfo } from './gzip-blocks';

interface Member {
  offset: number;
  info: MemberInfo;
  firstLine: number;
  /** The file ends inside it. */
  cut: boolean;
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1)} MB`;

/** The members, in order, as far as their headers hold together; and why they stop, if early. */
async function hop(file: ByteSource): Promise<Result<{ members: Member[]; warning: string | null }>> {
  // Members of a second's records sit close together: read their headers a window at a time.
  const source = readAhead(file);
  const members: Member[] = [];
  let line = 1;
  for (let offset = 0; offset < source.size;) {
    const info = decodeMemberHeader(await source.read(offset, MEMBER_HEADER_BYTES));
    if (typeof info === 'string') {
      if (offset === 0 && info === 'foreign') {
        return fail(
          'BAD_RECORDING',
          `${source.name} is gzip-compressed, but not by Socket Lab: decompress it (gunzip) and open the JSON lines inside.`,
        );
      }
      if (offset === 0) return fail('BAD_RECORDING', `${source.name} is cut short inside its first block.`);
      const where = `byte ${offset.toLocaleString('en')} (after line ${(line - 1).toLocaleString('en')})`;
      return ok({ members, warning: `The file is damaged at ${where}: what follows cannot be read.` });
    }
    const cut = offset + info.size > source.size;
    members.push({ offset, info, firstLine: line, cut });
    if (cut) break;
    line += info.lines;
    offset += info.size;
  }
  return ok({ members, warning: null });
}

/** The text of a member: whole, or as much as there is of a cut one. */
async function textOf(source: ByteSource, member: Member): Promise<string | null> {
  const bytes = await source.read(member.offset, member.info.size);
  if (!member.cut) return inflateMember(bytes);
  const text = await inflatePrefix(bytes, MEMBER_HEADER_BYTES);
  return text.slice(0, text.lastIndexOf('\n') + 1);
}

/** The end line, from the member whose header says it holds one; null if it does not read as one. */
async function endOf(source: ByteSource, member: Member | undefined): Promise<EndLine | null> {
  if (!member) return null;
  const text = (await textOf(source, member))?.trimEnd() ?? '';
  const last = parseLine(text.slice(text.lastIndexOf('\n') + 1), member.firstLine);
  return last.ok && last.value?.type === 'end' ? last.value : null;
}

/** Decodes a block's members into its lines, records and start state. */
async function loadBlock(
  source: ByteSource,
  members: Member[],
  afterN: number,
): Promise<Result<BlockContent & { lastN: number }>> {
  const lines: { text: string; number: number }[] = [];
  for (const member of members) {
    const text = await textOf(source, member);
    if (text === null) {
      return fail(
        'BAD_RECORDING',
        `The block that starts at line ${member.firstLine} is damaged (it does not decompress).`,
      );
    }
    lines.push(...splitLines(text, member.firstLine));
  }
  const read = readBlockLines(lines, afterN);
  if (!read.start)
    return fail(
      'BAD_RECORDING',
      read.problem ?? `Line ${members[0]?.firstLine ?? 1} should be a snapshot, and is not.`,
    );
  return ok({
    start: read.start,
    records: read.records,
    problem: read.problem,
    lastN: read.records.at(-1)?.n ?? read.start.engine.iteration,
  });
}

/** Groups members into blocks: each starts at a member that opens with a snapshot. */
function group(members: Member[]): Member[][] {
  const blocks: Member[][] = [];
  for (const member of members) {
    const last = blocks.at(-1);
    if (!last || member.info.flags & MEMBER_FLAGS.snapshot) blocks.push([member]);
    else last.push(member);
  }
  return blocks;
}

export async function scanGzip(source: ByteSource): Promise<Result<Catalog>> {
  const hopped = await hop(source);
  if (!hopped.ok) return hopped;
  const { members } = hopped.value;
  const warnings = hopped.value.warning ? [hopped.value.warning] : [];
  const first = members[0];
  if (!first || !(first.info.flags & MEMBER_FLAGS.header)) {
    return fail('BAD_RECORDING', `${source.name} does not start with a recording header.`);
  }
  const head = await textOf(source, first);
  const headLines = head === null ? [] : splitLines(head, 1);
  // The header, and the first snapshot: the iteration the recording starts after.
  const headerLine = readBlockLines(headLines.slice(0, 2), 0);
  if (head === null || headerLine.problem || !headerLine.header) {
    return fail('BAD_RECORDING', headerLine.problem ?? `${source.name}: its first block is damaged.`);
  }
  const groups = group(members);
  const blocks: Block[] = [];
  let afterN = headerLine.start?.engine.iteration ?? 0;
  for (const [index, group] of groups.entries()) {
    const isLast = index === groups.length - 1;
    const lastMember = group.at(-1) as Member;
    // The last block may be cut short: decode it now to know where it really ends.
    const known = isLast && lastMember.cut ? await loadBlock(source, group, afterN) : null;
    const recordedLast = Math.max(...group.map((m) => m.info.lastN));
    const startN = afterN;
    const lastN = known?.ok ? known.value.lastN : Math.max(recordedLast, startN);
    if (known && !known.ok) {
      warnings.push(known.error.message);
      break;
    }
    blocks.push({
      startN,
      lastN,
      firstLine: group[0]?.firstLine ?? 1,
      load: () => loadBlock(source, group, startN),
    });
    afterN = lastN;
  }
  if (blocks.length === 0) return fail('BAD_RECORDING', `${source.name} holds no snapshot to start from.`);
  const endMember = members.filter((m) => !m.cut && m.info.flags & MEMBER_FLAGS.end).at(-1);
  const ended = endMember !== undefined;
  const cutAt = members.find((m) => m.cut);
  if (cutAt) {
    const last = blocks.at(-1)?.lastN ?? 0;
    warnings.push(
      `The recording was cut short (the file ends at ${mb(source.size)}, in the middle of the block from line ${cutAt.firstLine.toLocaleString('en')}): the replay ends at iteration ${last.toLocaleString('en')}, the last one written whole.`,
    );
  } else if (!ended && warnings.length === 0) {
    warnings.push(
      'The recording has no end line: it was cut short (the lab quit before it finished). Everything written before is here.',
    );
  }
  return ok({
    kind: 'recording',
    header: headerLine.header,
    blocks,
    warnings,
    end: await endOf(source, endMember),
  });
}
