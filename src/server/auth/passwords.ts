/**
 * iRedMail's password schemes, stored as `{SCHEME}value` as Dovecot reads them.
 * New passwords use the configured scheme (SSHA512 by default); every listed scheme verifies,
 * and so do Dovecot's clear-text `{PLAIN}` / `{CLEARTEXT}` values an existing database may hold.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { PasswordScheme } from '../config';
import { md5Crypt } from './md5-crypt';

const BCRYPT_COST = 10;

function salted(algorithm: 'sha512' | 'sha1', password: string, salt: Buffer): Buffer {
  const digest = createHash(algorithm).update(password, 'utf8').update(salt).digest();
  return Buffer.concat([digest, salt]);
}

export async function hashPassword(password: string, scheme: PasswordScheme): Promise<string> {
  switch (scheme) {
    case 'SSHA512':
      return `{SSHA512}${salted('sha512', password, randomBytes(8)).toString('base64')}`;
    case 'SSHA':
      return `{SSHA}${salted('sha1', password, randomBytes(8)).toString('base64')}`;
    case 'SHA512':
      return `{SHA512}${createHash('sha512').update(password, 'utf8').digest('base64')}`;
    case 'SHA':
      return `{SHA}${createHash('sha1').update(password, 'utf8').digest('base64')}`;
    case 'PLAIN-MD5':
      return `{PLAIN-MD5}${createHash('md5').update(password, 'utf8').digest('hex')}`;
    case 'MD5':
      return `{MD5}${md5Crypt(password, randomBytes(6).toString('base64').replace(/\+/g, '.'))}`;
    case 'BCRYPT':
      return `{BCRYPT}${await bcrypt.hash(password, BCRYPT_COST)}`;
  }
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function verifySalted(algorithm: 'sha512' | 'sha1', size: number, password: string, value: string): boolean {
  const raw = Buffer.from(value, 'base64');
  if (raw.length <= size) return false;
  return sameBytes(salted(algorithm, password, raw.subarray(size)), raw);
}

function verifyCrypt(password: string, value: string): Promise<boolean> | boolean {
  if (/^\$2[abxy]?\$/.test(value)) return bcrypt.compare(password, value.replace(/^\$2[xy]\$/, '$2a$'));
  const md5 = /^\$1\$([^$]{0,8})\$/.exec(value);
  if (md5) return sameBytes(Buffer.from(md5Crypt(password, md5[1]!)), Buffer.from(value));
  return false;
}

/** True when `password` matches the stored hash. Unknown schemes never match. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = /^\{([A-Z0-9.-]+)\}(.*)$/is.exec(stored);
  if (!m) return stored.startsWith('$') ? verifyCrypt(password, stored) : false;
  const scheme = m[1]!.toUpperCase();
  const value = m[2]!;
  switch (scheme) {
    case 'SSHA512':
      return verifySalted('sha512', 64, password, value);
    case 'SSHA':
      return verifySalted('sha1', 20, password, value);
    case 'SHA512':
      return sameBytes(createHash('sha512').update(password, 'utf8').digest(), Buffer.from(value, 'base64'));
    case 'SHA':
      return sameBytes(createHash('sha1').update(password, 'utf8').digest(), Buffer.from(value, 'base64'));
    case 'PLAIN-MD5':
      return sameBytes(
        Buffer.from(createHash('md5').update(password, 'utf8').digest('hex')),
        Buffer.from(value.toLowerCase()),
      );
    case 'MD5':
    case 'CRYPT':
    case 'BCRYPT':
    case 'BLF-CRYPT':
      return verifyCrypt(password, value);
    // Dovecot's clear-text schemes: iRedMail accounts imported or made by hand may hold them.
    case 'PLAIN':
    case 'CLEARTEXT':
      return sameBytes(Buffer.from(password, 'utf8'), Buffer.from(value, 'utf8'));
    default:
      return false;
  }
}

/** Schemes a client may send in `password_hash` (a pre-hashed password). */
const ACCEPTED_HASH_SCHEMES = ['SSHA512', 'SSHA', 'SHA512', 'SHA', 'PLAIN-MD5', 'MD5', 'CRYPT', 'BCRYPT', 'BLF-CRYPT'];

export function isAcceptedHash(value: string): boolean {
  const m = /^\{([A-Z0-9.-]+)\}.+$/is.exec(value);
  return !!m && ACCEPTED_HASH_SCHEMES.includes(m[1]!.toUpperCase());
}

const decoys = new Map<PasswordScheme, Promise<string>>();

/**
 * A hash of `scheme` that no password matches (of a random one nobody knows): a login for an
 * unknown or disabled account checks its password against it, so that answer costs what a wrong
 * password for an existing account costs, and its time tells no one which addresses exist.
 */
export function decoyHash(scheme: PasswordScheme): Promise<string> {
  let decoy = decoys.get(scheme);
  if (!decoy) {
    decoy = hashPassword(randomBytes(32).toString('base64'), scheme);
    decoys.set(scheme, decoy);
  }
  return decoy;
}
