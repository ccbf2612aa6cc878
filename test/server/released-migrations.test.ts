/**
 * Migrations are append-only: a released one may be refactored (how its DDL text is produced)
 * but must render byte for byte the SQL it rendered when released, on both dialects. The
 * SHA-256 of each rendering is recorded here when a migration is released; a new migration adds
 * its line, and no line ever changes.
 */
import { createHash } from 'node:crypto';
import { MIGRATIONS } from '../../src/server/db/migrate';

const RELEASED: Record<number, { postgres: string; mysql: string }> = {
  1: {
    postgres: '632b8069ff01752c63276cab7abe8a1fce396450eeb9663f04e22378276d7b82',
    mysql: 'fedcde8c76fd480c4358cfd7a79c766a4c079ab68ee8d7c8d5ac36503e136ef8',
  },
  2: {
    postgres: '905308f580281ed86f107481907ae3e54ad1f6f5ad8f5c82ab21894891f2248f',
    mysql: '831ee8a2ad7e4eb749b04cd4db5628e4e468bf321391b91d2c81a74fabd705ff',
  },
  3: {
    postgres: 'f192f566132a90e735fd01b9dbaec85e5822b4ab3fedbcf4515c8c07efc5302c',
    mysql: 'a57fb0c0b1eca4b0ba2e9ba6507b002ec609c6e294adbba8ca362b16d28fc27b',
  },
  4: {
    postgres: '9352425c3c50ca707c135eed9b5a8041b814c58874dcbb0fbecba7942b3bc56e',
    mysql: '0ef7b56103010c4a0692f63ae185643da996ea6e14d124f5e63ea9e392e8f1d2',
  },
  5: {
    postgres: '78148da39299f572a6c648c3b5763a98163e165f9b290e9f5f13d35d746ed9b7',
    mysql: '1069f42042d1531e63844610cca083f3d8f4139e4a395120b5d33e3c707f7c4c',
  },
  6: {
    postgres: '14b8eecc47a31210d9d9ad4c9aa8e4c0189f68f158d0937f67ed103119f4e2c3',
    // Empty: MySQL has no NOTIFY.
    mysql: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  7: {
    postgres: 'd5f2e1d4b144fd9e35abc1261f15fbde0c1c0e8c13789c4d9d1a8c28c50ff52d',
    mysql: 'd24e81ea4d0e25bb87b0640a98797bdcec22cd228f2f2d3ad87e4d16db6e52c7',
  },
  8: {
    postgres: 'ebb173976e2c91df8467a37a39604c10252f6d83f6f6a0a2ee95ee6fe1f58f52',
    mysql: '8e001307c5853bc4354a412eb2615038a1e3cac7b00fe74086727a786b3933db',
  },
  9: {
    postgres: '53aa409c6b80766bdfe0b595acfce96dff126f9018dc423ffef0e86c6777fcac',
    mysql: '71e1fb1ba3369f3f4ade28c3bc80a3ee0c35ea0030efe31a7a08c9bd9bfb661c',
  },
  10: {
    postgres: 'c19df200f1482dd83bee2b91e10f80187fc636d4869ac8d9401e4680e79f2a23',
    mysql: 'c19df200f1482dd83bee2b91e10f80187fc636d4869ac8d9401e4680e79f2a23',
  },
  11: {
    postgres: 'fd7ec6dcb57949c0b0b83fb376fb6c4ada79dcb92ad37447777374002adc9b2e',
    mysql: '0bf1e9b457d1a4e6af060578c632c78b0b36e00019f85d5a4007532cfdb62fef',
  },
  12: {
    postgres: '13ddd7bcca2002409d3221a2574f7ce4b2ac3cde6ef0d66ca30ff4590bf29076',
    // Empty: MySQL has no NOTIFY.
    mysql: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  13: {
    postgres: '3dd40d0248414ebf6505b336c58ed2ce7492d6b3318351487ce184bcf36a946c',
    // Empty: MySQL has no NOTIFY.
    mysql: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  14: {
    postgres: 'fd7864ca3d5dd417956ada1bda3f23c7307b3393a6c1dd8415d2b630bd6a637c',
    mysql: '64e81e4aecb596cfbfe06d62d921f12ab78fda6cb4b632ccbf4674ffdba5dc0b',
  },
  15: {
    postgres: '6e006417575113d86198f4dc614d58fc3d105ad5a925442e7b25c203a3e03a70',
    mysql: '6e006417575113d86198f4dc614d58fc3d105ad5a925442e7b25c203a3e03a70',
  },
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

test.each(MIGRATIONS.map((m) => [m.version, m] as const))(
  'migration %i renders the SQL it was released with, on PostgreSQL and MySQL',
  (version, migration) => {
    expect({ postgres: sha256(migration.ddl('postgres')), mysql: sha256(migration.ddl('mysql')) }).toEqual(
      RELEASED[version],
    );
  },
);
