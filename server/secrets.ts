/**
 * Device tokens and one-time codes, and how their hashes are kept.
 *
 * A device token is `<id>.<secret>` with a 32-byte random secret: 256 bits cannot be guessed, so a fast
 * salted SHA-256 is as safe as a slow hash would be, and checking it on every request costs nothing.
 * A one-time code is typed or pasted by a person (`ABCDE-FGHJK-MNPQR-STVWX`, 75 bits after the id group), so
 * it gets scrypt: if the table ever leaked, guessing an unused code offline stays expensive.
 * Either way the id part finds the row, and only the salt and hash of the secret are stored.
 */
import { createHash, randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';

export interface StoredSecret {
  salt: Uint8Array;
  hash: Uint8Array;
}

const sha256 = (salt: Uint8Array, secret: string) => createHash('sha256').update(salt).update(secret).digest();
const scrypt = (salt: Uint8Array, secret: string) => scryptSync(secret, salt, 32, { N: 16_384, r: 8, p: 1 });

function matches(expected: Uint8Array, actual: Uint8Array): boolean {
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function newDeviceToken(): StoredSecret & { id: string; token: string } {
  const id = randomBytes(12).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  const salt = randomBytes(16);
  return { id, token: `${id}.${secret}`, salt, hash: sha256(salt, secret) };
}

/** The id and secret of a presented token, or null when it has not the shape of one. */
export function splitToken(token: string): { id: string; secret: string } | null {
  const match = /^([\w-]{16})\.([\w-]{43})$/.exec(token);
  return match ? { id: match[1], secret: match[2] } : null;
}

export function deviceSecretMatches(secret: string, stored: StoredSecret): boolean {
  return matches(stored.hash, sha256(stored.salt, secret));
}

/** Crockford's base32: no I, L, O or U, so a code read aloud or retyped survives. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_GROUPS = 4;
const GROUP_LENGTH = 5;

const randomGroup = () => Array.from({ length: GROUP_LENGTH }, () => CODE_ALPHABET[randomInt(32)]).join('');

export function newOneTimeCode(): StoredSecret & { id: string; code: string } {
  const groups = Array.from({ length: CODE_GROUPS }, randomGroup);
  const salt = randomBytes(16);
  return { id: groups[0], code: groups.join('-'), salt, hash: scrypt(salt, groups.slice(1).join('')) };
}

/** Reads a code as typed: case, spaces and dashes don't matter; 0/O and 1/I/L are read as Crockford does. */
export function splitCode(typed: string): { id: string; secret: string } | null {
  const clean = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (clean.length !== CODE_GROUPS * GROUP_LENGTH || [...clean].some((char) => !CODE_ALPHABET.includes(char))) {
    return null;
  }
  return { id: clean.slice(0, GROUP_LENGTH), secret: clean.slice(GROUP_LENGTH) };
}

export function codeSecretMatches(secret: string, stored: StoredSecret): boolean {
  return matches(stored.hash, scrypt(stored.salt, secret));
}
