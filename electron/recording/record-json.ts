/**
 * A recording's iteration lines written straight from the numbers a RecordEncoder took: the
 * same text as `JSON.stringify` of the record that was encoded (same keys, same order, same
 * numbers), without building it again. The disk thread spent most of its time
 * on those objects and on stringifying them; this is its hot path.
 */
import { FIDELITIES, FIELDS, KINDS, PHASES, type AnyFields } from './record-codec';

/** `{"phase":…,"kind":…` for each phase and kind, made once. */
const HEADS = PHASES.map((phase) =>
  KINDS.map((kind) => `{"phase":${JSON.stringify(phase)},"kind":${JSON.stringify(kind)}`),
);
/** `,"name":` for each kind's fields, in its order. */
const KEYS = KINDS.map((kind) => (FIELDS[kind] as AnyFields).map(([name]) => `,${JSON.stringify(name)}:`));
const FIELD_TYPES = KINDS.map((kind) => (FIELDS[kind] as AnyFields).map(([, type]) => type));

/** Each record's JSON line and its number, oldest first. */
export function* recordLines(
  numbers: Float64Array,
  strings: readonly string[],
): Generator<{ json: string; n: number }> {
  let at = 0;
  const num = (): number => numbers[at++] ?? 0;
  const ids = (): string => {
    let list = '[';
    for (let left = num(), first = true; left > 0; left--, first = false) list += (first ? '' : ',') + num();
    return list + ']';
  };
  while (at < numbers.length) {
    const n = num();
    let json = `{"n":${n},"at":${num()},"micros":${num()},"fidelity":${JSON.stringify(FIDELITIES[num()] ?? 'safe')}`;
    json += `,"inputs":${ids()},"outputs":${ids()}`;
    json += `,"sets":{"readable":${ids()},"writable":${ids()},"exceptional":${ids()}},"actions":[`;
    for (let left = num(), first = true; left > 0; left--, first = false) {
      const kind = num();
      const phase = num();
      json += (first ? '' : ',') + (HEADS[phase]?.[kind] ?? '{');
      const keys = KEYS[kind] as string[];
      const types = FIELD_TYPES[kind] as AnyFields[number][1][];
      for (let f = 0; f < types.length; f++) {
        const type = types[f];
        let value: string | undefined;
        if (type === 'n') value = String(num());
        else if (type === 'ids') value = ids();
        else if (type === 'b') value = num() === 1 ? 'true' : 'false';
        else if (Array.isArray(type)) value = stringOrNothing(type[num()]);
        else {
          const index = num();
          value = index >= 0 ? stringOrNothing(strings[index]) : undefined;
        }
        // JSON.stringify leaves out a property whose value is undefined.
        if (value !== undefined) json += (keys[f] as string) + value;
      }
      json += '}';
    }
    json += `],"after":{"inputs":${ids()},"outputs":${ids()},"queues":[`;
    for (let left = num(), first = true; left > 0; left--, first = false)
      json += `${first ? '' : ','}[${num()},${num()},${num()}]`;
    yield { json: json + ']}}', n };
  }
}

const stringOrNothing = (value: string | undefined): string | undefined =>
  value === undefined ? undefined : JSON.stringify(value);
