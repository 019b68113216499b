import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { alertKeys } from "@/components/alerts/alert-queries";
import { incidentKeys } from "@/components/incidents/incident-queries";
import { unitKeys } from "@/components/units/unit-queries";
import { resyncOperationsCaches } from "./resync-operations-caches";

describe("resyncOperationsCaches", () => {
  it("marks every socket-fed cache stale, an open drawer's alert included, and nothing else", () => {
    const queryClient = new QueryClient();
    const keys = {
      queue: alertKeys.queue({}),
      drawerAlert: alertKeys.item("alert-1"),
      reports: alertKeys.reports("alert-1", 2),
      incidents: incidentKeys.all,
      units: unitKeys.all,
      unrelated: ["city", "config"] as const,
    };
    for (const queryKey of Object.values(keys)) queryClient.setQueryData(queryKey, { cached: true });

    resyncOperationsCaches(queryClient);

    const invalidated = Object.fromEntries(
      Object.entries(keys).map(([name, queryKey]) => [name, queryClient.getQueryState(queryKey)?.isInvalidated]),
    );
    expect(invalidated).toEqual({ queue: true, drawerAlert: true, reports: true, incidents: true, units: true, unrelated: false });
  });
});
