/** The shapes of a resource's writes, shared so each resource states only its API calls. */

export interface CreateThenUpdateSteps {
  /** POST with the parameters it takes. */
  create(params: Record<string, unknown>): Promise<unknown>;
  /** PUT with the rest; called only when there is a rest. */
  update(params: Record<string, unknown>): Promise<unknown>;
  /** Deletes what `create` made. */
  remove(): Promise<unknown>;
}

/**
 * "Create with what POST takes, then PUT the rest" — for every resource whose create endpoint
 * takes fewer parameters than its update. Creates with the `createKeys` part of `params`, then
 * updates with the rest. If the update fails, deletes what was created and rethrows the update's
 * error: a half-made object would disagree with the (empty) state and block the next apply with
 * ALREADY_EXISTS.
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

/** Keys of `params` that `keys` lists, and the rest. */
function splitParams(
  params: Record<string, unknown>,
  keys: readonly string[],
): [Record<string, unknown>, Record<string, unknown>] {
  const picked: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) (keys.includes(k) ? picked : rest)[k] = v;
  return [picked, rest];
}

/** An update that sends only what changed: nothing changed, no call. */
export async function ifChanged(
  params: Record<string, unknown>,
  update: (params: Record<string, unknown>) => Promise<unknown>,
): Promise<void> {
  if (Object.keys(params).length) await update(params);
}

/**
 * For an object the API writes whole (a policy, a throttle, a set the resource owns): create and
 * update are the same call, from the planned values alone.
 */
export function writesWhole<Client, V>(
  write: (client: Client, values: V) => Promise<unknown>,
): { create(client: Client, values: V): Promise<void>; update(client: Client, values: V): Promise<void> } {
  const run = async (client: Client, values: V) => void (await write(client, values));
  return { create: run, update: run };
}
