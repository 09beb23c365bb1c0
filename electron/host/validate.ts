import type { z } from 'zod';

/** Zod issues as one readable sentence list: "port: Port must be at most 65535." */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message,
    )
    .join(' ');
}
