import { z } from "zod";

/** GET /api/alerts/{id}/reports: the citizens' reports behind a citizen alert, first first, for operators. */
export const ZCitizenReport = z.object({
  id: z.string(),
  serviceName: z.string(),
  description: z.string(),
  address: z.string(),
  reportedAt: z.iso.datetime(),
  mediaUrl: z.string().nullable(),
  /** The citizen app's key name, e.g. "Fix My Street". */
  appName: z.string(),
  /** What the citizen chose to leave for a follow-up; null when nothing. */
  contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
});
export type TCitizenReport = z.infer<typeof ZCitizenReport>;
export const ZCitizenReportList = z.array(ZCitizenReport);
