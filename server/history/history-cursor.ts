import { z } from "zod";
import { invalid } from "@/server/errors";

/**
 * Keyset cursors for the history lists: the last row's sort key and id, with the list and sort they
 * belong to, as base64url JSON. Opaque to clients; a cursor from another list or sort is refused
 * rather than silently starting somewhere else.
 */
export function encodeCursor(scope: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify([scope, ...key])).toString("base64url");
}

export function decodeCursor<T extends readonly unknown[]>(scope: string, cursor: string, key: z.ZodType<T>): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed) && parsed[0] === scope) {
    const result = key.safeParse(parsed.slice(1));
    if (result.success) return result.data;
  }
  throw invalid("Invalid cursor", { cursor: ["not a cursor from a previous page of this list and sort"] });
}

/** Sort-key parts as they appear in cursors. */
export const ZCursorTime = z.iso.datetime();
export const ZCursorId = z.guid();
