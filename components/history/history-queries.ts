import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { ZAlertHistoryPage, ZIncidentHistoryPage } from "@/lib/contracts/history";
import { requestJson } from "@/components/api/request-json";
import { dispatchRecordsQuery } from "@/components/dispatch/dispatch-queries";
import { unitsQuery } from "@/components/units/unit-queries";
import { historyApiUrl, type TAlertHistoryView, type TIncidentHistoryView } from "./history-filters";

export const historyKeys = {
  all: ["history"] as const,
  /** A page, by the API URL it is read from (filters, sort and cursor are in it). */
  incidents: (apiUrl: string) => ["history", "incidents", apiUrl] as const,
  alerts: (apiUrl: string) => ["history", "alerts", apiUrl] as const,
  points: (kind: string, from: string, to: string) => ["history", "points", kind, from, to] as const,
};

/** One keyset page of incidents; the previous page stays on screen while the next one loads. */
export const incidentHistoryQuery = (view: TIncidentHistoryView) =>
  queryOptions({
    queryKey: historyKeys.incidents(historyApiUrl(view)),
    queryFn: ({ signal }) => requestJson(historyApiUrl(view), ZIncidentHistoryPage, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export const alertHistoryQuery = (view: TAlertHistoryView) =>
  queryOptions({
    queryKey: historyKeys.alerts(historyApiUrl(view)),
    queryFn: ({ signal }) => requestJson(historyApiUrl(view), ZAlertHistoryPage, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

/** Every unit that may have served an incident: the unit filter's choices, from the one cached unit list. */
export const unitChoicesQuery = () =>
  queryOptions({
    ...unitsQuery(),
    select: (list) =>
      list.units.map((u) => ({ id: u.id, label: `${u.callSign} (${u.type})` })).sort((a, b) => a.label.localeCompare(b.label)),
    staleTime: 5 * 60_000,
  });

/** The units sent to one incident, with their times: the dispatch panel's cache entry, re-read after 30 s here. */
export const incidentDispatchesQuery = (incidentId: string) => queryOptions({ ...dispatchRecordsQuery(incidentId), staleTime: 30_000 });
