/**
 * The standard end-to-end life cycle of one resource with the real terraform, shared by the
 * resource test files: create → server matches → empty plan → in-place update → import gives
 * the same state → out-of-band change is a diff → out-of-band delete is re-created → destroy.
 * Each step is its own test, run in order inside the caller's describe block.
 */
import type { ApiSession } from './api';
import type { TerraformWorkspace } from './terraform';

export interface LifecycleSpec {
  /** e.g. `iredadmin_user.jane` */
  address: string;
  importId: string;
  /** Configuration creating the object (plus whatever it needs, e.g. its domain). */
  create: string;
  /** The same with some attributes changed in place. */
  update: string;
  /** Asserts the server holds the object as `create` (or `update`) says. */
  checkServer(api: ApiSession, stage: 'created' | 'updated'): Promise<void>;
  /** Changes the object behind terraform's back; the next plan must show `expectInPlan` (every pattern). */
  changeOutOfBand(api: ApiSession): Promise<void>;
  expectInPlan: RegExp | RegExp[];
  deleteOutOfBand(api: ApiSession): Promise<void>;
  /** Asserts the object is gone from the server. */
  checkGone(api: ApiSession): Promise<void>;
  /** State attributes that may legitimately differ after import (e.g. write-only versions, destroy-time options). */
  importIgnores?: string[];
}

export function describeLifecycle(
  spec: LifecycleSpec,
  context: () => { tf: TerraformWorkspace; api: ApiSession; newWorkspace(): TerraformWorkspace },
): void {
  const plan = async (tf: TerraformWorkspace) => tf.plan();

  test('create: the server holds what the configuration says', async () => {
    const { tf, api } = context();
    tf.write(spec.create);
    await tf.init();
    const applied = await tf.apply();
    expect(applied.stdout).toMatch(/Apply complete! Resources: \d+ added, 0 changed, 0 destroyed\./);
    await spec.checkServer(api, 'created');
  });

  test('a second plan has no changes', async () => {
    const r = await plan(context().tf);
    expect(r.stdout).toContain('No changes.');
    expect(r.code).toBe(0);
  });

  test('update in place', async () => {
    const { tf, api } = context();
    tf.write(spec.update);
    const r = await plan(tf);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${spec.address} will be updated in-place`);
    expect(r.stdout).not.toContain('must be replaced');
    await tf.apply();
    await spec.checkServer(api, 'updated');
    expect((await plan(tf)).code).toBe(0);
  });

  test('import gives the same state and an empty plan', async () => {
    const { tf, newWorkspace } = context();
    const before = (await tf.state())[spec.address]!;
    const other = newWorkspace();
    try {
      // Everything but the imported object, so import has something to attach to.
      other.write(spec.update);
      await other.init();
      const removed = await other.run(['state', 'list', '-no-color']);
      expect(removed.stdout).toBe('');
      const imported = await other.ok('import', '-input=false', spec.address, spec.importId);
      expect(imported.stdout).toContain('Import successful!');
      const after = (await other.state())[spec.address]!;
      const strip = (v: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(v).filter(([k]) => !(spec.importIgnores ?? []).includes(k)));
      expect(strip(after)).toEqual(strip(before));
    } finally {
      other.remove();
    }
  });

  test('an out-of-band change shows as a diff', async () => {
    const { tf, api } = context();
    await spec.changeOutOfBand(api);
    const r = await plan(tf);
    expect(r.code).toBe(2);
    for (const pattern of [spec.expectInPlan].flat()) expect(r.stdout).toMatch(pattern);
    await tf.apply();
    await spec.checkServer(api, 'updated');
  });

  test('an out-of-band delete is planned for re-creation', async () => {
    const { tf, api } = context();
    await spec.deleteOutOfBand(api);
    const r = await plan(tf);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${spec.address} will be created`);
    await tf.apply();
    await spec.checkServer(api, 'updated');
  });

  test('destroy removes it', async () => {
    const { tf, api } = context();
    const r = await tf.destroy();
    expect(r.stdout).toMatch(/Destroy complete! Resources: \d+ destroyed\./);
    await spec.checkGone(api);
  });
}
