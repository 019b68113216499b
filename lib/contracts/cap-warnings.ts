import { z } from "zod";

/** CAP 1.2 (OASIS) code lists, as the standard spells them. */
export const CAP_SEVERITIES = ["Extreme", "Severe", "Moderate", "Minor", "Unknown"] as const;
export const CAP_URGENCIES = ["Immediate", "Expected", "Future", "Past", "Unknown"] as const;
export const CAP_CERTAINTIES = ["Observed", "Likely", "Possible", "Unlikely", "Unknown"] as const;
export const CAP_STATUSES = ["Actual", "Exercise", "System", "Test", "Draft"] as const;
/** Ack and Error messages answer a sender; they carry no warning, so they are refused. */
export const CAP_MSG_TYPES = ["Alert", "Update", "Cancel"] as const;
export const CAP_SCOPES = ["Public", "Restricted", "Private"] as const;

export const ZCapSeverity = z.enum(CAP_SEVERITIES);
export type TCapSeverity = z.infer<typeof ZCapSeverity>;

/** A ring of [lon, lat] positions, closed (GeoJSON order). */
export const ZCapRing = z.array(z.tuple([z.number(), z.number()])).min(4);
export type TCapRing = z.infer<typeof ZCapRing>;

/** An active warning from another agency, as the control room sees it (GET /api/cap/warnings, "cap:warnings"). */
export const ZCapWarning = z.object({
  id: z.uuid(),
  sender: z.string(),
  senderName: z.string().nullable(),
  identifier: z.string(),
  sent: z.iso.datetime(),
  event: z.string(),
  urgency: z.enum(CAP_URGENCIES),
  severity: ZCapSeverity,
  certainty: z.enum(CAP_CERTAINTIES),
  headline: z.string().nullable(),
  description: z.string().nullable(),
  instruction: z.string().nullable(),
  areaDesc: z.string(),
  /** One polygon per CAP polygon or circle, each an outer ring only. */
  polygons: z.array(ZCapRing),
  onset: z.iso.datetime().nullable(),
  expires: z.iso.datetime().nullable(),
});
export type TCapWarning = z.infer<typeof ZCapWarning>;

export const ZCapWarningList = z.object({ warnings: z.array(ZCapWarning) });
export type TCapWarningList = z.infer<typeof ZCapWarningList>;

/** What POST /api/cap/messages did with a message. */
export const ZCapIngestResult = z.object({
  outcome: z.enum(["stored", "duplicate"]),
  /** Earlier warnings this message replaced (Update) or cancelled (Cancel). */
  superseded: z.number().int().nonnegative(),
});
export type TCapIngestResult = z.infer<typeof ZCapIngestResult>;

/** A feed admins subscribe to: an Atom feed of CAP entries, or one CAP message, polled by the leader. */
export const ZCapFeed = z.object({
  id: z.uuid(),
  name: z.string(),
  url: z.string(),
  lastPolledAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type TCapFeed = z.infer<typeof ZCapFeed>;
export const ZCapFeedList = z.object({ feeds: z.array(ZCapFeed) });

export const ZCreateCapFeedRequest = z.object({
  name: z.string().trim().min(1).max(120),
  url: z.url({ protocol: /^https?$/ }).max(2000),
});
export type TCreateCapFeedRequest = z.infer<typeof ZCreateCapFeedRequest>;
