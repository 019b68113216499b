"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { ZONE_FIELD_ERROR, unknownZoneMessage } from "@/lib/matcher-names";
import { ApiRequestError } from "@/components/api/request-json";
import { zoneNamesOf, zonesQuery } from "@/components/zones/zone-queries";

/**
 * The zone field's check before a silence or escalation policy is sent: the server's own refusal, word for word,
 * against the zones in use (GET /api/zones, the list the server checks). While that list has not arrived nothing
 * is refused here: the server still checks.
 */
export function useZoneCheck(): (zone: string) => string | null {
  const zones = useQuery(zonesQuery()).data?.zones;
  return useCallback((zone: string) => (zones ? unknownZoneMessage(zone, zoneNamesOf(zones)) : null), [zones]);
}

/** The server's refusal of the zone (a zone removed since the list was read), to show on the field; else null. */
export function zoneRefusalOf(error: unknown): string | null {
  return error instanceof ApiRequestError && error.fieldErrors.matchers?.includes(ZONE_FIELD_ERROR) ? error.message : null;
}
