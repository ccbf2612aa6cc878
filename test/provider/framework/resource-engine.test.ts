/**
 * The generic resource life cycle, on a small resource whose "API" is an in-memory map:
 * plan (unknowns, defaults, equivalence, replace), apply (parameters from the mapping,
 * write-only values), read (drift), import, validation and state upgrade.
 */
import {
  decodeDynamicValue,
  encodeDynamicValue,
  isRecord,
  Unknown,
  type CtyValue,
  type RawDynamicValue,
} from '../../../src/provider/protocol';
import {
  attributesFor,
  defineResource,
  isComputed,
  ResourceEngine,
  type Values,
} from '../../../src/provider/framework';
import { schemaFor } from '../../../src/provider/framework/schema';

interface Item {
  name: string;
  size: number;
  tags: string[];
  mode: string;
  owner: string;
}
class FakeApi {
  items = new Map<string, Item>();
  calls: { op: string; params?: Record<string, unknown> }[] = [];
  failWith?: Error;
  /** Like a server that clamps a quota to a limit: stores at most this size. */
  maxSize?: number;
  /** Like a server that recomputes a value nobody configured. */
  ownerAfterUpdate?: string;
}
class CodedError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const a = attributesFor<Item>();
const attributes = {
  name: a.string({
    required: true,
    requiresReplace: true,
    normalize: (v) => v.toLowerCase(),
    read: (d) => d.name,
    description: 'Name.',
  }),
  size: a.number({
    optional: true,
    param: 'size',
    read: (d) => d.size,
    validators: [(v) => (v < 0 ? 'use a size ≥ 0' : undefined)],
    description: 'Size.',
    errorCodes: ['BAD_SIZE'],
  }),
  tags: a.stringSet({
    optional: true,
    write: (next, prev) => ({ addTags: (next ?? []).filter((t) => !(prev ?? []).includes(t)) }),
    read: (d) => d.tags,
    description: 'Tags.',
  }),
  mode: a.string({ optional: true, default: 'fast', param: 'mode', read: (d) => d.mode, description: 'Mode.' }),
  owner: a.string({ computed: true, read: (d) => d.owner, unknownWhenChanged: ['mode'], description: 'Owner.' }),
  secret: a.string({
    optional: true,
    writeOnly: true,
    sensitive: true,
    param: 'secret',
    sendWhenChanged: 'secret_version',
    description: 'Secret.',
  }),
  secret_version: a.number({ optional: true, description: 'Secret version.' }),
  note: a.string({ optional: true, description: 'Kept only in state.' }),
};
type V = Values<typeof attributes>;

const resource = defineResource({
  typeName: 'test_item',
  description: 'A test item.',
  attributes,
  identity: (v: V) => (v.name ?? '').toLowerCase(),
  importIdFormat: 'a lower-case name',
  importId: (id: string) => {
    if (id !== id.toLowerCase()) throw new Error('IDs are lower-case.');
    return { name: id };
  },
  validate: (v: V) =>
    v.mode === 'slow' && v.size === 0
      ? [{ attribute: 'size', summary: 'size needed', detail: 'slow mode needs a size' }]
      : [],
  read: async (api: FakeApi, v: V) => api.items.get((v.name ?? '').toLowerCase()) ?? null,
  async create(api: FakeApi, v: V, params) {
    if (api.failWith) throw api.failWith;
    api.calls.push({ op: 'create', params });
    api.items.set(v.name!.toLowerCase(), {
      name: v.name!.toLowerCase(),
      size: Math.min((params.size as number) ?? 1, api.maxSize ?? Infinity),
      tags: (params.addTags as string[]) ?? [],
      mode: (params.mode as string) ?? 'fast',
      owner: 'root',
    });
  },
  async update(api: FakeApi, v: V, _prior, params) {
    if (api.failWith) throw api.failWith;
    api.calls.push({ op: 'update', params });
    const item = api.items.get(v.name!.toLowerCase())!;
    if (params.size !== undefined) item.size = Math.min(params.size as number, api.maxSize ?? Infinity);
    if (api.ownerAfterUpdate) item.owner = api.ownerAfterUpdate;
    if (params.mode !== undefined) {
      item.mode = params.mode as string;
      item.owner = `owner-of-${item.mode}`;
    }
    item.tags = v.tags ?? item.tags;
  },
  async delete(api: FakeApi, v: V) {
    api.calls.push({ op: 'delete' });
    api.items.delete(v.name!.toLowerCase());
  },
});

