/** The shared shapes of the resources: create-then-update with rollback, and "not found means gone". */
import { ApiError } from '../../src/client/errors';
import { attributesFor, defineResource, type Values } from '../../src/provider/framework';
import {
  addressSet,
  amount,
  byEmail,
  createThenUpdate,
  dataSourceOf,
  defineResourceWithDataSource,
  keepMailboxOption,
  nullIfGone,
} from '../../src/provider/kit';

const apiError = (msg: string) => new ApiError({ method: 'GET', path: '/api/domain/example.com', msg, status: 200 });

describe('createThenUpdate', () => {
  const CREATE_KEYS = ['name', 'quota'];

  function recorder(failUpdate?: Error, failRemove?: Error) {
    const calls: string[] = [];
    return {
      calls,
      steps: {
        create: async (p: Record<string, unknown>) => void calls.push(`create ${JSON.stringify(p)}`),
        update: async (p: Record<string, unknown>) => {
          calls.push(`update ${JSON.stringify(p)}`);
          if (failUpdate) throw failUpdate;
        },
        remove: async () => {
          calls.push('remove');
          if (failRemove) throw failRemove;
        },
      },
    };
  }

  test('creates with the create keys, then updates with the rest', async () => {
    const { calls, steps } = recorder();
    await createThenUpdate({ name: 'N', quota: 1, catchall: ['a@example.com'] }, CREATE_KEYS, steps);
    expect(calls).toEqual(['create {"name":"N","quota":1}', 'update {"catchall":["a@example.com"]}']);
  });

  test('sends no update when the create keys cover everything', async () => {
    const { calls, steps } = recorder();
    await createThenUpdate({ name: 'N' }, CREATE_KEYS, steps);
    expect(calls).toEqual(['create {"name":"N"}']);
  });

  test('a failed update deletes what was created and rethrows the update error', async () => {
    const refused = apiError('INVALID_CATCHALL_ADDRESS');
    const { calls, steps } = recorder(refused);
    await expect(createThenUpdate({ name: 'N', catchall: ['x'] }, CREATE_KEYS, steps)).rejects.toBe(refused);
    expect(calls).toEqual(['create {"name":"N"}', 'update {"catchall":["x"]}', 'remove']);
  });

  test('a failed cleanup does not hide the update error', async () => {
    const refused = apiError('INVALID_CATCHALL_ADDRESS');
    const { calls, steps } = recorder(refused, new Error('connection reset'));
    await expect(createThenUpdate({ catchall: ['x'] }, CREATE_KEYS, steps)).rejects.toBe(refused);
    expect(calls).toEqual(['create {}', 'update {"catchall":["x"]}', 'remove']);
  });

  test('a failed create is reported as is, with nothing to delete', async () => {
    const exists = apiError('ALREADY_EXISTS');
    const calls: string[] = [];
    const steps = {
      create: async () => {
        throw exists;
      },
      update: async () => void calls.push('update'),
      remove: async () => void calls.push('remove'),
    };
    await expect(createThenUpdate({ name: 'N', catchall: ['x'] }, CREATE_KEYS, steps)).rejects.toBe(exists);
    expect(calls).toEqual([]);
  });
});

describe('nullIfGone', () => {
  test('passes the answer through', async () => {
    await expect(nullIfGone(async () => ({ admins: ['a@example.com'] }))).resolves.toEqual({
      admins: ['a@example.com'],
    });
  });

  test('a not-found answer means gone: null', async () => {
    await expect(
      nullIfGone(async () => {
        throw apiError('NO_SUCH_DOMAIN');
      }),
    ).resolves.toBeNull();
  });

  test('any other error is rethrown', async () => {
    const denied = apiError('PERMISSION_DENIED');
    await expect(
      nullIfGone(async () => {
        throw denied;
      }),
    ).rejects.toBe(denied);
    const network = new Error('connection reset');
    await expect(
      nullIfGone(async () => {
        throw network;
      }),
    ).rejects.toBe(network);
  });
});

