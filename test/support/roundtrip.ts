/**
 * The generated round-trip suite: driven by a resource's attribute definitions and the samples
 * declared next to them. Per resource type ONE configuration holds one instance per configurable
 * attribute (each varies that attribute; the required ones and companions a sample needs are set
 * too), so every step is one terraform command for all attributes: create → empty re-plan →
 * change (in place, replacement or the plan-time error the definition declares) → empty re-plan →
 * remove (kept, cleared or default, as the definition says) → empty re-plan → import compared
 * with the applied state.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IRedAdminClient } from '../../src/client';
import {
  isComputed,
  type AnyAttribute,
  type AttributeKind,
  type KindValue,
  type Sample,
  type SampleContext,
  type SomeResource,
} from '../../src/provider/framework';
import { schemaFor } from '../../src/provider/framework/schema';
import { RESOURCES } from '../../src/provider/resources';
import type { ApiSession } from './api';
import { startProductProxy, type ProductProxy } from './product-proxy';
import { startProviderE2E, type ProviderE2E } from './provider-e2e';
import type { TerraformWorkspace } from './terraform';
import type { Backend } from './test-server';

export interface RoundTripFixture {
  readonly resource: SomeResource<IRedAdminClient>;
  /** The context of the instance that varies the attribute `key` (e.g. its domain). */
  context(key: string): SampleContext;
  /** Creates on the server what the instances need and do not manage (e.g. their domain). */
  prepare?(api: ApiSession, contexts: readonly SampleContext[]): Promise<void>;
}

type Stage = 'first' | 'second' | 'removed';
type Action = 'no-op' | 'update' | 'replace' | 'create';
type Value = KindValue<AttributeKind>;

interface Instance {
  readonly attribute: string;
  readonly spec: AnyAttribute<never>;
  readonly address: string;
  readonly context: SampleContext;
  readonly samples: readonly [Value, Value];
}

/** Attributes a configuration may set, as the provider's schema (what terraform sees) says. */
export function configurableAttributes(resource: SomeResource<IRedAdminClient>): string[] {
  const schema = schemaFor(resource.description, resource.attributes).block.attributes ?? {};
  return Object.entries(schema)
    .filter(([, attribute]) => attribute.required || attribute.optional)
    .map(([name]) => name);
}

const resolve = (sample: Sample<AttributeKind>, context: SampleContext): Value =>
  typeof sample === 'function' ? sample(context) : sample;

function samplesOf(spec: AnyAttribute<never>): readonly [Sample<AttributeKind>, Sample<AttributeKind>] | undefined {
  return (
    (spec.samples as readonly [Sample<AttributeKind>, Sample<AttributeKind>] | undefined) ??
    (spec.kind === 'bool' ? [true, false] : undefined)
  );
}

/** Configurable attributes without samples: the suite fails naming them. */
function attributesWithoutSamples(resource: SomeResource<IRedAdminClient>): string[] {
  return configurableAttributes(resource).filter((name) => !samplesOf(resource.attributes[name]!));
}

/** A value as terraform shows it in state: sets sorted, so order does not matter. */
const comparable = (value: unknown): unknown => (Array.isArray(value) ? [...(value as string[])].sort() : value);

function hcl(value: unknown): string {
  return JSON.stringify(value);
}

export class RoundTrip {
  readonly instances: Instance[];
  private readonly type: string;

  constructor(readonly fixture: RoundTripFixture) {
    const { resource } = fixture;
    this.type = resource.typeName;
    this.instances = configurableAttributes(resource).flatMap((attribute) => {
      const spec = resource.attributes[attribute]!;
      const samples = samplesOf(spec);
      if (!samples) return [];
      const context = fixture.context(attribute.replace(/_/g, '-'));
      return [
        {
          attribute,
          spec,
          address: `${this.type}.${attribute}`,
          context,
          samples: [resolve(samples[0], context), resolve(samples[1], context)] as const,
        },
      ];
    });
  }

  /** The fixed-after-create attributes: their change is a plan-time error, not an apply. */
  get fixed(): Instance[] {
    return this.instances.filter((i) => i.spec.fixedAfterCreate);
  }

  private valueAt(instance: Instance, stage: Stage): Value | undefined {
    if (stage === 'removed') return instance.spec.required ? instance.samples[1] : undefined;
    if (stage === 'second' && instance.spec.fixedAfterCreate) return instance.samples[0];
    return instance.samples[stage === 'first' ? 0 : 1];
  }

