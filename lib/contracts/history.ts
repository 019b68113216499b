import { z } from "zod";
import { ALERT_SEVERITIES, ZAlertSeverity, ALERT_STATUSES, ZAlertStatus } from "./alerts";
import { INCIDENT_PRIORITIES, INCIDENT_STATUSES, INCIDENT_TYPES, ZIncidentPriority, ZIncidentStatus, ZIncidentType } from "./incidents";
import { ZEnergyMeasurement, ZOffStreetParking, ZTrafficFlowObserved, ZUnitPosition, ZWasteContainer } from "./events";
import { ZDomainName } from "./layers";
import { ZRecordedDomainEvent } from "./domain-definition";
import type { TLayerEvents } from "./realtime";

/**
 * Supervisors' view of the past: history lists (keyset-paged, filter in the URL), exports, response-time
 * figures, map analysis and time playback, and the shift handover. Query strings are parsed with these
 * schemas on the server and built from them in the browser, so a shared link means the same on both.
 */
const ZCsvList = <T extends string>(item: z.ZodType<T, string>) =>
  z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(20));
const ZCsvOf = <T extends string>(values: readonly [T, ...T[]]) => ZCsvList(z.enum(values));
/** Domains, built-in or declared (a domain no definition declares any more simply matches nothing). */
const ZCsvOfDomains = ZCsvList(ZDomainName);

const ZRange = {
  /** Inclusive lower bound on createdAt (incidents) / firstSeenAt (alerts). */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Exclusive upper bound. */
  to: z.iso.datetime({ offset: true }).optional(),
};

export const HISTORY_SORTS = ["newest", "oldest", "priority"] as const;

export const ZIncidentHistoryFilter = z.object({
  ...ZRange,
  type: ZCsvOf(INCIDENT_TYPES).optional(),
  priority: ZCsvOf(INCIDENT_PRIORITIES).optional(),
  status: ZCsvOf(INCIDENT_STATUSES).optional(),
  zone: z.string().max(80).optional(),
  /** A unit id: incidents it was dispatched to. */
  unit: z.string().max(64).optional(),
  /** A user id: incidents this operator created or acted on (any timeline entry). */
  operator: z.string().max(64).optional(),
  /** Free text over description, address and notes (full-text, all words). */
  q: z.string().trim().max(200).optional(),
});
export type TIncidentHistoryFilter = z.infer<typeof ZIncidentHistoryFilter>;

export const ZIncidentHistoryQuery = ZIncidentHistoryFilter.extend({
  sort: z.enum(HISTORY_SORTS).default("newest"),
  /** Opaque keyset cursor from the previous page's nextCursor. */
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TIncidentHistoryQuery = z.infer<typeof ZIncidentHistoryQuery>;

export const ZIncidentHistoryRow = z.object({
  id: z.string(),
  number: z.string(),
  type: ZIncidentType,
  priority: ZIncidentPriority,
  status: ZIncidentStatus,
  zone: z.string(),
  address: z.string().nullable(),
  description: z.string(),
  location: z.tuple([z.number(), z.number()]),
  createdAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
  firstDispatchedAt: z.iso.datetime().nullable(),
  firstOnSceneAt: z.iso.datetime().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  /** Call signs of the units dispatched to it. */
  units: z.array(z.string()),
});
export type TIncidentHistoryRow = z.infer<typeof ZIncidentHistoryRow>;

export const ZIncidentHistoryPage = z.object({ rows: z.array(ZIncidentHistoryRow), nextCursor: z.string().nullable() });
export type TIncidentHistoryPage = z.infer<typeof ZIncidentHistoryPage>;

export const ZAlertHistoryFilter = z.object({
  ...ZRange,
  domain: ZCsvOfDomains.optional(),
  severity: ZCsvOf(ALERT_SEVERITIES).optional(),
  status: ZCsvOf(ALERT_STATUSES).optional(),
  zone: z.string().max(80).optional(),
  /** A user id: alerts this operator acknowledged. */
  operator: z.string().max(64).optional(),
  /** Free text over the message and the rule name. */
  q: z.string().trim().max(200).optional(),
});
export const ZAlertHistoryQuery = ZAlertHistoryFilter.extend({
  sort: z.enum(["newest", "oldest", "severity"]).default("newest"),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAlertHistoryQuery = z.infer<typeof ZAlertHistoryQuery>;

export const ZAlertHistoryRow = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  domain: ZDomainName,
  entityId: z.string(),
  severity: ZAlertSeverity,
  status: ZAlertStatus,
  message: z.string(),
  zone: z.string(),
  location: z.tuple([z.number(), z.number()]),
  firstSeenAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  incidentId: z.string().nullable(),
});
export type TAlertHistoryRow = z.infer<typeof ZAlertHistoryRow>;
export const ZAlertHistoryPage = z.object({ rows: z.array(ZAlertHistoryRow), nextCursor: z.string().nullable() });
export type TAlertHistoryPage = z.infer<typeof ZAlertHistoryPage>;

/** GET /api/history/incidents/export?format=csv|geojson&<filter> (streamed; supervisors only). */
export const ZExportQuery = ZIncidentHistoryFilter.extend({ format: z.enum(["csv", "geojson"]).default("csv") });

// ── Response-time figures ───────────────────────────────────────────────────────────────────────────

/** mtta: created → acknowledged · timeToDispatch: created → first dispatch · timeToArrive: first dispatch → first unit on scene · mttr: created → resolved. */
export const KPI_METRICS = ["mtta", "timeToDispatch", "timeToArrive", "mttr"] as const;
export const ZKpiMetric = z.enum(KPI_METRICS);
export type TKpiMetric = z.infer<typeof ZKpiMetric>;

export const ZKpiQuery = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  type: ZCsvOf(INCIDENT_TYPES).optional(),
  zone: z.string().max(80).optional(),
});
export type TKpiQuery = z.infer<typeof ZKpiQuery>;

