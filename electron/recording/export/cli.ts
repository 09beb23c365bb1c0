/**
 * `npm run export -- --format perfetto IN OUT`: a recording (or a --log jsonl file) as
 * Chrome trace-event JSON, to open in https://ui.perfetto.dev or chrome://tracing.
 */
import { parseArgs } from 'node:util';
import { exportPerfetto } from './perfetto';

const USAGE = `Usage: npm run export -- --format perfetto IN OUT

Writes the recording IN (a .slrec.gz, or npm run server -- --log jsonl output) to OUT as
Chrome trace-event JSON: open OUT in https://ui.perfetto.dev (or chrome://tracing).
One track for the select() loop (each iteration, and each wait in select(), a slice),
one per socket (its lifetime a slice, each action on it an instant), and counters.`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const [input, output, ...extra] = parsed.positionals;
  if (parsed.values.format !== 'perfetto') {
    console.error(`--format must be perfetto (got ${parsed.values.format ?? 'nothing'}).\n\n${USAGE}`);
    return 2;
  }
  if (!input || !output || extra.length > 0) {
    console.error(`Give one file to read and one to write.\n\n${USAGE}`);
    return 2;
  }
  const result = await exportPerfetto(input, output);
  if (!result.ok) {
    console.error(result.error.message);
    return 1;
  }
  const { iterations, events, sockets, warnings } = result.value;
  for (const warning of warnings) console.error(`warning: ${warning}`);
  console.log(
    `Wrote ${output}: ${iterations.toLocaleString('en')} iterations, ${sockets.toLocaleString('en')} socket tracks, ${events.toLocaleString('en')} events. Open it in https://ui.perfetto.dev`,
  );
  return 0;
}

process.exitCode = await main();
