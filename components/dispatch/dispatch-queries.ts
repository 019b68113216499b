import { queryOptions } from "@tanstack/react-query";
import { ZIncidentDispatches, ZRecommendation } from "@/lib/contracts/units";
import { requestJson } from "@/components/api/request-json";

export const dispatchKeys = {
  all: ["dispatch"] as const,
  recommendations: () => ["dispatch", "recommendation"] as const,
  recommendation: (incidentId: string) => ["dispatch", "recommendation", incidentId] as const,
  dispatches: (incidentId: string) => ["dispatch", "dispatches", incidentId] as const,
};

const incidentUrl = (incidentId: string, tail: string) => `/api/incidents/${encodeURIComponent(incidentId)}/${tail}`;

/** Available units of suitable types, fastest first. ETAs follow live traffic, so it is refetched when reopened. */
export const recommendationQuery = (incidentId: string) =>
  queryOptions({
    queryKey: dispatchKeys.recommendation(incidentId),
    queryFn: ({ signal }) => requestJson(incidentUrl(incidentId, "recommendation"), ZRecommendation, { signal }),
    staleTime: 0,
  });

/**
 * The units sent to the incident, the answer as it is (ZIncidentDispatches): one cache entry per incident,
 * read by the dispatch panel and the history's incident record; refetched when `unit:upsert` or
 * `incident:upsert` touches it.
 */
export const dispatchRecordsQuery = (incidentId: string) =>
  queryOptions({
    queryKey: dispatchKeys.dispatches(incidentId),
    queryFn: ({ signal }) => requestJson(incidentUrl(incidentId, "dispatches"), ZIncidentDispatches, { signal }),
    staleTime: Infinity,
  });

/** The dispatch panel's view of it: the dispatches alone. */
export const dispatchesQuery = (incidentId: string) =>
  queryOptions({ ...dispatchRecordsQuery(incidentId), select: (body) => body.dispatches });
