// @vitest-environment node
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineSwitch } from '../host/engine-switch';
import { LabHost } from '../host/lab-host';
import { SelectServer } from '../lab/select-server';
import { alive, waitUntil } from '../lab/testing';
import { ProgramSwitcher } from './program-switcher';
import { python3 } from './testing';

const hosts: LabHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.dispose();
});

describe.skipIf(python3() === null)('Run the original, when the shell closes', () => {
  it('ends the seed and removes the file it was written to', async () => {
    const engines = new EngineSwitch(new SelectServer());
    const host = new LabHost(engines, undefined, { programs: new ProgramSwitcher(engines) });
    hosts.push(host);
    const watched = await host.command('watchProgram', { program: 'original' });
    expect(watched).toEqual({ ok: true, value: null });
    await waitUntil(() => engines.snapshot().server.state === 'listening', 'the seed to listen');
    const program = engines.snapshot().program;
    const file = program?.file?.path ?? '';
    const pid = program?.pid ?? 0;
    expect(existsSync(file)).toBe(true);
    expect(alive(pid)).toBe(true);

    await host.dispose();

    expect(existsSync(file)).toBe(false);
    await waitUntil(() => !alive(pid), 'the seed to end');
  }, 20_000);
});
