/**
 * The generated round-trip suite (test/support/roundtrip.ts) through the real-product proxy: every
 * attribute of every resource against answers shaped like the real iRedAdmin-Pro's, with the form
 * parameters the product does not take on a route stripped, so a mapping that relies on one of
 * them (e.g. `numberOfLists` on a domain PUT) fails here.
 */
import { describeRoundTrip, ROUND_TRIP_FIXTURES } from '../support/roundtrip';

for (const fixture of ROUND_TRIP_FIXTURES) {
  describe(`${fixture.resource.typeName} round-trips every attribute through the real-product proxy`, () =>
    describeRoundTrip(fixture, { backend: 'pglite', viaProductProxy: true }));
}
