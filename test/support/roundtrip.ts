/**
 * The generated round-trip suite: driven by a resource's attribute definitions and the samples
 * declared next to them. Per resource type ONE configuration holds one instance per configurable
 * attribute (each varies that attribute; the required ones and companions a sample needs are set
 * too), so every step is one terraform command for all attributes: create → empty re-plan →
 * change (in place, replacement or the plan-time error the definition declares) → empty re-plan →
 * remove (kept, cleared or default, as the definition says) → empty re-plan → import compared
 * with the applied state.
 */
import type { IRedAdminClient } from '../../src/client';
import {
  isComputed, type AnyAttribute, type AttributeKind, type KindValue, type Sample, type SampleContext, type SomeResource,
} from '../../src/provider/framework';
import type { ApiSession } from './api';
import type { TerraformWorkspace } from './terraform';

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

/** Attributes a configuration may set. */
export function configurableAttributes(resource: SomeResource<IRedAdminClient>): string[] {
  return Object.entries(resource.attributes).filter(([, spec]) => spec.required || spec.optional).map(([name]) => name);
}

const resolve = (sample: Sample<AttributeKind>, context: SampleContext): Value =>
  typeof sample === 'function' ? sample(context) : sample;

function samplesOf(spec: AnyAttribute<never>): readonly [Sample<AttributeKind>, Sample<AttributeKind>] | undefined {
  return (spec.samples as readonly [Sample<AttributeKind>, Sample<AttributeKind>] | undefined) ?? (spec.kind === 'bool' ? [true, false] : undefined);
}

/** Configurable attributes without samples: the suite fails naming them. */
export function attributesWithoutSamples(resource: SomeResource<IRedAdminClient>): string[] {
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
      return [{ attribute, spec, address: `${this.type}.${attribute}`, context, samples: [resolve(samples[0], context), resolve(samples[1], context)] as const }];
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
    for (const [name, spec] of Object.entries(resource.attributes)) if (spec.required && name !== instance.attribute) values[name] = firstSample(name);
    const companions = (value: Value | undefined): Record<string, Value> => {
      if (value === undefined || !instance.spec.sampleWith) return {};
      const extra = (instance.spec.sampleWith as (v: Value, c: SampleContext) => Record<string, Sample<AttributeKind>>)(value, instance.context);
      return Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, resolve(v, instance.context)]));
    };
    // Groups of which a new object needs one member: filled from what the first stage sets, and kept.
    const first = { ...companions(instance.samples[0]), [instance.attribute]: instance.samples[0] };
    for (const group of resource.requiredOnCreate ?? []) {
      if (!group.some((name) => name in first)) values[group[0]!] = firstSample(group[0]!);
    }
    const value = changeFixed && instance.spec.fixedAfterCreate ? instance.samples[1] : this.valueAt(instance, stage);
    // On removal, companions that are required (e.g. the `global` target a sample needs) stay; optional ones go too.
    const kept = stage === 'removed' ? Object.entries(companions(instance.samples[1])).filter(([name]) => resource.attributes[name]?.required) : [];
    Object.assign(values, Object.fromEntries(kept), companions(value));
    if (value !== undefined) values[instance.attribute] = value;
    return values;
  }

  config(stage: Stage, options: { changeFixed?: boolean; imports?: Record<string, string> } = {}): string {
    return this.instances.map((instance) => {
      const body = Object.entries(this.valuesOf(instance, stage, options.changeFixed)).map(([k, v]) => `  ${k} = ${hcl(v)}`).join('\n');
      const name = instance.address.split('.')[1];
      const importId = options.imports?.[instance.address];
      const importBlock = importId === undefined ? '' : `import {\n  to = ${instance.address}\n  id = ${hcl(importId)}\n}\n`;
      return `${importBlock}resource "${this.type}" "${name}" {\n${body}\n}\n`;
    }).join('\n');
  }

  /** What the plan does to each instance when its attribute goes from `stage`'s predecessor to `stage`. */
  expectedAction(instance: Instance, stage: 'second' | 'removed'): Action {
    const { spec } = instance;
    if (spec.writeOnly) return 'no-op';
    if (stage === 'second') {
      if (spec.fixedAfterCreate) return 'no-op';
      const replace = spec.requiresReplace;
      if (replace === true) return 'replace';
      if (replace && (replace.when as (a: Value, b: Value) => boolean)(instance.samples[0], instance.samples[1])) return 'replace';
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
    const normalize = (v: Value): unknown => comparable(spec.normalize ? (spec.normalize as (x: Value) => Value)(v) : v);
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
export async function planChanges(tf: TerraformWorkspace): Promise<Record<string, PlannedChange['change']>> {
  const planned = await tf.run(['plan', '-input=false', '-no-color', '-out=roundtrip.plan']);
  if (planned.code !== 0) throw new Error(`terraform plan exited ${planned.code}\n${planned.stdout}\n${planned.stderr}`);
  const shown = await tf.ok('show', '-json', 'roundtrip.plan');
  const doc = JSON.parse(shown.stdout) as { resource_changes?: PlannedChange[] };
  return Object.fromEntries((doc.resource_changes ?? []).map((c) => [c.address, c.change]));
}

export function actionOf(actions: readonly string[]): Action | string {
  const key = [...actions].sort().join(',');
  if (key === 'no-op') return 'no-op';
  if (key === 'update') return 'update';
  if (key === 'create') return 'create';
  if (key === 'create,delete') return 'replace';
  return key;
}
