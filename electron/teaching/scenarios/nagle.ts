import type { Measurement } from '../../../shared/scenarios';
import type { Stage } from '../stage';

/** Round trips timed with TCP_NODELAY off, then on (enough for a steady rate at either speed). */
const ROUND_TRIPS = { off: 20, on: 300 } as const;
const WARM_UP = 3;

/**
 * One echo client ping-pongs 16 KiB as fast as the echo comes back, in Run mode. The rate is
 * measured over a count of round trips (the condition), first with TCP_NODELAY off as in the
 * seed, then on; the client keeps going with it on.
 */
export async function nagle(stage: Stage): Promise<Measurement[]> {
  await stage.restart({ noDelay: false }, 'safe', 'run');
  await stage.spawn({ behaviour: 'echo', messageSize: 16 * 1024, intervalMs: 0 });
  const roundTrips = (): number => stage.fleet.summary().roundTrips ?? 0;
  const rate = async (count: number, what: string): Promise<number> => {
    const from = roundTrips();
    const started = performance.now();
    await stage.until(() => roundTrips() >= from + count, what, 60_000);
    const done = roundTrips() - from;
    return Math.round((done * 1000) / (performance.now() - started));
  };
  await stage.until(() => roundTrips() >= WARM_UP, 'The first round trips');
  const off = await rate(ROUND_TRIPS.off, `${ROUND_TRIPS.off} round trips with TCP_NODELAY off`);
  const set = stage.engine.setOptions({ noDelay: true });
  if (!set.ok) throw new Error(set.error.message);
  const on = await rate(ROUND_TRIPS.on, `${ROUND_TRIPS.on} round trips with TCP_NODELAY on`);
  return [
    { label: 'TCP_NODELAY off (the seed)', value: off, unit: 'round trips/s' },
    { label: 'TCP_NODELAY on', value: on, unit: 'round trips/s' },
  ];
}