const describeError = (e: unknown) =>
  e instanceof CodedError
    ? { summary: e.code, detail: 'fix it', code: e.code }
    : { summary: 'oops', detail: String(e) };
const engine = new ResourceEngine(resource, describeError);
const NULLS = {
  name: null,
  size: null,
  tags: null,
  mode: null,
  owner: null,
  secret: null,
  secret_version: null,
  note: null,
  id: null,
};
const raw = (value: Record<string, CtyValue> | null): RawDynamicValue =>
  encodeDynamicValue(value === null ? null : { ...NULLS, ...value }, engine.type);
const read = (value: RawDynamicValue | undefined): Record<string, CtyValue> | null => {
  const v = decodeDynamicValue(value, engine.type);
  return isRecord(v) ? { ...v } : null;
};

function plan(prior: Record<string, CtyValue> | null, config: Record<string, CtyValue>) {
  const result = engine.plan(raw(prior), raw(config), raw(config));
  return {
    planned: read(result.planned)!,
    replace: result.requiresReplace.map(String),
    diagnostics: result.diagnostics,
  };
}

describe('plan', () => {
  test('create: computed values unknown, defaults applied, write-only null', () => {
    const { planned, replace } = plan(null, { name: 'Box', secret: 's3cret', size: 2 });
    expect(planned).toMatchObject({
      name: 'Box',
      size: 2,
      mode: 'fast',
      owner: Unknown,
      id: Unknown,
      secret: null,
      tags: Unknown,
      note: null,
    });
    expect(replace).toEqual([]);
  });

  test('an equivalent spelling keeps the prior value: no diff', () => {
    const prior = { name: 'box', size: 2, tags: ['a'], mode: 'fast', owner: 'root', id: 'box' };
    const { planned, replace } = plan(prior, { name: 'BOX', size: 2, tags: ['a'] });
    expect(planned).toMatchObject(prior);
    expect(replace).toEqual([]);
  });

  test('a real change of a replace attribute requires replacement; others change in place', () => {
    const prior = { name: 'box', size: 2, tags: [], mode: 'fast', owner: 'root', id: 'box' };
    expect(plan(prior, { name: 'crate', size: 2 }).replace).toEqual(['name']);
    const inPlace = plan(prior, { name: 'box', size: 3 });
    expect(inPlace.replace).toEqual([]);
    expect(inPlace.planned).toMatchObject({ size: 3, owner: 'root', tags: [] });
  });

  test('a computed value depending on a changed attribute becomes unknown', () => {
    const prior = { name: 'box', size: 2, tags: [], mode: 'fast', owner: 'root', id: 'box' };
    expect(plan(prior, { name: 'box', mode: 'slow' }).planned.owner).toBe(Unknown);
    expect(plan(prior, { name: 'box', size: 9 }).planned.owner).toBe('root');
  });

  test('an identifying attribute changed in place plans the new ID, unknown while anything is unknown', () => {
    const prior = { name: 'box', size: 2, tags: [], mode: 'fast', owner: 'root', id: 'box' };
    expect(plan(prior, { name: 'box', size: 3 }).planned.id).toBe('box');
    expect(plan(prior, { name: 'BOX', size: 2 }).planned.id).toBe('box');
    expect(plan(prior, { name: 'crate', size: 2, tags: [] }).planned.id).toBe('crate');
    expect(plan(prior, { name: 'crate', mode: 'slow' }).planned.id).toBe(Unknown);
    expect(plan(prior, { name: Unknown }).planned.id).toBe(Unknown);
  });

  test('requiredOnCreate: a create needs one attribute per group (unknown counts as set); an update does not', () => {
    const strict = new ResourceEngine({ ...resource, requiredOnCreate: [['secret', 'note']] }, describeError);
    const planOf = (prior: Record<string, CtyValue> | null, config: Record<string, CtyValue>) =>
      strict.plan(raw(prior), raw(config), raw(config)).diagnostics;
    const missing = planOf(null, { name: 'box' });
    expect(missing).toEqual([
      expect.objectContaining({
        severity: 'error',
        summary: 'Missing secret or note',
        detail: 'Creating test_item needs `secret` or `note`.',
      }),
    ]);
    expect(String(missing[0]!.attribute)).toBe('secret');
    expect(planOf(null, { name: 'box', note: 'n' })).toEqual([]);
    expect(planOf(null, { name: 'box', secret: Unknown })).toEqual([]);
    expect(planOf({ name: 'box', id: 'box' }, { name: 'box' })).toEqual([]);
  });

  test('destroy plans a null object', () => {
    const result = engine.plan(raw({ name: 'box', id: 'box' }), raw(null), raw(null));
    expect(read(result.planned)).toBeNull();
  });
});