  /** The attributes one instance sets at a stage. */
  valuesOf(instance: Instance, stage: Stage, changeFixed = false): Record<string, Value> {
    const { resource } = this.fixture;
    const values: Record<string, Value> = {};
    const firstSample = (name: string): Value => {
      const samples = samplesOf(resource.attributes[name]!);
      if (!samples) throw new Error(`${this.type}.${name} has no samples`);
      return resolve(samples[0], instance.context);
    };
    for (const [name, spec] of Object.entries(resource.attributes))
      if (spec.required && name !== instance.attribute) values[name] = firstSample(name);
    const companions = (value: Value | undefined): Record<string, Value> => {
      if (value === undefined || !instance.spec.sampleWith) return {};
      const extra = (instance.spec.sampleWith as (v: Value, c: SampleContext) => Record<string, Sample<AttributeKind>>)(
        value,
        instance.context,
      );
      return Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, resolve(v, instance.context)]));
    };
    // Groups of which a new object needs one member: filled from what the first stage sets, and kept.
    const first = { ...companions(instance.samples[0]), [instance.attribute]: instance.samples[0] };
    for (const group of resource.requiredOnCreate ?? []) {
      if (!group.some((name) => name in first)) values[group[0]!] = firstSample(group[0]!);
    }
    const value = changeFixed && instance.spec.fixedAfterCreate ? instance.samples[1] : this.valueAt(instance, stage);
    // On removal, companions that are required (e.g. the `global` target a sample needs) stay; optional ones go too.
    const kept =
      stage === 'removed'
        ? Object.entries(companions(instance.samples[1])).filter(([name]) => resource.attributes[name]?.required)
        : [];
    Object.assign(values, Object.fromEntries(kept), companions(value));
    if (value !== undefined) values[instance.attribute] = value;
    return values;
  }

  config(stage: Stage, options: { changeFixed?: boolean; imports?: Record<string, string> } = {}): string {
    return this.instances
      .map((instance) => {
        const body = Object.entries(this.valuesOf(instance, stage, options.changeFixed))
          .map(([k, v]) => `  ${k} = ${hcl(v)}`)
          .join('\n');
        const name = instance.address.split('.')[1];
        const importId = options.imports?.[instance.address];
        const importBlock =
          importId === undefined ? '' : `import {\n  to = ${instance.address}\n  id = ${hcl(importId)}\n}\n`;
        return `${importBlock}resource "${this.type}" "${name}" {\n${body}\n}\n`;
      })
      .join('\n');
  }

  /** What the plan does to each instance when its attribute goes from `stage`'s predecessor to `stage`. */
  expectedAction(instance: Instance, stage: 'second' | 'removed'): Action {
    const { spec } = instance;
    if (spec.writeOnly) return 'no-op';
    if (stage === 'second') {
      if (spec.fixedAfterCreate) return 'no-op';
      const replace = spec.requiresReplace;
      if (replace === true) return 'replace';
      if (replace && (replace.when as (a: Value, b: Value) => boolean)(instance.samples[0], instance.samples[1]))
        return 'replace';
      return 'update';
    }
    // A default applies when the attribute is left out; otherwise a computed one keeps the server's value.
    if (spec.required || (spec.default === undefined && isComputed(spec))) return 'no-op';
    const cleared = spec.default ?? null;
    if (comparable(cleared) === comparable(instance.samples[1])) return 'no-op';
    return spec.requiresReplace === true ? 'replace' : 'update';
  }

  /** The attribute's value in state after `stage` was applied. */
  expectedState(instance: Instance, stage: Stage): unknown {
    const { spec } = instance;
    if (spec.writeOnly) return null;
    const normalize = (v: Value): unknown =>
      comparable(spec.normalize ? (spec.normalize as (x: Value) => Value)(v) : v);
    if (stage === 'removed' && !spec.required) {
      if (spec.default !== undefined) return normalize(spec.default as Value);
      return isComputed(spec) ? normalize(this.valueAt(instance, 'second')!) : null;
    }
    return normalize(this.valueAt(instance, stage)!);
  }
}

interface PlannedChange {
  address: string;
  change: { actions: string[]; before: Record<string, unknown> | null; importing?: { id: string } };
}

/** `plan -out` then `show -json`: each resource's planned actions (and, on import, the imported object). */
async function planChanges(tf: TerraformWorkspace): Promise<Record<string, PlannedChange['change']>> {
  const planned = await tf.run(['plan', '-input=false', '-no-color', '-out=roundtrip.plan']);
  if (planned.code !== 0)
    throw new Error(`terraform plan exited ${planned.code}\n${planned.stdout}\n${planned.stderr}`);
  const shown = await tf.ok('show', '-json', 'roundtrip.plan');
  const doc = JSON.parse(shown.stdout) as { resource_changes?: PlannedChange[] };
  return Object.fromEntries((doc.resource_changes ?? []).map((c) => [c.address, c.change]));
}

function actionOf(actions: readonly string[]): Action | string {
  const key = [...actions].sort().join(',');
  if (key === 'no-op') return 'no-op';
  if (key === 'update') return 'update';
  if (key === 'create') return 'create';
  if (key === 'create,delete') return 'replace';
  return key;
}

/** Each instance gets its own domains and users, so instances never share an object (a policy of one target, say). */
const contextFor =
  (type: string) =>
  (key: string): SampleContext => {
    const domain = `${key}.${type.replace(/^iredadmin_/, '').replace(/_/g, '-')}.roundtrip.test`;
    return { key, domain, otherDomain: `other-${domain}`, user: `user1@${domain}`, otherUser: `user2@${domain}` };
  };

