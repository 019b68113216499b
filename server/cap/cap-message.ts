import { z } from "zod";
import { CAP_CERTAINTIES, CAP_MSG_TYPES, CAP_SCOPES, CAP_STATUSES, CAP_URGENCIES, ZCapSeverity } from "@/lib/contracts/cap-warnings";

const TEXT_MAX = 4_000;
const text = (max = 500) => z.string().trim().min(1).max(max);
/** CAP times carry an offset ("2026-12-03T10:00:00-00:00"). */
const ZCapTime = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
/** A CAP point "lat,lon" (WGS 84). */
const ZPoint = z
  .string()
  .regex(/^\s*-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*$/, 'a point is "lat,lon"')
  .transform((value) => value.split(",").map(Number) as [number, number])
  .refine(([lat, lon]) => Math.abs(lat) <= 90 && Math.abs(lon) <= 180, "latitude or longitude out of range");

/** "lat,lon lat,lon …": at least four points, the first repeated last (CAP 1.2 §3.2.4). */
export const ZCapPolygon = z
  .string()
  .max(64_000)
  .transform((value) => value.trim().split(/\s+/))
  .pipe(z.array(ZPoint).min(4).max(2_000))
  // Zod still runs a refinement when some points failed: compare only what parsed as points.
  .refine((points) => String(points[0]) === String(points.at(-1)), "a polygon's last point must repeat its first");

/** "lat,lon radius_km". */
export const ZCapCircle = z
  .string()
  .max(200)
  .transform((value) => value.trim().split(/\s+/))
  .pipe(
    z.tuple([
      ZPoint,
      z
        .string()
        .regex(/^\d+(\.\d+)?$/, "a radius is in km")
        .transform(Number)
        .pipe(z.number().positive().max(2_000)),
    ]),
  );

const ZArea = z.object({
  areaDesc: text(),
  polygon: z.array(ZCapPolygon).max(50).default([]),
  circle: z.array(ZCapCircle).max(50).default([]),
});

const ZInfo = z.object({
  category: z.array(text(20)).min(1).max(12),
  event: text(),
  urgency: z.enum(CAP_URGENCIES),
  severity: ZCapSeverity,
  certainty: z.enum(CAP_CERTAINTIES),
  senderName: text().optional(),
  headline: text().optional(),
  description: text(TEXT_MAX).optional(),
  instruction: text(TEXT_MAX).optional(),
  effective: ZCapTime.optional(),
  onset: ZCapTime.optional(),
  expires: ZCapTime.optional(),
  area: z.array(ZArea).max(20).default([]),
});

/** A reference "sender,identifier,sent" to an earlier message. */
const ZReference = z
  .string()
  .transform((value) => value.split(","))
  .pipe(z.tuple([text(), text(), z.string()]))
  .transform(([sender, identifier]) => ({ sender, identifier }));

/** One CAP 1.2 <alert>, as fast-xml-parser reads it (parse-cap-xml.ts); unknown elements are ignored. */
export const ZCapMessage = z
  .object({
    identifier: text(),
    sender: text(),
    sent: ZCapTime,
    status: z.enum(CAP_STATUSES),
    msgType: z.enum(CAP_MSG_TYPES, { error: "msgType must be Alert, Update or Cancel" }),
    scope: z.enum(CAP_SCOPES),
    references: z
      .string()
      .max(20_000)
      .optional()
      .transform((value) => (value ? value.trim().split(/\s+/) : []))
      .pipe(z.array(ZReference).max(100)),
    info: z.array(ZInfo).max(10).default([]),
  })
  .refine((message) => message.msgType === "Cancel" || message.info.length > 0, {
    message: "an Alert or Update needs an <info> block",
    path: ["info"],
  })
  .refine((message) => message.msgType === "Alert" || message.references.length > 0, {
    message: "an Update or Cancel must name the messages it refers to in <references>",
    path: ["references"],
  });
export type TCapMessage = z.infer<typeof ZCapMessage>;