describe('apply, read and import', () => {
  let api: FakeApi;
  beforeEach(() => {
    api = new FakeApi();
  });

  async function create(config: Record<string, CtyValue>) {
    const { planned } = plan(null, config);
    return engine.apply(api, raw(null), raw(planned), raw(config));
  }

  test('create sends mapped parameters, including the write-only secret, and stores none of it', async () => {
    const result = await create({ name: 'Box', size: 5, tags: ['x'], secret: 's3cret', note: 'mine' });
    expect(result.diagnostics).toEqual([]);
    expect(api.calls).toEqual([{ op: 'create', params: { size: 5, addTags: ['x'], mode: 'fast', secret: 's3cret' } }]);
    expect(read(result.state)).toMatchObject({
      name: 'Box',
      size: 5,
      tags: ['x'],
      owner: 'root',
      id: 'box',
      secret: null,
      note: 'mine',
    });
  });

  test('update sends only what changed; the write-only value only with a new version', async () => {
    const created = read((await create({ name: 'box', size: 1, secret: 'one', secret_version: 1 })).state)!;
    api.calls = [];
    const config = { name: 'box', size: 2, secret: 'one', secret_version: 1 };
    let { planned } = plan(created, config);
    let result = await engine.apply(api, raw(created), raw(planned), raw(config));
    expect(api.calls).toEqual([{ op: 'update', params: { size: 2 } }]);
    const next = read(result.state)!;
    const rotate = { ...config, secret: 'two', secret_version: 2 };
    ({ planned } = plan(next, rotate));
    api.calls = [];
    result = await engine.apply(api, raw(next), raw(planned), raw(rotate));
    expect(api.calls).toEqual([{ op: 'update', params: { secret: 'two' } }]);
    expect(read(result.state)!.secret).toBeNull();
  });

  test('read reports drift, keeps the configured spelling when equivalent, and null when gone', async () => {
    const state = read((await create({ name: 'Box', size: 1 })).state)!;
    api.items.get('box')!.size = 7;
    const refreshed = read((await engine.read(api, raw(state))).state)!;
    expect(refreshed).toMatchObject({ name: 'Box', size: 7 });
    api.items.delete('box');
    expect(read((await engine.read(api, raw(state))).state)).toBeNull();
  });

  test('import reads the object; bad and unknown IDs are clear errors', async () => {
    await create({ name: 'box', size: 3 });
    expect(read((await engine.import(api, 'box')).state)).toMatchObject({
      name: 'box',
      size: 3,
      mode: 'fast',
      id: 'box',
      note: null,
    });
    const bad = await engine.import(api, 'BOX');
    expect(bad.diagnostics[0]).toMatchObject({ severity: 'error', summary: 'test_item: invalid import ID "BOX"' });
    expect(bad.diagnostics[0]!.detail).toContain('Expected: a lower-case name');
    const missing = await engine.import(api, 'nothing');
    expect(missing.diagnostics[0]!.summary).toBe('test_item: cannot import "nothing"');
  });

  test('API errors become diagnostics that point at the attribute the code is about', async () => {
    api.failWith = new CodedError('BAD_SIZE');
    const result = await create({ name: 'box', size: 1 });
    expect(result.state).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({
      severity: 'error',
      summary: 'test_item: create failed: BAD_SIZE',
      detail: 'fix it',
    });
    expect(String(result.diagnostics[0]!.attribute)).toBe('size');
  });

  test('a configured value the server stored otherwise (clamped): an error naming both values; state = server', async () => {
    api.maxSize = 5;
    const created = await create({ name: 'box', size: 9 });
    expect(created.diagnostics).toHaveLength(1);
    expect(created.diagnostics[0]).toMatchObject({
      severity: 'error',
      summary: 'The server stored a different "size"',
    });
    expect(created.diagnostics[0]!.detail).toContain('The configuration says 9, but the server stored 5');
    expect(String(created.diagnostics[0]!.attribute)).toBe('size');
    const state = read(created.state)!;
    expect(state).toMatchObject({ size: 5, id: 'box' });

    // The same on update; a value the server keeps converges without a diagnostic.
    const config = { name: 'box', size: 7 };
    let result = await engine.apply(api, raw(state), raw(plan(state, config).planned), raw(config));
    expect(result.diagnostics.map((d) => [d.severity, String(d.attribute)])).toEqual([['error', 'size']]);
    expect(read(result.state)).toMatchObject({ size: 5 });
    const fits = { name: 'box', size: 4 };
    result = await engine.apply(api, raw(read(result.state)), raw(plan(read(result.state), fits).planned), raw(fits));
    expect(result.diagnostics).toEqual([]);
    expect(read(result.state)).toMatchObject({ size: 4 });
  });

  test('an unconfigured value the server changed: the plan kept, a warning; next to an error, the server value', async () => {
    const state = read((await create({ name: 'box', size: 1 })).state)!;
    api.ownerAfterUpdate = 'someone-else';
    const config = { name: 'box', size: 2 };
    const result = await engine.apply(api, raw(state), raw(plan(state, config).planned), raw(config));
    expect(result.diagnostics.map((d) => [d.severity, String(d.attribute)])).toEqual([['warning', 'owner']]);
    expect(read(result.state)).toMatchObject({ size: 2, owner: 'root' });

    api.maxSize = 1;
    const next = read(result.state)!;
    const bigger = { name: 'box', size: 3 };
    const clamped = await engine.apply(api, raw(next), raw(plan(next, bigger).planned), raw(bigger));
    expect(clamped.diagnostics.map((d) => [d.severity, String(d.attribute)])).toEqual([['error', 'size']]);
    expect(read(clamped.state)).toMatchObject({ size: 1, owner: 'someone-else' });
  });

  test('delete calls the API and plans nothing back', async () => {
    const state = read((await create({ name: 'box' })).state)!;
    const result = await engine.apply(api, raw(state), raw(null), raw(null));
    expect(read(result.state)).toBeNull();
    expect(api.items.size).toBe(0);
  });
});

