import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { ZAlert, ZAlertList, type TAlert } from "@/lib/contracts/alerts";
import { ZCitizenReportList } from "@/lib/contracts/citizen-reports";
import { requestJson } from "@/components/api/request-json";
import { sortForQueue, upsertAlerts, type TAlertFilters } from "./alert-cache";

export const alertKeys = {
  all: ["alerts"] as const,
  queues: () => ["alerts", "queue"] as const,
  queue: (filters: TAlertFilters) => ["alerts", "queue", filters] as const,
  item: (id: string) => ["alerts", "item", id] as const,
  reports: (id: string, count: number) => ["alerts", "reports", id, count] as const,
};

function queueUrl(filters: TAlertFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `/api/alerts?${query}` : "/api/alerts";
}

/**
 * Open and acknowledged alerts, most severe then newest first (compareAlerts: the server lists by last seen, and
 * pushes keep this order). Kept fresh by `alert:upsert`, not polling.
 */
export const alertQueueQuery = (filters: TAlertFilters) =>
  queryOptions({
    queryKey: alertKeys.queue(filters),
    queryFn: async ({ signal }) => sortForQueue(await requestJson(queueUrl(filters), ZAlertList, { signal })),
    staleTime: Infinity,
    // upsertAlerts keeps unchanged alerts as they were; comparing thousands of them deeply on every push would not.
    structuralSharing: false,
  });

/**
 * One alert as last seen: seeded from the queue when it is there (no request), else read from the server (a link
 * to an alert that has left the queue); patched by pushes and actions after.
 */
export const alertItemQuery = (id: string, seed: TAlert | undefined) =>
  queryOptions({
    queryKey: alertKeys.item(id),
    queryFn: ({ signal }) => requestJson(`/api/alerts/${encodeURIComponent(id)}`, ZAlert, { signal }),
    ...(seed ? { initialData: seed } : {}),
    staleTime: Infinity,
  });

/** Puts newer copies of alerts into every cached queue (by its filters) and their item entries. */
export function patchAlertCaches(queryClient: QueryClient, alerts: TAlert | readonly TAlert[]): void {
  const batch = Array.isArray(alerts) ? alerts : [alerts as TAlert];
  if (batch.length === 0) return;
  for (const [key, list] of queryClient.getQueriesData<TAlert[]>({ queryKey: alertKeys.queues() })) {
    if (!list) continue;
    const filters = (key[2] ?? {}) as TAlertFilters;
    const next = upsertAlerts(list, batch, filters);
    if (next !== list) queryClient.setQueryData<TAlert[]>(key, next);
  }
  for (const alert of batch) {
    const itemKey = alertKeys.item(alert.id);
    const current = queryClient.getQueryData<TAlert>(itemKey);
    if (current && current.version <= alert.version) queryClient.setQueryData(itemKey, alert);
  }
}

/** The citizens' reports behind an alert; keyed by its count, so a report joining it (a pushed count) reads them again. */
export const alertReportsQuery = (alert: Pick<TAlert, "id" | "count">) =>
  queryOptions({
    queryKey: alertKeys.reports(alert.id, alert.count),
    queryFn: ({ signal }) => requestJson(`/api/alerts/${encodeURIComponent(alert.id)}/reports`, ZCitizenReportList, { signal }),
    staleTime: Infinity,
  });