export const ZKpiFigure = z.object({
  metric: ZKpiMetric,
  /** Incidents that reached this step. */
  count: z.number().int(),
  p50Seconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
  targetSeconds: z.number().nullable(),
  /** Share (0–1) of incidents that met the target, null without a target. */
  withinTarget: z.number().min(0).max(1).nullable(),
});
export type TKpiFigure = z.infer<typeof ZKpiFigure>;

export const ZKpiGroup = z.object({ key: z.string(), incidents: z.number().int(), figures: z.array(ZKpiFigure) });
export type TKpiGroup = z.infer<typeof ZKpiGroup>;

/** GET /api/history/kpis */
export const ZKpiReport = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  incidents: z.number().int(),
  resolved: z.number().int(),
  overall: z.array(ZKpiFigure),
  byType: z.array(ZKpiGroup),
  byZone: z.array(ZKpiGroup),
  /** key "0".."23": hour of day of creation, in the city's time zone. */
  byHour: z.array(ZKpiGroup),
});
export type TKpiReport = z.infer<typeof ZKpiReport>;

/** GET/PUT /api/history/kpi-targets (PUT: supervisors; audited). */
export const ZKpiTargets = z.object({
  targets: z.partialRecord(
    ZKpiMetric,
    z
      .number()
      .int()
      .min(1)
      .max(7 * 86_400)
      .nullable(),
  ),
});
export type TKpiTargets = z.infer<typeof ZKpiTargets>;

// ── Map analysis and playback ───────────────────────────────────────────────────────────────────────

/** GET /api/history/points?kind=incidents|alerts&<filter>: positions for heatmap/hexagon aggregation. */
export const ZPointsQuery = z.object({
  kind: z.enum(["incidents", "alerts"]).default("incidents"),
  ...ZRange,
  type: ZCsvOf(INCIDENT_TYPES).optional(),
  domain: ZCsvOfDomains.optional(),
});
/** [lon, lat] pairs, at most POINTS_LIMIT (newest first); `truncated` says when there were more. */
export const ZPoints = z.object({ points: z.array(z.tuple([z.number(), z.number()])), truncated: z.boolean() });
export const POINTS_LIMIT = 200_000;

/** GET /api/playback/range: the retained period (minutes with recorded state). */
export const ZPlaybackRange = z.object({
  from: z.iso.datetime().nullable(),
  to: z.iso.datetime().nullable(),
  retentionDays: z.number().int(),
});
export type TPlaybackRange = z.infer<typeof ZPlaybackRange>;

/** `layers`: built-in layers and declared domains alike; absent → every one this city has. */
export const ZPlaybackQuery = z.object({ at: z.iso.datetime({ offset: true }), layers: ZCsvOfDomains.optional() });

/** GET /api/playback?at=…: the city's layers as recorded for that minute (the latest event per entity). */
export const ZPlaybackFrame = z.object({
  at: z.iso.datetime(),
  layers: z.object({
    traffic: z.array(ZTrafficFlowObserved).optional(),
    parking: z.array(ZOffStreetParking).optional(),
    waste: z.array(ZWasteContainer).optional(),
    energy: z.array(ZEnergyMeasurement).optional(),
    units: z.array(ZUnitPosition).optional(),
  }) satisfies z.ZodType<TLayerEvents>,
  /** Declared domains' sensors, as the live snapshot's `declared` (events validated by their definitions when they came in). */
  declared: z.record(z.string(), z.array(ZRecordedDomainEvent)).optional(),
});
export type TPlaybackFrame = z.infer<typeof ZPlaybackFrame>;

// ── Shift handover ──────────────────────────────────────────────────────────────────────────────────

const ZRef = z.object({ id: z.string(), label: z.string() });

export const ZHandoverSummary = z.object({
  shiftFrom: z.iso.datetime(),
  shiftTo: z.iso.datetime(),
  openIncidents: z.array(ZRef.extend({ priority: ZIncidentPriority, status: ZIncidentStatus })),
  unacknowledgedAlerts: z.array(ZRef.extend({ severity: ZAlertSeverity })),
  unitsOutOfService: z.array(ZRef.extend({ reason: z.string().nullable() })),
  /** What changed during the shift. */
  changes: z.object({
    incidentsCreated: z.number().int(),
    incidentsResolved: z.number().int(),
    alertsRaised: z.number().int(),
    dispatches: z.number().int(),
  }),
});
export type THandoverSummary = z.infer<typeof ZHandoverSummary>;

/** GET /api/handover/draft: the summary of the shift so far and a pre-filled note. */
export const ZHandoverDraft = z.object({ summary: ZHandoverSummary, note: z.string() });

export const ZCreateHandoverRequest = z.object({ note: z.string().trim().min(1).max(10_000), summary: ZHandoverSummary });

export const ZHandover = z.object({
  id: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.iso.datetime(),
  note: z.string(),
  summary: ZHandoverSummary,
  /** Who confirmed they read it, and when. */
  readBy: z.array(z.object({ id: z.string(), name: z.string(), at: z.iso.datetime() })),
});
export type THandover = z.infer<typeof ZHandover>;
/** GET /api/handover: recent handovers, newest first. */
export const ZHandoverList = z.array(ZHandover);

/** GET /api/handover/pending: the newest handover by someone else, not yet confirmed by me (null if none in 24 h). */
export const ZPendingHandover = z.object({ handover: ZHandover.nullable() });