describe('validation and upgrade', () => {
  test('validators and cross-attribute checks name the attribute; unknowns are skipped', () => {
    const diagnostics = engine.validate(raw({ name: 'box', size: -1 }), true);
    expect(diagnostics).toEqual([
      expect.objectContaining({ summary: 'Invalid value for "size"', detail: 'use a size ≥ 0' }),
    ]);
    expect(String(diagnostics[0]!.attribute)).toBe('size');
    expect(engine.validate(raw({ name: 'box', size: Unknown }), true)).toEqual([]);
    const cross = engine.validate(raw({ name: 'box', mode: 'slow', size: 0 }), true);
    expect(cross[0]).toMatchObject({ summary: 'size needed' });
  });

  test('write-only values need a Terraform that supports them', () => {
    expect(engine.validate(raw({ name: 'box', secret: 'x' }), false)[0]).toMatchObject({
      summary: 'Write-only attribute not supported',
    });
  });

  test('an old state gets the new attributes as null and loses removed ones', () => {
    const old = Buffer.from(JSON.stringify({ name: 'box', size: 3, id: 'box', removed_attribute: 'x' }));
    expect(read(engine.upgrade(old))).toMatchObject({ name: 'box', size: 3, id: 'box', tags: null, note: null });
  });

  test('a versioned resource: its schema carries the version, and upgradeState runs only for older states', () => {
    const seen: number[] = [];
    const versioned = new ResourceEngine(
      defineResource({
        ...(resource as unknown as Parameters<typeof defineResource>[0]),
        schemaVersion: 2,
        // Version 2 renamed `label` to `note`.
        upgradeState: ({ label, ...state }: Record<string, unknown>, from: number) => {
          seen.push(from);
          return { ...state, note: label };
        },
      }),
      describeError,
    );
    const old = Buffer.from(JSON.stringify({ name: 'box', size: 3, id: 'box', label: 'kept' }));
    expect(read(versioned.upgrade(old, 1))).toMatchObject({ name: 'box', note: 'kept' });
    expect(seen).toEqual([1]);
    const current = Buffer.from(JSON.stringify({ name: 'box', size: 3, id: 'box', note: 'as is' }));
    expect(read(versioned.upgrade(current, 2))).toMatchObject({ note: 'as is' });
    expect(seen).toEqual([1]);
    expect(schemaFor('x', attributes as never, { version: 2 }).version).toBe(2);
  });
});

