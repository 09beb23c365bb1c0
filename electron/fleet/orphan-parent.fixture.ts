/**
 * Test fixture: a parent that launches a fleet, prints the fleet's pid and
 * waits to be killed. The orphan test kills it and checks the fleet goes too.
 */
import { FleetController } from './controller';
import { nodeLauncher } from './node-launcher';

const fleet = new FleetController(nodeLauncher());
const port = Number(process.argv[2]);
const spawned = await fleet.spawn(
  {
    count: 2,
    behaviour: 'idle',
    messageSize: 1,
    intervalMs: 0,
    connectRate: 100,
    lifetimeMs: 0,
    reconnect: false,
  },
  { host: '127.0.0.1', port },
);
console.log(spawned.ok ? `fleet ${fleet.pid()}` : `failed ${spawned.error.message}`);
setInterval(() => undefined, 1000);
