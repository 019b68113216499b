import { z } from "zod";
import { ZDomainName } from "./layers";
import { ZVersioned } from "./requests";
import { ZAlertSilence } from "./silences";

/**
 * Alerts (raised by the rules engine, see ./rules.ts), as the REST API and the socket deliver them,
 * and what operators ask of them. Every state-changing request carries the `version` the client last
 * saw: a stale version gets 409 with the current state.
 */
const ZLonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ZPerson = z.object({ id: z.string(), name: z.string() });

export const ALERT_SEVERITIES = ["critical", "major", "minor", "warning"] as const;
export const ZAlertSeverity = z.enum(ALERT_SEVERITIES);
export type TAlertSeverity = z.infer<typeof ZAlertSeverity>;

export const ALERT_STATUSES = ["open", "acknowledged", "resolved"] as const;
export const ZAlertStatus = z.enum(ALERT_STATUSES);

/**
 * A crew's "Need backup" becomes a critical alert of this rule (no threshold rule: the crew raised it), linked to
 * its incident, so it takes the banner, tone and queue like any critical until someone acknowledges it.
 */
export const BACKUP_ALERT_RULE_ID = "unit.backup";

/** A crew sent to an incident that did not acknowledge within the run card's time (server/dispatch/escalate-unacknowledged.ts). */
export const CREW_ACK_ALERT_RULE_ID = "unit.no-ack";

export const ZAlertFlap = z.object({
  /** Opens and clears within the last windowMinutes (as of lastChangeAt). */
  changes: z.number().int().min(0),
  windowMinutes: z.number().int().min(1),
  /** Opens and clears since it began to flap. */
  total: z.number().int().min(0),
  lastChangeAt: z.iso.datetime().nullable(),
  conditionActive: z.boolean(),
});
export type TAlertFlap = z.infer<typeof ZAlertFlap>;

const ZAlertNote = z.object({ id: z.string(), at: z.iso.datetime(), author: ZPerson, text: z.string() });

export const ZAlert = z.object({
  id: z.string(),
  /** Derived from the events that opened it: replays cannot create a second alert. */
  dedupKey: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  domain: ZDomainName,
  entityId: z.string(),
  severity: ZAlertSeverity,
  status: ZAlertStatus,
  /** Unacknowledged critical alert past the escalation time. */
  escalated: z.boolean(),
  message: z.string(),
  value: z.union([z.number(), z.string()]),
  worstValue: z.union([z.number(), z.string()]),
  count: z.number().int(),
  firstSeenAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  /** The condition is no longer present (the alert stays until an operator resolves it). */
  conditionClearedAt: z.iso.datetime().nullable(),
  location: ZLonLat,
  zone: z.string(),
  acknowledgedBy: ZPerson.nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
  assignedTo: ZPerson.nullable(),
  incidentId: z.string().nullable(),
  correlationGroup: z.string().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  resolution: z.string().nullable(),
  notes: z.array(ZAlertNote),
  /** A silence covered it (lib/contracts/silences.ts): stored and listed, but it does not sound, banner or escalate. */
  silenced: ZAlertSilence.nullable(),
  /**
   * Opening and clearing over and over (more than its rule allows in a window): one alert that counts the
   * changes instead of a new alert, and a new notification, each time. False again once stable for the window.
   */
  flapping: z.boolean(),
  /** Set once the alert has flapped; kept after it stops. */
  flap: ZAlertFlap.nullable(),
  version: z.number().int(),
});
export type TAlert = z.infer<typeof ZAlert>;
/** GET /api/alerts: the queue. */
export const ZAlertList = z.array(ZAlert);

export const ZAlertListQuery = z.object({
  status: z.string().optional(), // comma-separated ZAlertStatus values; default open,acknowledged
  domain: ZDomainName.optional(),
  severity: ZAlertSeverity.optional(),
  zone: z.string().max(80).optional(),
});

export const ZAcknowledgeAlertRequest = ZVersioned;
export const ZAssignAlertRequest = ZVersioned.extend({ userId: z.string().min(1) });
export const ZResolveAlertRequest = ZVersioned.extend({ reason: z.string().trim().min(1).max(1000) });
export type TAlertListQuery = z.infer<typeof ZAlertListQuery>;

/**
 * POST /api/alerts/group-action: acknowledge or resolve a correlation group in one action. Each alert carries
 * the version the operator saw; each is checked and changed on its own (its own audit row), and the ones that
 * changed meanwhile, or left the group, come back in `conflicts` with their current state while the rest apply.
 * Not all-or-nothing: in a storm a group's alerts keep changing, and one stale member must not hold back the others.
 */
export const GROUP_ACTION_MAX_ALERTS = 5_000;
export const ZAlertGroupActionRequest = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("acknowledge"),
    groupId: z.string().min(1).max(400),
    alerts: z
      .array(z.object({ id: z.string().min(1).max(64), version: z.number().int().min(0) }))
      .min(1)
      .max(GROUP_ACTION_MAX_ALERTS),
  }),
  z.object({
    action: z.literal("resolve"),
    groupId: z.string().min(1).max(400),
    alerts: z
      .array(z.object({ id: z.string().min(1).max(64), version: z.number().int().min(0) }))
      .min(1)
      .max(GROUP_ACTION_MAX_ALERTS),
    reason: z.string().trim().min(1).max(1000),
  }),
]);
export type TAlertGroupActionRequest = z.infer<typeof ZAlertGroupActionRequest>;
export const ZAlertGroupActionResponse = z.object({
  applied: z.array(ZAlert),
  conflicts: z.array(z.object({ alertId: z.string(), error: z.string(), current: ZAlert.nullable() })),
});
export type TAlertGroupActionResponse = z.infer<typeof ZAlertGroupActionResponse>;
