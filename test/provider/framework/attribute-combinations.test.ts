/**
 * Attribute options that only make sense together are typed so: `npm run typecheck` compiles this
 * file, and every `@ts-expect-error` line below must be a type error, else the check fails.
 */
import { attributesFor } from '../../../src/provider/framework';

const a = attributesFor<{ name: string }>();
const description = 'An attribute.';

describe('attribute option combinations', () => {
  test('the valid combinations build, with their kind', () => {
    const valid = [
      a.string({ required: true, description }),
      a.string({ optional: true, default: 'x', description }),
      a.string({ optional: true, computed: false, read: (d) => d.name, description }),
      a.string({ optional: true, writeOnly: true, sensitive: true, sendWhenChanged: 'version', description }),
      a.number({ optional: true, param: 'n', paramOn: 'create', fixedAfterCreate: 'set at creation', description }),
      a.bool({ computed: true, read: (d) => d.name === '', description }),
    ];
    expect(valid.map((spec) => spec.kind)).toEqual(['string', 'string', 'string', 'string', 'number', 'bool']);
  });

  test('wrong combinations do not compile', () => {
    const wrong = [
      // @ts-expect-error required, optional or computed: one of them
      a.string({ description }),
      // @ts-expect-error a required attribute has no default
      a.string({ required: true, default: 'x', description }),
      // @ts-expect-error required and optional exclude each other
      a.string({ required: true, optional: true, description }),
      // @ts-expect-error a write-only value is sensitive
      a.string({ optional: true, writeOnly: true, description }),
      // @ts-expect-error a write-only value is never read back
      a.string({ optional: true, writeOnly: true, sensitive: true, read: (d) => d.name, description }),
      // @ts-expect-error a write-only value has no default
      a.string({ optional: true, writeOnly: true, sensitive: true, default: 'x', description }),
      // @ts-expect-error sendWhenChanged is for write-only values
      a.string({ optional: true, sendWhenChanged: 'version', description }),
      // @ts-expect-error fixedAfterCreate needs paramOn: 'create'
      a.number({ optional: true, param: 'n', fixedAfterCreate: 'set at creation', description }),
      // @ts-expect-error fixedAfterCreate is an error instead of a replacement, not both
      a.number({ optional: true, paramOn: 'create', fixedAfterCreate: 'why', requiresReplace: true, description }),
      // @ts-expect-error a read-only (computed) attribute is never sent
      a.string({ computed: true, param: 'p', description }),
    ];
    expect(wrong).toHaveLength(10);
  });
});
