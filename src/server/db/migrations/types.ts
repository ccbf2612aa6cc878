import type { Dialect } from '../sql';

/**
 * Column types of our migrations per dialect: iRedMail's PostgreSQL schema and its MySQL schema
 * name the same columns with different types (INT2 flags are TINYINT(1), SERIAL is
 * AUTO_INCREMENT, BYTEA is VARBINARY, timestamps are DATETIME).
 */
export function columnTypes(dialect: Dialect) {
  const pg = dialect === 'postgres';
  const timestamp = pg ? 'TIMESTAMP WITHOUT TIME ZONE' : 'DATETIME';
  const now = pg ? 'NOW()::TIMESTAMP WITHOUT TIME ZONE' : 'CURRENT_TIMESTAMP';
  return {
    /** iRedMail's and iRedAPD's ids: BIGINT UNSIGNED in MySQL. */
    serial: pg ? 'SERIAL PRIMARY KEY' : 'BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY',
    /** amavisd's ids: INT UNSIGNED in MySQL. */
    amavisdSerial: pg ? 'SERIAL PRIMARY KEY' : 'INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY',
    /** A column that refers to a `serial`. */
    serialRef: pg ? 'BIGINT' : 'BIGINT UNSIGNED',
    int8: pg ? 'INT8' : 'BIGINT',
    flag: pg ? 'INT2' : 'TINYINT(1)',
    timestamp,
    createdNow: `${timestamp} NOT NULL DEFAULT ${now}`,
    bytes: pg ? 'BYTEA' : 'VARBINARY(255)',
    inet: pg ? 'INET' : 'VARCHAR(40)',
    /** A text literal as an amavisd `email` value. */
    bytesLiteral: (text: string) => (pg ? `'${text}'::bytea` : `'${text}'`),
    /** A foreign key: inline in PostgreSQL; MySQL ignores inline REFERENCES, so a table constraint there. */
    references: (column: string, target: string, actions = '') =>
      pg
        ? { inline: ` REFERENCES ${target} ${actions}`.trimEnd(), constraint: '' }
        : { inline: '', constraint: `,\n  FOREIGN KEY (${column}) REFERENCES ${target} ${actions}`.trimEnd() },
  };
}
