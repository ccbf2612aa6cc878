import fc from 'fast-check';
import { encodeForm, encodeFormValue, pathSegment } from '../../src/client/form';
import { toWireParams } from '../../src/client/form';

const commaFree = fc.string().filter((s) => !s.includes(','));
const formValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.array(
    commaFree.filter((s) => s !== ''),
    { maxLength: 5 },
  ),
  fc.constant(null),
  fc.constant(undefined),
);

describe('form encoding', () => {
  it('encodes flags as yes/no, null and [] as an empty value, lists comma-separated', () => {
    expect(encodeFormValue(true)).toBe('yes');
    expect(encodeFormValue(false)).toBe('no');
    expect(encodeFormValue(null)).toBe('');
    expect(encodeFormValue([])).toBe('');
    expect(encodeFormValue(['a@x.io', 'b@x.io'])).toBe('a@x.io,b@x.io');
    expect(encodeFormValue(1048576000)).toBe('1048576000');
  });

  it('produces application/x-www-form-urlencoded as the doc shows (catchall= clears)', () => {
    expect(encodeForm({ catchall: [], name: 'Google Inc', is_backupmx: true, skip: undefined })).toBe(
      'catchall=&name=Google+Inc&is_backupmx=yes',
    );
    expect(encodeForm({ removeAllServices: null })).toBe('removeAllServices=');
  });

  it('refuses list items with commas and non-finite numbers', () => {
    expect(() => encodeFormValue(['a,b'])).toThrow(RangeError);
    expect(() => encodeFormValue(Number.NaN)).toThrow(RangeError);
    expect(() => encodeFormValue(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('property: decoding the body gives back every sent parameter, in order, and nothing else', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), formValue), (params) => {
        const decoded = [...new URLSearchParams(encodeForm(params))];
        const expected = Object.entries(params)
          .filter(([, value]) => value !== undefined)
          .map(([name, value]) => [name, encodeFormValue(value as Exclude<typeof value, undefined>)]);
        expect(decoded).toEqual(expected);
      }),
    );
  });

  it('property: a list survives the trip through the wire as the server splits it', () => {
    fc.assert(
      fc.property(
        fc.array(
          commaFree.filter((s) => s !== ''),
          { minLength: 1, maxLength: 8 },
        ),
        (items) => {
          const body = new URLSearchParams(encodeForm({ members: items }));
          expect(body.get('members')!.split(',')).toEqual(items);
        },
      ),
    );
  });

  it('property: a path segment decodes to the original and cannot break out of its segment', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const segment = pathSegment(value);
        expect(decodeURIComponent(segment)).toBe(value);
        expect(segment).not.toMatch(/[/?#\s]/);
      }),
    );
    expect(pathSegment('User+tag@Example.com')).toBe('User+tag@Example.com');
  });

  it('renames camelCase keys to wire names and refuses unmapped keys', () => {
    expect(
      toWireParams({ isBackupMx: true, primaryMx: 'mx' }, { isBackupMx: 'is_backupmx', primaryMx: 'primarymx' }),
    ).toEqual({
      is_backupmx: true,
      primarymx: 'mx',
    });
    expect(() => toWireParams({ x: 1 } as Record<string, number>, {} as Record<string, string>)).toThrow(
      /no wire name/,
    );
  });
});
