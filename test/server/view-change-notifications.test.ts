/**
 * What the view cache hears (migrations 012 and 013): each write to a table a cached view reads
 * announces every address or domain whose views it changed — the row's names before and after —
 * or, where any view may have changed, every view (`:view:` alone). Each case's statements run as
 * another tool would, in one transaction; the payloads are those heard for it. PostgreSQL and
 * PGlite: MariaDB has no NOTIFY and caches no view.
 */
import { ACCOUNT_CHANGES_CHANNEL } from '../../src/server/db/change-triggers';
import type { Database, Unlisten } from '../../src/server/db/database';
import { type Backend, createTestDatabase } from '../support/test-server';

const EVERY_VIEW = ':view:';
const views = (...names: string[]) => names.map((name) => `:view:${name}`).sort();

/** [what is written, its statements, the views announced]. */
const CASES: [string, string[], string[]][] = [
  [
    'a user added',
    ["INSERT INTO mailbox (username, domain, maildir) VALUES ('u@a.example', 'a.example', 'u')"],
    views('u@a.example', 'a.example'),
  ],
  [
    'a user changed',
    ["UPDATE mailbox SET name = 'U' WHERE username = 'u@a.example'"],
    views('u@a.example', 'a.example'),
  ],
  [
    'a user renamed into another domain',
    ["UPDATE mailbox SET username = 'v@b.example', domain = 'b.example' WHERE username = 'u@a.example'"],
    views('u@a.example', 'a.example', 'v@b.example', 'b.example'),
  ],
  ['a user removed', ["DELETE FROM mailbox WHERE username = 'v@b.example'"], views('v@b.example', 'b.example')],
  [
    'a forwarding added, changed, removed',
    [
      "INSERT INTO forwardings (address, forwarding, domain, dest_domain) VALUES ('f@a.example', 'to@c.example', 'a.example', 'c.example')",
      "UPDATE forwardings SET forwarding = 'other@c.example' WHERE address = 'f@a.example'",
      "DELETE FROM forwardings WHERE address = 'f@a.example'",
    ],
    views('f@a.example', 'to@c.example', 'other@c.example'),
  ],
  ['an alias added', ["INSERT INTO alias (address, domain) VALUES ('al@a.example', 'a.example')"], [EVERY_VIEW]],
  ['an alias changed', ["UPDATE alias SET name = 'Al' WHERE address = 'al@a.example'"], views('al@a.example')],
  // Every view goes: nothing more is worth sending.
  ['an alias renamed', ["UPDATE alias SET address = 'am@a.example' WHERE address = 'al@a.example'"], [EVERY_VIEW]],
  ['an alias removed', ["DELETE FROM alias WHERE address = 'am@a.example'"], [EVERY_VIEW]],
  [
    'a list added',
    ["INSERT INTO maillists (address, domain, transport) VALUES ('l@a.example', 'a.example', 'mlmmj:a.example/l')"],
    [EVERY_VIEW],
  ],
  ['a list changed', ["UPDATE maillists SET name = 'L' WHERE address = 'l@a.example'"], []],
  ['a list renamed', ["UPDATE maillists SET address = 'm@a.example' WHERE address = 'l@a.example'"], [EVERY_VIEW]],
  [
    'a moderator added and removed',
    [
      "INSERT INTO moderators (address, moderator, domain, dest_domain) VALUES ('m@a.example', 'mod@c.example', 'a.example', 'c.example')",
      "DELETE FROM moderators WHERE address = 'm@a.example'",
    ],
    views('m@a.example'),
  ],
  ...(['sender_bcc_user', 'recipient_bcc_user'] as const).map((table): [string, string[], string[]] => [
    `a ${table} row added, moved, removed`,
    [
      `INSERT INTO ${table} (username, bcc_address, domain) VALUES ('u@a.example', 'copy@a.example', 'a.example')`,
      `UPDATE ${table} SET username = 'w@a.example' WHERE username = 'u@a.example'`,
      `DELETE FROM ${table} WHERE username = 'w@a.example'`,
    ],
    views('u@a.example', 'w@a.example'),
  ]),
  ...(['sender_bcc_domain', 'recipient_bcc_domain'] as const).map((table): [string, string[], string[]] => [
    `a ${table} row added and removed`,
    [
      `INSERT INTO ${table} (domain, bcc_address) VALUES ('a.example', 'copy@a.example')`,
      `DELETE FROM ${table} WHERE domain = 'a.example'`,
    ],
    views('a.example'),
  ]),
  [
    "a domain's relay host (its account without the @) and a user's",
    [
      "INSERT INTO sender_relayhost (account, relayhost) VALUES ('@a.example', '[relay.example]:25')",
      "INSERT INTO sender_relayhost (account, relayhost) VALUES ('u@a.example', '[relay.example]:25')",
    ],
    views('a.example', 'u@a.example'),
  ],
  [
    'a relay host for no name',
    ["INSERT INTO sender_relayhost (account, relayhost) VALUES ('@', '[relay.example]:25')"],
    [],
  ],
  [
    'used quota (Dovecot) added and updated',
    [
      "INSERT INTO used_quota (username, bytes, domain) VALUES ('u@a.example', 1, 'a.example')",
      "UPDATE used_quota SET bytes = 2 WHERE username = 'u@a.example'",
    ],
    views('u@a.example'),
  ],
  [
    'a login (Dovecot)',
    ["INSERT INTO last_login (username, domain, imap) VALUES ('u@a.example', 'a.example', 1)"],
    views('u@a.example'),
  ],
  [
    'a domain added and changed',
    [
      "INSERT INTO domain (domain) VALUES ('d.example')",
      "UPDATE domain SET description = 'D' WHERE domain = 'd.example'",
    ],
    views('d.example'),
  ],
  [
    'a domain admin added and moved',
    [
      "INSERT INTO domain_admins (username, domain) VALUES ('adm@c.example', 'd.example')",
      "UPDATE domain_admins SET domain = 'e.example' WHERE username = 'adm@c.example'",
    ],
    views('adm@c.example', 'd.example', 'e.example'),
  ],
  ['a table emptied', ['TRUNCATE used_quota'], [EVERY_VIEW]],
];

describe.each<Backend>(['pglite', 'postgres'])('view change notifications on %s', (backend) => {
  let db: Database;
  let unlisten: Unlisten;
  const heard: string[] = [];
  let markerHeard: (() => void) | undefined;

  beforeAll(async () => {
    ({ db } = await createTestDatabase(backend));
    unlisten = await db.listen!(
      ACCOUNT_CHANGES_CHANNEL,
      (payload) => {
        if (payload === MARKER) markerHeard?.();
        else heard.push(payload);
      },
      () => undefined,
    );
  });
  afterAll(async () => {
    await unlisten?.();
    await db?.close();
  });

  const MARKER = 'end of case';
  /** The views announced by `statements`, committed together; heard once a marker sent after them is. */
  async function announced(statements: string[]): Promise<string[]> {
    heard.length = 0;
    await db.transaction(async (tx) => {
      for (const statement of statements) await tx.query(statement);
    });
    const marker = new Promise<void>((resolve) => (markerHeard = resolve));
    await db.query(`SELECT pg_notify('${ACCOUNT_CHANGES_CHANNEL}', '${MARKER}')`);
    await marker;
    // The session cache's payloads (006: usernames) share the channel.
    return heard.filter((payload) => payload.startsWith(EVERY_VIEW)).sort();
  }

  test.each(CASES)('%s', async (_what, statements, expected) => {
    expect(await announced(statements)).toEqual(expected);
  });
});