describe('dataSourceOf', () => {
  interface Thing {
    email: string;
    note: string;
  }
  const a = attributesFor<Thing>();
  const attributes = {
    email: byEmail.attribute<Thing>({
      samples: ['a@example.com', 'b@example.com'],
      requiresReplace: true,
      read: (t) => t.email,
      description: 'The address.',
      errorCodes: [],
    }),
    note: a.string({ optional: true, param: 'note', read: (t) => t.note, description: 'A note.' }),
    secret: a.string({ optional: true, sensitive: true, writeOnly: true, param: 'secret', description: 'Sent only.' }),
  };
  const thingDefinition = {
    typeName: 'test_thing',
    description: 'A thing.',
    attributes,
    ...byEmail.resource('the address'),
    read: async (_client: unknown, v: Values<typeof attributes>): Promise<Thing> => ({ email: v.email!, note: 'n' }),
    create: async () => undefined,
    update: async () => undefined,
    delete: async () => undefined,
  };
  const thing = defineResource(thingDefinition);
  const lookup = {
    description: 'Reads a thing.',
    lookup: { email: 'The thing to read.' },
  };
  const data = dataSourceOf(thing, lookup);

  test('looks up by the key as the resource checks it, and reads back only what the resource reads', () => {
    const { email, note, ...rest } = data.attributes;
    expect(email).toMatchObject({ kind: 'string', required: true, description: 'The thing to read.' });
    expect(email!.validators).toEqual(thing.attributes.email!.validators);
    expect(email!.normalize).toBe(thing.attributes.email!.normalize);
    expect(note).toMatchObject({ kind: 'string', computed: true, description: 'A note.' });
    expect(rest).toEqual({}); // `secret` is never read back: nothing to show
    expect([data.typeName, data.identity, data.read]).toEqual([thing.typeName, thing.identity, thing.read]);
  });

  test('a lookup the resource has no attribute for is a definition error', () => {
    expect(() => dataSourceOf(thing, { description: 'x', lookup: { domain: 'x' } })).toThrow(
      'test_thing has no attribute "domain" to look up by.',
    );
  });

  test('defineResourceWithDataSource: the resource without its `dataSource`, and the data source derived from it', () => {
    const { resource, dataSource } = defineResourceWithDataSource({ ...thingDefinition, dataSource: lookup });
    expect(resource).not.toHaveProperty('dataSource');
    expect(resource.typeName).toBe('test_thing');
    expect(Object.keys(dataSource.attributes)).toEqual(Object.keys(data.attributes));
    expect(dataSource.description).toBe(data.description);
  });
});

describe('shared attribute groups', () => {
  interface Account {
    quota?: number | null;
    members?: string[] | null;
  }

  test('amount: a whole number sent as its parameter; none on the server reads as 0', () => {
    const quota = amount<Account>({ param: 'quota', read: (d) => d.quota, samples: [1, 2], description: 'Quota.' });
    expect(quota).toMatchObject({ kind: 'number', optional: true, param: 'quota' });
    expect([quota.read!({ quota: null }), quota.read!({ quota: 5 })]).toEqual([0, 5]);
    expect(quota.validators!.map((check) => check(1.5))[0]).toMatch(/whole number/);
  });

  test('addressSet: checked as addresses, compared in canonical form, none reads as []', () => {
    const members = addressSet<Account>({
      samples: [['a@example.com'], ['b@example.com']],
      read: (d) => d.members,
      description: 'Members.',
      errorCodes: [],
    });
    expect(members.read!({})).toEqual([]);
    expect(members.normalize!(['Jane@Example.COM'])).toEqual(['jane@example.com']);
    expect(members.validators!.map((check) => check(['not-an-address']))[0]).toMatch(/Not email addresses/);
  });

  test('keepMailboxOption: the DELETE option only when keep_mailbox_days is set', () => {
    expect(keepMailboxOption({ keep_mailbox_days: null })).toEqual({});
    expect(keepMailboxOption({ keep_mailbox_days: 0 })).toEqual({ keepMailboxDays: 0 });
  });
});