async function createAccounts(api: ApiSession, contexts: readonly SampleContext[]): Promise<void> {
  for (const c of contexts) {
    await api.ok('POST', `/api/domain/${c.domain}`);
    await api.ok('POST', `/api/domain/${c.otherDomain}`);
    for (const user of [c.user, c.otherUser])
      await api.ok('POST', `/api/user/${user}`, { password: 'Round-Trip-Account-1' });
  }
}

/** Every resource of the provider; only iredadmin_domain creates its own domains. */
export const ROUND_TRIP_FIXTURES: readonly RoundTripFixture[] = RESOURCES.map((resource) => ({
  resource,
  context: contextFor(resource.typeName),
  prepare: resource.typeName === 'iredadmin_domain' ? undefined : createAccounts,
}));

/**
 * Where a round-trip runs: our server on a backend, optionally behind the real-product proxy
 * (test/support/product-proxy.ts).
 */
export interface RoundTripTarget {
  readonly backend: Backend;
  readonly viaProductProxy?: boolean;
}

/** The generated life cycle of every attribute of one resource, as tests in order (call inside a describe block). */
export function describeRoundTrip(fixture: RoundTripFixture, target: RoundTripTarget): void {
  const roundTrip = new RoundTrip(fixture);
  let e2e: ProviderE2E;
  let proxy: ProductProxy | undefined;
  let tf: TerraformWorkspace;
  let applied: Record<string, Record<string, unknown>> = {};
  /** A workspace whose provider talks to our server, or to the product-like proxy in front of it. */
  const workspace = (): TerraformWorkspace => e2e.workspace(proxy ? { IREDADMIN_URL: proxy.url } : {});

  beforeAll(async () => {
    e2e = await startProviderE2E(target.backend);
    if (target.viaProductProxy) proxy = await startProductProxy(e2e.server.url);
    tf = workspace();
    await fixture.prepare?.(
      e2e.api,
      roundTrip.instances.map((i) => i.context),
    );
  });
  afterAll(async () => {
    await proxy?.close();
    await e2e?.close();
  });

  /** Every instance whose state disagrees with what the definition says `stage` leaves. */
  const stateMismatches = async (stage: 'first' | 'second' | 'removed') => {
    applied = await tf.state();
    return roundTrip.instances.flatMap((i) => {
      const actual = applied[i.address]?.[i.attribute];
      const expected = roundTrip.expectedState(i, stage);
      const same =
        JSON.stringify(Array.isArray(actual) ? [...(actual as string[])].sort() : (actual ?? null)) ===
        JSON.stringify(expected);
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
    console.log(
      `${fixture.resource.typeName}: round-trip covers ${roundTrip.instances.length} of ${configurable.length} configurable attributes`,
    );
    expect(roundTrip.instances.map((i) => i.attribute)).toEqual(configurable);
  });

  test('the docs say which attributes cannot change in place: replaced, or fixed after creation', () => {
    const docs = readFileSync(
      join(__dirname, '../../docs/resources', `${fixture.resource.typeName.replace(/^iredadmin_/, '')}.md`),
      'utf8',
    );
    const missing = roundTrip.instances.flatMap((i) => {
      const line = docs.split('\n').find((l) => l.startsWith(`- \`${i.attribute}\` (`)) ?? '';
      const replace = i.spec.requiresReplace;
      const says = [
        ...(i.spec.fixedAfterCreate ? [i.spec.fixedAfterCreate] : []),
        ...(replace === true ? ['Changing it replaces the object.'] : replace ? [replace.note] : []),
      ];
      return says.filter((text) => !line.includes(text)).map((text) => `${i.attribute}: "${text}"`);
    });
    expect(missing).toEqual([]);
  });

  test('create with the first samples; the state holds them; re-plan is empty', async () => {
    tf.write(roundTrip.config('first'));
    await tf.init();
    await tf.apply();
    expect(await stateMismatches('first')).toEqual([]);
    await expectEmptyPlan();
  });

  // Only for resources that have such attributes: a test without them could not fail.
  if (roundTrip.fixed.length)
    test('changing an attribute fixed after creation is a plan-time error on it', async () => {
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
    const other = workspace();
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
      return Object.entries(applied[i.address]!)
        .filter(([name]) => readable(name))
        .flatMap(([name, value]) => {
          const got = imported.before?.[name];
          const norm = (v: unknown) => JSON.stringify(Array.isArray(v) ? [...(v as string[])].sort() : (v ?? null));
          return norm(got) === norm(value)
            ? []
            : [`${i.address}.${name}: imported ${JSON.stringify(got)}, applied ${JSON.stringify(value)}`];
        });
    });
    expect(mismatches).toEqual([]);
  });

  if (target.viaProductProxy)
    test('the provider sent no parameter the product ignores', () => {
      expect(proxy!.ignored).toEqual([]);
    });
}
