import { optionsSchema } from '../../shared/contract';
import type { EngineOptions } from '../../shared/engine';
import { fail, ok, type Result } from '../../shared/result';

/** `current` with `patch` applied, if each value is in range and the caps fit together. */
export function mergeOptions(current: EngineOptions, patch: Partial<EngineOptions>): Result<EngineOptions> {
  const parsed = optionsSchema.partial().safeParse(patch);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return fail('BAD_ARGUMENT', `Invalid options: ${issues}`);
  }
  const next = { ...current, ...parsed.data };
  // A cap smaller than one recv would stop reading for good.
  if (next.queueCap < next.recvSize) {
    return fail(
      'BAD_ARGUMENT',
      `The queue cap (${next.queueCap} B) must hold at least one recv (${next.recvSize} B).`,
    );
  }
  if (next.totalQueueCap < next.queueCap) {
    return fail(
      'BAD_ARGUMENT',
      `The total queue cap (${next.totalQueueCap} B) must be at least the per-connection cap (${next.queueCap} B).`,
    );
  }
  return ok(next);
}
