import { ZFieldAssignment, type TFieldAssignment, type TUnitStatus } from "@/lib/contracts/units";

/** A crew member's /field data as the API would send it (parsed, so it stays true to the contract). Tests only. */
export function fieldAssignmentFixture({
  status = "dispatched",
  acknowledged = false,
  needsBackup = false,
  assigned = true,
}: { status?: TUnitStatus; acknowledged?: boolean; needsBackup?: boolean; assigned?: boolean } = {}): TFieldAssignment {
  const at = "2026-03-02T10:00:00.000Z";
  const incidentId = "inc-1";
  return ZFieldAssignment.parse({
    unit: {
      id: "E-1",
      callSign: "Engine 1",
      type: "fire",
      stationId: "st-1",
      capabilities: ["ladder"],
      crew: [{ id: "u-field", name: "Field Crew" }],
      status,
      statusSince: at,
      lastContactAt: at,
      incidentId: assigned ? incidentId : null,
      needsBackup,
      outOfServiceReason: null,
      version: 3,
    },
    assignment: assigned
      ? {
          incident: {
            id: incidentId,
            number: "INC-2026-000001",
            type: "fire",
            priority: "P1",
            status: "dispatched",
            location: [-85.63, 41.94],
            zone: "B2",
            address: "1 Main St",
            description: "Smoke from a garage",
            alertIds: [],
            createdBy: null,
            createdAt: at,
            updatedAt: at,
            version: 2,
          },
          dispatch: {
            id: "d-1",
            incidentId,
            unitId: "E-1",
            callSign: "Engine 1",
            unitType: "fire",
            state: "active",
            dispatchedBy: null,
            dispatchedAt: at,
            acknowledgedAt: acknowledged ? at : null,
            enRouteAt: null,
            onSceneAt: null,
            clearedAt: null,
            etaSeconds: 240,
            distanceM: 2400,
            route: [
              [-85.65, 41.93],
              [-85.63, 41.94],
            ],
          },
          notes: [],
        }
      : null,
  });
}
