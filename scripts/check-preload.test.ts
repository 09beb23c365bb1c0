// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { preloadProblems } from './check-preload';

describe('preloadProblems', () => {
  it('accepts a CommonJS file that requires only electron', () => {
    expect(preloadProblems('let electron = require("electron");\nconst x = 1;')).toEqual([]);
  });
  it('flags local chunks, node modules and ESM', () => {
    expect(preloadProblems('require("electron"); require("./chunks/zod-1.js"); require(\'zod\');')).toEqual([
      'requires "./chunks/zod-1.js"',
      'requires "zod"',
    ]);
    expect(preloadProblems('import { x } from "electron";\nrequire("electron")')).toHaveLength(1);
  });
});
