/**
 * Every configurable attribute of every resource round-trips with the real terraform: the suite
 * is generated from the resource definitions and their samples (test/support/roundtrip.ts).
 */
import type { SampleContext } from '../../src/provider/framework';
import { RESOURCES } from '../../src/provider/resources';
import type { ApiSession } from '../support/api';
import { startProviderE2E, type ProviderE2E } from '../support/provider-e2e';
import {
  actionOf, attributesWithoutSamples, configurableAttributes, planChanges, RoundTrip, type RoundTripFixture,
} from '../support/roundtrip';
import type { TerraformWorkspace } from '../support/terraform';
import type { Backend } from '../support/test-server';

/** Each instance gets its own domains and users, so instances never share an object (a policy of one target, say). */
const contextFor = (type: string) => (key: string): SampleContext => {
  const domain = `${key}.${type.replace(/^iredadmin_/, '').replace(/_/g, '-')}.roundtrip.test`;
  return { key, domain, otherDomain: `other-${domain}`, user: `user1@${domain}`, otherUser: `user2@${domain}` };
};

async function createAccounts(api: ApiSession, contexts: readonly SampleContext[]): Promise<void> {
  for (const c of contexts) {
    await api.ok('POST', `/api/domain/${c.domain}`);
    await api.ok('POST', `/api/domain/${c.otherDomain}`);
    for (const user of [c.user, c.otherUser]) await api.ok('POST', `/api/user/${user}`, { password: 'Round-Trip-Account-1' });
  }
}

/** Every resource of the provider; only iredadmin_domain creates its own domains. */
const FIXTURES: readonly RoundTripFixture[] = RESOURCES.map((resource) => ({
  resource,
  context: contextFor(resource.typeName),
  prepare: resource.typeName === 'iredadmin_domain' ? undefined : createAccounts,
}));

/** Backends each resource runs on: PGlite for all, PostgreSQL too for domain and user. */
const POSTGRES_TOO = new Set(['iredadmin_domain', 'iredadmin_user']);
const CASES: [string, Backend, RoundTripFixture][] = FIXTURES.flatMap((fixture) => [
  [fixture.resource.typeName, 'pglite' as Backend, fixture] as [string, Backend, RoundTripFixture],
  ...(POSTGRES_TOO.has(fixture.resource.typeName) ? [[fixture.resource.typeName, 'postgres' as Backend, fixture] as [string, Backend, RoundTripFixture]] : []),
]);

describe.each(CASES)('%s round-trips every attribute on %s', (_type, backend, fixture) => {
  const roundTrip = new RoundTrip(fixture);
  let e2e: ProviderE2E;
  let tf: TerraformWorkspace;
  let applied: Record<string, Record<string, unknown>> = {};

  beforeAll(async () => {
    e2e = await startProviderE2E(backend);
    tf = e2e.workspace();
    await fixture.prepare?.(e2e.api, roundTrip.instances.map((i) => i.context));
  });
  afterAll(async () => {
    await e2e?.close();
  });

  /** Every instance whose state disagrees with what the definition says `stage` leaves. */
  const stateMismatches = async (stage: 'first' | 'second' | 'removed') => {
    applied = await tf.state();
    return roundTrip.instances.flatMap((i) => {
      const actual = applied[i.address]?.[i.attribute];
      const expected = roundTrip.expectedState(i, stage);
      const same = JSON.stringify(Array.isArray(actual) ? [...(actual as string[])].sort() : actual ?? null) === JSON.stringify(expected);
      return same ? [] : [`${i.address}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`];
    });
  };
  const actionMismatches = async (stage: 'second' | 'removed') => {
    const changes = await planChanges(tf);
    return roundTrip.instances.flatMap((i) => {
      const action = actionOf(changes[i.address]?.actions ?? []);
      const expected = roundTrip.expectedAction(i, stage);
      return action === expected ? [] : [`${i.address}: plan ${action}, expected ${expected}`];
    });
  };
  const expectEmptyPlan = async () => {
    const r = await tf.plan();
    expect(r.stdout + r.stderr).toContain('No changes.');
    expect(r.code).toBe(0);
  };

  test('every configurable attribute has samples and an instance', () => {
    const configurable = configurableAttributes(fixture.resource);
    expect(attributesWithoutSamples(fixture.resource)).toEqual([]);
    console.log(`${fixture.resource.typeName}: round-trip covers ${roundTrip.instances.length} of ${configurable.length} configurable attributes`);
    expect(roundTrip.instances.map((i) => i.attribute)).toEqual(configurable);
  });

  test('create with the first samples; the state holds them; re-plan is empty', async () => {
    tf.write(roundTrip.config('first'));
    await tf.init();
    await tf.apply();
    expect(await stateMismatches('first')).toEqual([]);
    await expectEmptyPlan();
  });

  // Only for resources that have such attributes: a test without them could not fail.
  if (roundTrip.fixed.length) test('changing an attribute fixed after creation is a plan-time error on it', async () => {
    tf.write(roundTrip.config('first', { changeFixed: true }));
    const r = await tf.plan();
    expect(r.code).toBe(1);
    for (const i of roundTrip.fixed) {
      expect(r.stderr).toContain(`with ${i.address},`);
      expect(r.stderr).toContain(`${i.attribute} =`);
    }
  });

  test('change to the second samples: in place or replaced as declared; re-plan is empty', async () => {
    tf.write(roundTrip.config('second'));
    expect(await actionMismatches('second')).toEqual([]);
    await tf.apply();
    expect(await stateMismatches('second')).toEqual([]);
    await expectEmptyPlan();
  });

  test('remove each attribute: kept (computed), cleared or default as declared; re-plan is empty', async () => {
    tf.write(roundTrip.config('removed'));
    expect(await actionMismatches('removed')).toEqual([]);
    await tf.apply();
    expect(await stateMismatches('removed')).toEqual([]);
    await expectEmptyPlan();
  });

  test('import gives the applied state for every attribute the API reads back', async () => {
    const other = e2e.workspace();
    const ids = Object.fromEntries(roundTrip.instances.map((i) => [i.address, String(applied[i.address]!.id)]));
    other.write(roundTrip.config('removed', { imports: ids }));
    await other.init();
    const changes = await planChanges(other);
    const readable = (name: string) => {
      const spec = fixture.resource.attributes[name];
      return !spec || (!!spec.read && !spec.writeOnly);
    };
    const mismatches = roundTrip.instances.flatMap((i) => {
      const imported = changes[i.address];
      if (!imported?.importing) return [`${i.address}: not imported`];
      return Object.entries(applied[i.address]!).filter(([name]) => readable(name)).flatMap(([name, value]) => {
        const got = imported.before?.[name];
        const norm = (v: unknown) => JSON.stringify(Array.isArray(v) ? [...(v as string[])].sort() : v ?? null);
        return norm(got) === norm(value) ? [] : [`${i.address}.${name}: imported ${JSON.stringify(got)}, applied ${JSON.stringify(value)}`];
      });
    });
    expect(mismatches).toEqual([]);
  });
});
