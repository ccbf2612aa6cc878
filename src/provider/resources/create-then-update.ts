/** "Create with what POST takes, then PUT the rest" — the shape of every resource whose create endpoint takes fewer parameters than its update. */
import { splitParams } from './set-toggles';

export interface CreateThenUpdateSteps {
  /** POST with the parameters it takes. */
  create(params: Record<string, unknown>): Promise<unknown>;
  /** PUT with the rest; called only when there is a rest. */
  update(params: Record<string, unknown>): Promise<unknown>;
  /** Deletes what `create` made. */
  remove(): Promise<unknown>;
}

/**
 * Creates with the `createKeys` part of `params`, then updates with the rest. If the update fails,
 * deletes what was created and rethrows the update's error: a half-made object would disagree with
 * the (empty) state and block the next apply with ALREADY_EXISTS.
 */
export async function createThenUpdate(
  params: Record<string, unknown>,
  createKeys: readonly string[],
  steps: CreateThenUpdateSteps,
): Promise<void> {
  const [createParams, rest] = splitParams(params, createKeys);
  await steps.create(createParams);
  if (!Object.keys(rest).length) return;
  try {
    await steps.update(rest);
  } catch (error) {
    // The update's error is the cause worth reporting; a failed cleanup must not hide it.
    await steps.remove().catch(() => undefined);
    throw error;
  }
}
