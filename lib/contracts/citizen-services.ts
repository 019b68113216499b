import { z } from "zod";
import { ZAlertSeverity } from "./alerts";
import { ZIncidentType } from "./incidents";
import { ZDomainName } from "./layers";

/**
 * What citizens can report (Open311 GeoReport "services"), as data: each service code routes a report to the
 * domain (built-in layer or declared) whose crews handle it and gives its alert a severity. The built-in domains'
 * files (lib/domains/definitions/builtin) plus the declared definitions make the city's catalogue
 * (lib/domains/citizen-service-catalog.ts). A declared service of a built-in's code replaces it (the shipped
 * water-network and street-lighting definitions take "water-leak" and "streetlight-out" to their own layers).
 */
export const ZCitizenService = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, "use 2–40 lower-case letters, digits or '-', starting with a letter"),
  name: z.string().min(1).max(80),
  description: z.string().min(1).max(300),
  /** GeoReport's grouping in client apps. */
  group: z.string().min(1).max(40),
  keywords: z.array(z.string().min(1).max(30)).max(10),
  domain: ZDomainName,
  severity: ZAlertSeverity,
  /** Who deals with it, as GeoReport's agency_responsible tells the citizen. */
  agency: z.string().min(1).max(80),
  /** The incident an operator's promotion opens by default. */
  incidentType: ZIncidentType,
});
export type TCitizenService = z.infer<typeof ZCitizenService>;

export const ZCitizenServiceTable = z
  .array(ZCitizenService)
  .min(1)
  .refine((services) => new Set(services.map((s) => s.code)).size === services.length, "each service code once");

/** Alerts raised by citizens' reports: rule id `citizen.<service code>` (no rule of the engine has that prefix). */
export const CITIZEN_ALERT_RULE_PREFIX = "citizen.";
export const citizenAlertRuleId = (serviceCode: string) => `${CITIZEN_ALERT_RULE_PREFIX}${serviceCode}`;
