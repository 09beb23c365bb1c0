/**
 * electron-builder.yml, read and checked against electron-builder's own JSON schema (the
 * scheme.json app-builder-lib ships and validates with), for the tests and check-fuses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Configuration } from 'electron-builder';
import { parse } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The config file `npm run dist` passes to electron-builder. */
export const BUILDER_CONFIG_PATH = join(ROOT, 'electron-builder.yml');

/** electron-builder's schema, from the installed package (so an upgrade re-checks the config). */
function builderSchema(): object {
  const require = createRequire(import.meta.url);
  const builderDir = dirname(require.resolve('electron-builder/package.json'));
  const schemaPath = createRequire(join(builderDir, 'package.json')).resolve('app-builder-lib/scheme.json');
  return JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
}

let compiled: ValidateFunction | undefined;

/** Schema errors of `config`, as readable lines (empty when valid). */
export function schemaErrors(config: unknown): string[] {
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(builderSchema());
  const validate = compiled;
  if (validate(config)) return [];
  return (validate.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`,
  );
}

/** The parsed config file (not validated: call schemaErrors for that). */
export function loadBuilderConfig(path = BUILDER_CONFIG_PATH): Configuration {
  return parse(readFileSync(path, 'utf8')) as Configuration;
}
