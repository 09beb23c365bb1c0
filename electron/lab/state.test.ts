// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { connect, startEngine, waitFor } from './testing';

describe('SelectServer.state', () => {
  it("is the snapshot without connections, and its lists stay the same frozen object until they change (the host's poll relies on it)", async () => {
    const { server, port } = await startEngine();
    await connect(port);
    await waitFor(server, () => server.state().inputs.length === 2, 'the client accepted');
    const first = server.state();
    const { connections, ...rest } = server.snapshot();
    expect(connections).toHaveLength(1);
    expect(rest).toEqual(first);
    expect(server.state().inputs).toBe(first.inputs);
    expect(Object.isFrozen(first.inputs)).toBe(true);

    await connect(port);
    await waitFor(server, () => server.state().inputs.length === 3, 'the second client accepted');
    expect(server.state().inputs).not.toBe(first.inputs);
    expect(first.inputs).toEqual([0, 1]);
  });
});
