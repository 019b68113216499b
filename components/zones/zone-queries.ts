import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { useGuardedMutation } from "@/components/api/use-guarded-mutation";
import { requestJson } from "@/components/api/request-json";
import {
  type TCreateZoneRequest,
  type TUpdateZoneRequest,
  type TZone,
  type TZoneImportRequest,
  type TZoneImportResult,
  ZZone,
  ZZoneHistory,
  ZZoneImportResult,
  ZZoneList,
} from "@/lib/contracts/zones";

const zoneKeys = {
  all: ["zones"] as const,
  list: () => ["zones", "list"] as const,
  history: (id: string) => ["zones", id, "history"] as const,
};

/** GET /api/zones: every zone, for every signed-in role (filters, the map, the admin editor). */
export const zonesQuery = () =>
  queryOptions({
    queryKey: zoneKeys.list(),
    queryFn: ({ signal }) => requestJson("/api/zones", ZZoneList, { signal }),
    // Changes arrive as a "zones:changed" push, which invalidates this.
    staleTime: 5 * 60_000,
  });

/** The zone names people pick from (filters), sorted, each once (a name may be used by several kinds). */
export const zoneNamesOf = (zones: readonly TZone[]): string[] => [...new Set(zones.map((z) => z.name))].sort((a, b) => a.localeCompare(b));

/** GET /api/zones/[id]/history (supervisors and admins), newest first. */
export const zoneHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: zoneKeys.history(id),
    queryFn: ({ signal }) => requestJson(`/api/zones/${encodeURIComponent(id)}/history`, ZZoneHistory, { signal }),
    staleTime: 0,
  });

function useInvalidateZones() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: zoneKeys.all });
}

export function useCreateZone() {
  const invalidate = useInvalidateZones();
  return useGuardedMutation({
    mutationFn: (body: TCreateZoneRequest): Promise<TZone> => requestJson("/api/zones", ZZone, { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useUpdateZone() {
  const invalidate = useInvalidateZones();
  return useGuardedMutation({
    mutationFn: ({ id, change }: { id: string; change: TUpdateZoneRequest }): Promise<TZone> =>
      requestJson(`/api/zones/${encodeURIComponent(id)}`, ZZone, { method: "PATCH", body: change }),
    onSuccess: invalidate,
  });
}

export function useRemoveZone() {
  const invalidate = useInvalidateZones();
  return useGuardedMutation({
    mutationFn: (zone: Pick<TZone, "id" | "version">): Promise<TZone> =>
      requestJson(`/api/zones/${encodeURIComponent(zone.id)}/remove`, ZZone, { method: "POST", body: { version: zone.version } }),
    onSuccess: invalidate,
  });
}

export function useImportZones() {
  const invalidate = useInvalidateZones();
  return useGuardedMutation({
    mutationFn: (body: TZoneImportRequest): Promise<TZoneImportResult> =>
      requestJson("/api/zones/import", ZZoneImportResult, { method: "POST", body }),
    onSuccess: (result) => (result.dryRun ? undefined : invalidate()),
  });
}

export { zoneKeys };
