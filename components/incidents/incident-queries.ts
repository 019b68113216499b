import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { INCIDENT_STATUSES, ZIncidentDetail, ZIncidentList, type TIncident, type TIncidentDetail } from "@/lib/contracts/incidents";
import { requestJson } from "@/components/api/request-json";
import type { TIncidentStatus } from "./incident-labels";

/** Incidents the map shows and alerts can be attached to: everything not yet resolved or closed. */
export const OPEN_INCIDENT_STATUSES: readonly TIncidentStatus[] = INCIDENT_STATUSES.filter(
  (status) => status !== "resolved" && status !== "closed",
);

export const incidentKeys = {
  all: ["incidents"] as const,
  lists: () => ["incidents", "list"] as const,
  list: (statuses: readonly TIncidentStatus[]) => ["incidents", "list", statuses.join(",")] as const,
  detail: (id: string) => ["incidents", "detail", id] as const,
};

/** Open incidents, kept fresh by `incident:upsert`. */
export const openIncidentsQuery = () =>
  queryOptions({
    queryKey: incidentKeys.list(OPEN_INCIDENT_STATUSES),
    queryFn: ({ signal }) => requestJson(`/api/incidents?status=${OPEN_INCIDENT_STATUSES.join(",")}`, ZIncidentList, { signal }),
    staleTime: Infinity,
  });

/** One incident with its timeline and linked alerts. */
export const incidentDetailQuery = (id: string) =>
  queryOptions({
    queryKey: incidentKeys.detail(id),
    queryFn: ({ signal }) => requestJson(`/api/incidents/${encodeURIComponent(id)}`, ZIncidentDetail, { signal }),
    staleTime: 30_000,
  });

function upsertIncident(list: readonly TIncident[], incident: TIncident, statuses: readonly string[]): TIncident[] {
  const existing = list.find((item) => item.id === incident.id);
  if (existing && existing.version > incident.version) return list as TIncident[];
  const rest = list.filter((item) => item.id !== incident.id);
  if (!statuses.includes(incident.status)) return rest;
  return [incident, ...rest].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

/**
 * A newer copy of an incident into the cached lists (by their statuses) and its open detail.
 * The detail's timeline comes from the server, so an open detail is refetched too.
 */
export function patchIncidentCaches(queryClient: QueryClient, incident: TIncident): void {
  // A list still loading (or reloading) may have been read before this change: read it again once it lands, or
  // the new incident would be missing from the board until the next reload.
  const loading = queryClient.getQueryCache().findAll({ queryKey: incidentKeys.lists() });
  if (loading.some((query) => query.state.data === undefined || query.state.fetchStatus === "fetching")) {
    void queryClient.invalidateQueries({ queryKey: incidentKeys.lists() });
  }
  for (const [key, list] of queryClient.getQueriesData<TIncident[]>({ queryKey: incidentKeys.lists() })) {
    if (!list) continue;
    const statuses = String(key[2] ?? "").split(",");
    queryClient.setQueryData<TIncident[]>(key, upsertIncident(list, incident, statuses));
  }
  const detailKey = incidentKeys.detail(incident.id);
  const detail = queryClient.getQueryData<TIncidentDetail>(detailKey);
  if (!detail || detail.version > incident.version) return;
  queryClient.setQueryData<TIncidentDetail>(detailKey, { ...detail, ...incident });
  if (detail.version < incident.version) void queryClient.invalidateQueries({ queryKey: detailKey });
}
