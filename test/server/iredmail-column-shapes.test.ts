/**
 * Our migrations on an empty database make iRedMail's tables as iRedMail's own schema files do
 * (iredmail.*, amavisd.*, iredapd.* in test/fixtures/iredmail): for every table both have, each
 * column's type (with width), nullability and default, on MariaDB against the .mysql files and
 * on PostgreSQL against the .pgsql files. The differences kept on purpose are listed with their
 * reasons, and each must still be a difference (a stale entry fails too).
 */
import type { Database } from '../../src/server/db/database';
import { type Dialect, raw, sql } from '../../src/server/db/sql';
import { visibleSchema } from '../../src/server/db/schema-check';
import { type Deliberate, expectOnlyDeliberate, oursAndIredmails } from '../support/iredmail-shapes';
import { SERVER_BACKENDS } from '../support/test-server';

const DELIBERATE: Record<Dialect, Deliberate[]> = {
  postgres: [],
  mysql: [
    {
      matches: /^\w+\.(created|modified|passwordlastchange)$/,
      reason:
        "DEFAULT CURRENT_TIMESTAMP, not iRedMail's MySQL '1970-01-01 01:01:01': a row inserted without naming them " +
        "(by psql, say) gets the time of the insert, as with iRedMail's PostgreSQL schema (DEFAULT NOW()); the " +
        'server names them itself on every database',
    },
    {
      matches: /^(admin\.settings|domain\.(description|disclaimer|settings)|mailbox\.(disclaimer|settings))$/,
      reason:
        "NOT NULL DEFAULT '' as in iRedMail's PostgreSQL schema; its MySQL schema leaves these TEXT columns NULL " +
        '(older MySQL gave TEXT no default) and the server reads a NULL there as empty (README)',
    },
  ],
};

/**
 * iRedMail's columns our databases do not have. Not added yet: GET /api/user answers every
 * `mailbox` column, so adding iRedMail's profile fields changes its answers on our databases.
 */
const NOT_IN_OURS = [
  'mailbox.birthday',
  'mailbox.first_name',
  'mailbox.last_name',
  'mailbox.mobile',
  'mailbox.recovery_email',
  'mailbox.telephone',
];

/** `table.column` → type (with width), nullability and default, of every table that is not ours. */
async function columnShapes(db: Database): Promise<Map<string, string>> {
  const postgres = db.dialect === 'postgres';
  const rows = await db.query<{ k: string; d: string }>(
    sql`SELECT table_name || '.' || column_name AS k,
          ${raw(postgres ? 'data_type' : 'column_type')} || ' width ' ||
          COALESCE(CAST(character_maximum_length AS ${raw(postgres ? 'TEXT' : 'CHAR')}), '-') ||
          ' nullable ' || is_nullable || ' default ' || COALESCE(column_default, '-') AS d
         FROM information_schema.columns
        WHERE table_schema ${visibleSchema(db.dialect)}
          AND table_name NOT LIKE 'iredadmin_api_%'`,
  );
  return new Map(rows.map((r) => [r.k, r.d]));
}

const tableOf = (key: string) => key.slice(0, key.indexOf('.'));

describe.each(SERVER_BACKENDS)("iRedMail's tables as our migrations make them on %s", (backend) => {
  let ours: Map<string, string>;
  let theirs: Map<string, string>;
  let dialect: Dialect;

  beforeAll(async () => {
    ({ ours, theirs, dialect } = await oursAndIredmails(backend, columnShapes));
  });

  test("every column of ours has iRedMail's type, width, nullability and default, but for the deliberate differences", () => {
    const theirTables = new Set([...theirs.keys()].map(tableOf));
    const differences = [...ours]
      .filter(([key, shape]) => theirTables.has(tableOf(key)) && theirs.get(key) !== shape)
      .map(([key, shape]) => ({ key, text: `${key}: ours ${shape}; iRedMail ${theirs.get(key) ?? 'no such column'}` }));
    expectOnlyDeliberate(differences, DELIBERATE[dialect]);
  });

  test('in the tables both have, the only columns of iRedMail ours lack are the known ones', () => {
    const ourTables = new Set([...ours.keys()].map(tableOf));
    const missing = [...theirs.keys()].filter((key) => ourTables.has(tableOf(key)) && !ours.has(key));
    expect(missing.sort()).toEqual(NOT_IN_OURS);
  });
});
