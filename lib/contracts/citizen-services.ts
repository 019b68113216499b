import { z } from "zod";
import { ZAlertSeverity } from "./alerts";
import { ZIncidentType } from "./incidents";
import { ZLayer } from "./layers";

/**
 * What citizens can report (Open311 GeoReport "services"), as data: each service code routes a report to the
 * map layer (domain) whose crews handle it and gives its alert a severity. One table, parsed at load, so the
 * coming domain definition files can take it over without touching the API.
 */
export const ZCitizenService = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/),
  name: z.string().min(1).max(80),
  description: z.string().min(1).max(300),
  /** GeoReport's grouping in client apps. */
  group: z.string().min(1).max(40),
  keywords: z.array(z.string().min(1).max(30)).max(10),
  domain: ZLayer,
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

/**
 * There is no water or roads layer yet: water leaks go to the utilities (energy) layer's crews and road
 * defects to traffic, until domain definition files bring layers of their own.
 */
export const CITIZEN_SERVICES: readonly TCitizenService[] = ZCitizenServiceTable.parse([
  {
    code: "bin-overflow",
    name: "Overflowing bin",
    description: "A public litter bin or container is full or overflowing.",
    group: "Waste",
    keywords: ["bin", "litter", "rubbish", "trash"],
    domain: "waste",
    severity: "minor",
    agency: "Waste collection",
    incidentType: "other",
  },
  {
    code: "streetlight-out",
    name: "Street light out",
    description: "A street light is dark, flickering or damaged.",
    group: "Lighting",
    keywords: ["lamp", "light", "dark"],
    domain: "energy",
    severity: "minor",
    agency: "Street lighting",
    incidentType: "powerOutage",
  },
  {
    code: "pothole",
    name: "Pothole",
    description: "A hole or broken surface in the road.",
    group: "Streets",
    keywords: ["road", "hole", "surface"],
    domain: "traffic",
    severity: "minor",
    agency: "Streets and roads",
    incidentType: "hazard",
  },
  {
    code: "water-leak",
    name: "Water leak",
    description: "Water escaping from a main, hydrant or pipe in a public place.",
    group: "Utilities",
    keywords: ["water", "leak", "hydrant", "flooding"],
    domain: "energy",
    severity: "major",
    agency: "Water utility",
    incidentType: "hazard",
  },
  {
    code: "illegal-parking",
    name: "Illegal parking",
    description: "A vehicle parked where it blocks a road, a crossing, a driveway or a reserved bay.",
    group: "Parking",
    keywords: ["car", "blocked", "parking"],
    domain: "parking",
    severity: "warning",
    agency: "Parking enforcement",
    incidentType: "parkingViolation",
  },
  {
    code: "other",
    name: "Other problem",
    description: "Anything else in a public place that the city should look at.",
    group: "Other",
    keywords: [],
    domain: "traffic",
    severity: "warning",
    agency: "City operations centre",
    incidentType: "other",
  },
]);

/** Alerts raised by citizens' reports: rule id `citizen.<service code>` (no rule of the engine has that prefix). */
export const CITIZEN_ALERT_RULE_PREFIX = "citizen.";
export const citizenAlertRuleId = (serviceCode: string) => `${CITIZEN_ALERT_RULE_PREFIX}${serviceCode}`;

export function findCitizenService(code: string): TCitizenService | undefined {
  return CITIZEN_SERVICES.find((s) => s.code === code);
}
