import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { ZAlertHistoryPage, ZIncidentHistoryPage } from "@/lib/contracts/history";
import { ZIncidentDispatches, ZUnitList } from "@/lib/contracts/units";
import { requestJson } from "@/components/api/request-json";
import { historyApiUrl, type TAlertHistoryView, type TIncidentHistoryView } from "./history-filters";

/** One keyset page of incidents; the previous page stays on screen while the next one loads. */
export const incidentHistoryQuery = (view: TIncidentHistoryView) =>
  queryOptions({
    queryKey: ["history", "incidents", historyApiUrl(view)] as const,
    queryFn: ({ signal }) => requestJson(historyApiUrl(view), ZIncidentHistoryPage, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export const alertHistoryQuery = (view: TAlertHistoryView) =>
  queryOptions({
    queryKey: ["history", "alerts", historyApiUrl(view)] as const,
    queryFn: ({ signal }) => requestJson(historyApiUrl(view), ZAlertHistoryPage, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

/** Every unit that may have served an incident: the unit filter's choices. */
export const unitChoicesQuery = () =>
  queryOptions({
    queryKey: ["units", "choices"] as const,
    queryFn: ({ signal }) => requestJson("/api/units", ZUnitList, { signal }),
    select: (list) => list.units.map((u) => ({ id: u.id, label: `${u.callSign} (${u.type})` })).sort((a, b) => a.label.localeCompare(b.label)),
    staleTime: 5 * 60_000,
  });

/** The units sent to one incident, with their times. */
export const incidentDispatchesQuery = (incidentId: string) =>
  queryOptions({
    queryKey: ["incidents", "dispatches", incidentId] as const,
    queryFn: ({ signal }) => requestJson(`/api/incidents/${encodeURIComponent(incidentId)}/dispatches`, ZIncidentDispatches, { signal }),
    staleTime: 30_000,
  });
