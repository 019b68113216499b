import { z } from "zod";

/**
 * What writes on alerts and on incidents share. Every state-changing request carries the `version` the
 * client last saw: a stale version gets 409 with the current state.
 */
export const ZVersioned = z.object({ version: z.number().int().min(0) });

/** A note on an alert or on an incident's timeline. */
export const ZAddNoteRequest = z.object({ text: z.string().trim().min(1).max(4000) });
