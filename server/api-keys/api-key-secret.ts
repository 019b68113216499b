import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Marks our keys in logs and secret scanners; the rest is 256 random bits. */
const SECRET_PREFIX = "cnk_";
/** How much of the secret admins see to tell keys apart (the marker and 8 random characters: 48 bits). */
const VISIBLE_PREFIX_CHARS = SECRET_PREFIX.length + 8;
/** Longer presented keys are refused before hashing: nothing we issue is near this long. */
export const API_KEY_MAX_CHARS = 200;

export function generateApiKeySecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64url");
}

/** A fast hash is enough: the secret has 256 bits of entropy, so there is nothing to brute-force offline. */
export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function visiblePrefixOf(secret: string): string {
  return secret.slice(0, VISIBLE_PREFIX_CHARS);
}

/** Constant-time comparison of two hex hashes of equal length. */
export function isSameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
