import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { openCatalog } from '../../../shared/recording/open';
import { fail, ok, type Result } from '../../../shared/result';
import { fileSource } from '../file-source';
import { TraceBuilder, type TraceEvent } from './trace-events';

export interface ExportSummary {
  iterations: number;
  events: number;
  sockets: number;
  /** What the file's own problems left out (cut short, a bad line). */
  warnings: string[];
}

/**
 * Writes `input` (a recording or a --log jsonl file) to `output` as trace-event JSON,
 * block by block: memory holds one decoded block, whatever the recording's length.
 */
export async function exportPerfetto(input: string, output: string): Promise<Result<ExportSummary>> {
  const source = await fileSource(input);
  if (!source.ok) return source;
  const catalog = await openCatalog(source.value);
  if (!catalog.ok) return catalog;
  const { blocks, header, warnings } = catalog.value;
  const out = createWriteStream(output);
  let first = true;
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let pending = '';
  const builder = new TraceBuilder((event: TraceEvent) => {
    pending += `${first ? '' : ',\n'}${JSON.stringify(event)}`;
    first = false;
  });
  let iterations = 0;
  try {
    await write('{"traceEvents":[\n');
    for (const [index, block] of blocks.entries()) {
      const content = await block.load();
      if (!content.ok) {
        warnings.push(`${content.error.message} The export stops before it.`);
        break;
      }
      const { start, records, problem } = content.value;
      if (index === 0) {
        const where = header?.server.address ?? start.engine.server.address ?? 'the select() server';
        builder.begin(
          `Socket Lab echo server ${where}`,
          header?.startedAt ?? records[0]?.at ?? 0,
          [...start.connections.values()].map((c) => c.view),
        );
      }
      for (const record of records) builder.record(record);
      iterations += records.length;
      await write(pending);
      pending = '';
      if (problem) {
        warnings.push(`${problem} The export stops before it.`);
        break;
      }
    }
    builder.end();
    await write(pending);
    const metadata = {
      source: source.value.name,
      producer: header?.producer ?? 'log',
      lab: header?.lab ?? null,
    };
    await write(`\n],"displayTimeUnit":"ms","metadata":${JSON.stringify(metadata)}}\n`);
    out.end();
    await once(out, 'finish');
  } catch (error) {
    out.destroy();
    return fail('RECORDING', `Cannot write ${output}: ${(error as Error).message}.`);
  }
  return ok({ iterations, events: builder.events, sockets: builder.sockets, warnings });
}
