/** The shared shapes of the resources: create-then-update with rollback, and "not found means gone". */
import { ApiError } from '../../src/client/errors';
import { createThenUpdate, nullIfGone } from '../../src/provider/kit';

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
