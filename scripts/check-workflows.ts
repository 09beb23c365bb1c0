/**
 * `tsx scripts/check-workflows.ts [file…]`: checks GitHub Actions workflows with GitHub's own
 * parser and schema (@actions/workflow-parser, the one behind the Actions language server).
 * Prints `{ "<file>": ["error", …] }` as JSON; exits 1 if any file has errors. Runs under tsx
 * (the parser imports its schema JSON without an import attribute, which plain Node refuses).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from '@actions/workflow-parser';

/** Everything GitHub's parser finds wrong with one workflow file's text (empty when valid). */
async function workflowErrors(name: string, content: string): Promise<string[]> {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((error) => error.message);
  if (errors.length > 0) return errors;
  if (!result.value) return [`${name}: nothing parsed`];
  const template = await convertWorkflowTemplate(result.context, result.value);
  return (template.errors ?? []).map((error) => error.Message);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = join(import.meta.dirname, '..', '.github', 'workflows');
  const files = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(dir).map((f) => join(dir, f));
  const report: Record<string, string[]> = {};
  for (const file of files)
    report[basename(file)] = await workflowErrors(basename(file), readFileSync(file, 'utf8'));
  console.log(JSON.stringify(report));
  process.exit(Object.values(report).some((errors) => errors.length > 0) ? 1 : 0);
}