describe('computed: false', () => {
  // An optional attribute that is read back (drift shows) but not computed: unset means null.
  const b = attributesFor<{ id: string; score: number | null }>();
  const scored = {
    id: b.string({ required: true, read: (d) => d.id, description: 'ID.' }),
    score: b.number({
      optional: true,
      computed: false,
      param: 'score',
      read: (d) => d.score,
      description: 'Score; unset = none.',
    }),
  };
  const scoredEngine = new ResourceEngine(
    defineResource({
      typeName: 'test_scored',
      description: 'A test object.',
      attributes: scored,
      identity: (v: Values<typeof scored>) => v.id ?? '',
      importIdFormat: 'the ID',
      importId: (id: string) => ({ id }),
      read: async () => ({ id: 'x', score: 5 }),
      create: async () => undefined,
      update: async () => undefined,
      delete: async () => undefined,
    }),
    describeError,
  );
  const rawScored = (v: Record<string, CtyValue> | null) =>
    encodeDynamicValue(v && { id: null, score: null, ...v }, scoredEngine.type);

  test('is not computed: an unset value plans null, so a server value shows as a diff', async () => {
    expect(isComputed(scored.score)).toBe(false);
    expect(isComputed({ ...scored.score, computed: undefined })).toBe(true);
    const prior = rawScored({ id: 'x', score: 5 });
    const config = rawScored({ id: 'x' });
    const planned = decodeDynamicValue(scoredEngine.plan(prior, config, config).planned, scoredEngine.type) as Record<
      string,
      CtyValue
    >;
    expect(planned.score).toBeNull();
    const refreshed = decodeDynamicValue(
      (await scoredEngine.read(null, rawScored({ id: 'x', score: null }))).state,
      scoredEngine.type,
    ) as Record<string, CtyValue>;
    expect(refreshed.score).toBe(5);
  });
});

describe('cross-attribute checks with values not yet known', () => {
  test('wait while a value is unknown, and run at plan once it is known', () => {
    expect(engine.validate(raw({ name: 'box', mode: 'slow', size: Unknown }), true)).toEqual([]);
    const known = engine.plan(
      raw(null),
      raw({ name: 'box', mode: 'slow', size: 0 }),
      raw({ name: 'box', mode: 'slow', size: 0 }),
    );
    expect(known.diagnostics[0]).toMatchObject({ summary: 'size needed' });
    const unknown = engine.plan(
      raw(null),
      raw({ name: 'box', mode: 'slow', size: Unknown }),
      raw({ name: 'box', mode: 'slow', size: Unknown }),
    );
    expect(unknown.diagnostics).toEqual([]);
  });
});
