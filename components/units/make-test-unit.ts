import type { TResponderUnit } from "@/lib/contracts/units";

/** A unit for unit tests: available at its station since 10:00, with the given fields changed. */
export function makeTestUnit(overrides: Partial<TResponderUnit> & Pick<TResponderUnit, "id">): TResponderUnit {
  return {
    callSign: overrides.id,
    type: "fire",
    stationId: "station-1",
    capabilities: [],
    crew: [],
    status: "available",
    statusSince: "2026-11-24T10:00:00.000Z",
    lastContactAt: "2026-11-24T10:00:00.000Z",
    incidentId: null,
    needsBackup: false,
    outOfServiceReason: null,
    version: 1,
    ...overrides,
  };
}
