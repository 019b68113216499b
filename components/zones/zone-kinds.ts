import type { TZoneKind } from "@/lib/contracts/zones";

/** What each kind of zone is called on screen. */
export const ZONE_KIND_LABEL: Record<TZoneKind, string> = {
  district: "District",
  policeBeat: "Police beat",
  fireArea: "Fire response area",
  maintenanceArea: "Maintenance area",
};
