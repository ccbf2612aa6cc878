/**
 * Every configurable attribute of every resource round-trips with the real terraform: the suite
 * is generated from the resource definitions and their samples (test/support/roundtrip.ts), on
 * PGlite for every resource and on PostgreSQL for domain and user.
 */
import { configurableAttributes, describeRoundTrip, RoundTrip, ROUND_TRIP_FIXTURES } from '../support/roundtrip';
import type { Backend } from '../support/test-server';

const POSTGRES_TOO = new Set(['iredadmin_domain', 'iredadmin_user']);

for (const fixture of ROUND_TRIP_FIXTURES) {
  const backends: Backend[] = POSTGRES_TOO.has(fixture.resource.typeName) ? ['pglite', 'postgres'] : ['pglite'];
  for (const backend of backends) {
    describe(`${fixture.resource.typeName} round-trips every attribute on ${backend}`, () =>
      describeRoundTrip(fixture, { backend }));
  }
}

test('the round-trip covers every configurable attribute of every resource in the schema', () => {
  const covered = ROUND_TRIP_FIXTURES.reduce((n, fixture) => n + new RoundTrip(fixture).instances.length, 0);
  const configurable = ROUND_TRIP_FIXTURES.reduce(
    (n, fixture) => n + configurableAttributes(fixture.resource).length,
    0,
  );
  console.log(
    `round-trip covers ${covered} of ${configurable} configurable attributes ` +
      `of ${ROUND_TRIP_FIXTURES.length} resources`,
  );
  expect(covered).toBe(configurable);
});
