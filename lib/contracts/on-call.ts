import { z } from "zod";
import { ZAlertSeverity } from "./alerts";
import { ASSIGNABLE_ROLES } from "./auth";
import { ZDomainName } from "./layers";

/**
 * On-call rotas and escalation policies (server/on-call/): supervisors and admins manage them on /on-call; the
 * leader runs each matching alert's chain, notifying each step's people through their own contact points.
 */

const ZInstant = z.iso.datetime({ offset: true });
const ZPerson = z.object({ id: z.string(), name: z.string() });

/** Shifts from 15 minutes to four weeks: shorter is a typo, longer is not a rota. */
export const MIN_SHIFT_MINUTES = 15;
export const MAX_SHIFT_MINUTES = 28 * 24 * 60;
/** A rota's turn order: one to fifty people. */
export const MAX_ROTA_MEMBERS = 50;

/** Wall-clock date and time, "YYYY-MM-DDTHH:MM", read in the rota's time zone. */
export const ZLocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, "a date and time as YYYY-MM-DDTHH:MM");

/** POST /api/on-call/rotas. The first member's first shift starts at `startsAt` in the city's time zone. */
export const ZCreateRotaRequest = z.object({
  name: z.string().trim().min(1, "give it a name").max(80),
  memberIds: z
    .array(z.string().min(1))
    .min(1, "add at least one person")
    .max(MAX_ROTA_MEMBERS)
    .refine((ids) => new Set(ids).size === ids.length, "each person once"),
  shiftMinutes: z.number().int().min(MIN_SHIFT_MINUTES).max(MAX_SHIFT_MINUTES),
  startsAt: ZLocalDateTime,
});
export type TCreateRotaRequest = z.infer<typeof ZCreateRotaRequest>;

/** Someone's shift: from (inclusive) to (exclusive). */
export const ZShift = z.object({ person: ZPerson, from: ZInstant, to: ZInstant });
export type TShift = z.infer<typeof ZShift>;

export const ZRota = z.object({
  id: z.string(),
  name: z.string(),
  members: z.array(ZPerson),
  shiftMinutes: z.number().int(),
  anchorAt: ZInstant,
  timeZone: z.string(),
  createdBy: z.string(),
  /** Who is on call now and who takes over next (null: the rota has nobody left who can sign in). */
  now: ZShift.nullable(),
  next: ZShift.nullable(),
});
export type TRota = z.infer<typeof ZRota>;

/** Whom a step notifies: whoever is on call on a rota then, one person, or everyone with a role. */
export const ZStepTarget = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("rota"), rotaId: z.string().min(1) }),
  z.object({ kind: z.literal("user"), userId: z.string().min(1) }),
  z.object({ kind: z.literal("role"), role: z.enum(ASSIGNABLE_ROLES) }),
]);
export type TStepTarget = z.infer<typeof ZStepTarget>;

/** Up to a day between steps: longer and nobody is waiting for the chain any more. */
export const MAX_STEP_WAIT_MINUTES = 24 * 60;
export const MAX_POLICY_STEPS = 10;

/** Notify `target`; if nobody acknowledges within `waitMinutes`, run the next step. */
export const ZEscalationStep = z.object({ target: ZStepTarget, waitMinutes: z.number().int().min(1).max(MAX_STEP_WAIT_MINUTES) });
export type TEscalationStep = z.infer<typeof ZEscalationStep>;

/** Which alerts a policy covers: each given field must equal the alert's; none given covers every alert. */
export const ZPolicyMatchers = z.object({
  severity: ZAlertSeverity.optional(),
  domain: ZDomainName.optional(),
  zone: z.string().trim().min(1).max(80).optional(),
});
export type TPolicyMatchers = z.infer<typeof ZPolicyMatchers>;

/** POST /api/on-call/policies. */
export const ZCreatePolicyRequest = z.object({
  name: z.string().trim().min(1, "give it a name").max(80),
  matchers: ZPolicyMatchers,
  steps: z.array(ZEscalationStep).min(1, "add at least one step").max(MAX_POLICY_STEPS),
});
export type TCreatePolicyRequest = z.infer<typeof ZCreatePolicyRequest>;

/** A step as people read it: the target by name. */
export const ZPolicyStep = ZEscalationStep.extend({ targetName: z.string() });

export const ZPolicy = z.object({
  id: z.string(),
  name: z.string(),
  matchers: ZPolicyMatchers,
  steps: z.array(ZPolicyStep),
  createdBy: z.string(),
  createdAt: ZInstant,
});
export type TPolicy = z.infer<typeof ZPolicy>;

/** GET /api/on-call: the page's whole state, with the people a rota or a step can name. */
export const ZOnCallOverview = z.object({
  rotas: z.array(ZRota),
  policies: z.array(ZPolicy),
  people: z.array(ZPerson.extend({ role: z.enum(ASSIGNABLE_ROLES) })),
  timeZone: z.string(),
});
export type TOnCallOverview = z.infer<typeof ZOnCallOverview>;

/** One entry of an alert's escalation timeline (GET /api/alerts/[id]/escalation). */
export const ZEscalationEvent = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("step"),
    at: ZInstant,
    policy: z.string(),
    step: z.number().int(),
    of: z.number().int(),
    target: z.string(),
    notified: z.array(z.string()),
    nextAt: ZInstant.nullable(),
  }),
  z.object({ kind: z.literal("ended"), at: ZInstant, policy: z.string(), reason: z.string() }),
]);
export type TEscalationEvent = z.infer<typeof ZEscalationEvent>;
export const ZAlertEscalation = z.object({ events: z.array(ZEscalationEvent) });
export type TAlertEscalation = z.infer<typeof ZAlertEscalation>;

/** How long a one-tap acknowledge link works after it was sent. */
export const ACK_LINK_TTL_MS = 30 * 60_000;

/** POST /api/ack-links/[token]: what opening the link did. */
export const ZAckLinkOutcome = z.object({
  /** acknowledged: at least one alert now is, by this user; nothing: all were handled already (see each). */
  outcome: z.enum(["acknowledged", "nothing", "expired", "used"]),
  alerts: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      result: z.enum(["acknowledged", "already_acknowledged", "resolved", "changed", "open"]),
      by: z.string().nullable(),
    }),
  ),
});
export type TAckLinkOutcome = z.infer<typeof ZAckLinkOutcome>;
