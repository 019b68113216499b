import { z } from "zod";
import { ZDomainName } from "./layers";

/**
 * Silences and maintenance windows: alerts that match are still stored (and shown with "Show silenced") but do
 * not sound, show in the critical banner, or escalate. Supervisors and admins create and cancel them (audited);
 * operators read them, so they know why something is quiet.
 */

const ZPerson = z.object({ id: z.string(), name: z.string() });
const ZInstant = z.iso.datetime({ offset: true });

/** Which alerts a silence covers: every given field must equal the alert's (zone is the alert's zone name). */
export const ZSilenceMatchers = z
  .object({
    ruleId: z.string().trim().min(1).max(200).optional(),
    entityId: z.string().trim().min(1).max(200).optional(),
    domain: ZDomainName.optional(),
    zone: z.string().trim().min(1).max(80).optional(),
  })
  .refine((m) => Object.values(m).some((v) => v !== undefined), "name at least one of rule, entity, domain or zone");
export type TSilenceMatchers = z.infer<typeof ZSilenceMatchers>;

/** Wall-clock "HH:MM"; "24:00" only as an end (a window to midnight). */
export const ZClockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "a time as HH:MM");

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Days of the week as JavaScript numbers them: 0 Sunday … 6 Saturday. */
export const ZWeekday = z.number().int().min(0).max(6);

/** One-off: from `startsAt` (inclusive) to `endsAt` (exclusive). */
const ZOnceWindow = z.object({ kind: z.literal("once"), startsAt: ZInstant, endsAt: ZInstant });
/**
 * Recurring: on the given days, from `from` (inclusive) to `to` (exclusive) on the wall clock of `timeZone`; a
 * window with `to` before `from` runs past midnight into the next day (it belongs to the day it starts on).
 * In force until `until` (exclusive).
 */
const ZRecurringWindow = z.object({
  kind: z.literal("recurring"),
  days: z.array(ZWeekday).min(1).max(7),
  from: ZClockTime,
  to: ZClockTime,
  timeZone: z.string().refine(isTimeZone, "an IANA time zone name, e.g. Europe/Berlin"),
  until: ZInstant,
});

export const ZSilenceWindow = z.discriminatedUnion("kind", [ZOnceWindow, ZRecurringWindow]);
export type TSilenceWindow = z.infer<typeof ZSilenceWindow>;

export const ZSilence = z.object({
  id: z.string(),
  matchers: ZSilenceMatchers,
  window: ZSilenceWindow,
  reason: z.string(),
  createdBy: ZPerson,
  createdAt: ZInstant,
  /** When it first can match: the one-off start, or its creation for a recurring window. */
  startsAt: ZInstant,
  /** Its expiry: the one-off end, or a recurring window's `until`. */
  endsAt: ZInstant,
  cancelledAt: ZInstant.nullable(),
  cancelledBy: ZPerson.nullable(),
});
export type TSilence = z.infer<typeof ZSilence>;

/** GET /api/silences: active, upcoming and recently ended, plus the time zone a new recurring window defaults to. */
export const ZSilenceList = z.object({ silences: z.array(ZSilence), defaultTimeZone: z.string() });
export type TSilenceList = z.infer<typeof ZSilenceList>;

const ZRecurringRequest = ZRecurringWindow.extend({ timeZone: ZRecurringWindow.shape.timeZone.optional() });

/** POST /api/silences. A recurring window without a time zone takes the city's (CITY_TIME_ZONE). */
export const ZCreateSilenceRequest = z.object({
  matchers: ZSilenceMatchers,
  window: z
    .discriminatedUnion("kind", [ZOnceWindow, ZRecurringRequest])
    .refine((w) => w.kind !== "once" || Date.parse(w.endsAt) > Date.parse(w.startsAt), "the end must be after the start")
    .refine((w) => w.kind !== "recurring" || w.from !== w.to, "a recurring window needs different start and end times")
    .refine((w) => w.kind !== "recurring" || w.from !== "24:00", "a window cannot start at 24:00"),
  reason: z.string().trim().min(1, "say why").max(500),
});
export type TCreateSilenceRequest = z.infer<typeof ZCreateSilenceRequest>;

/** What a silenced alert carries: which silence, why, and when that silence (or its current occurrence) ends. */
export const ZAlertSilence = z.object({ id: z.string(), reason: z.string(), endsAt: ZInstant });
export type TAlertSilence = z.infer<typeof ZAlertSilence>;

/** A silence is announced this long before it expires (on /silences and in the control room). */
export const SILENCE_EXPIRY_NOTICE_MS = 15 * 60_000;

export type TSilenceState = "active" | "upcoming" | "ended";

/** Where a silence stands at `now` (ms): cancelled or past its expiry is ended. */
export function silenceState(silence: Pick<TSilence, "startsAt" | "endsAt" | "cancelledAt">, now: number): TSilenceState {
  // Cancelling takes effect at once: a page's clock (ticking once a minute) may still read a moment before it.
  if (silence.cancelledAt !== null) return "ended";
  if (Date.parse(silence.endsAt) <= now) return "ended";
  return Date.parse(silence.startsAt) > now ? "upcoming" : "active";
}

/** Active silences that expire within SILENCE_EXPIRY_NOTICE_MS of `now`. */
export function expiringSilences(silences: readonly TSilence[], now: number): TSilence[] {
  return silences.filter((s) => silenceState(s, now) === "active" && Date.parse(s.endsAt) - now <= SILENCE_EXPIRY_NOTICE_MS);
}
