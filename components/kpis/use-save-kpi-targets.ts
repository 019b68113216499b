"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useGuardedMutation } from "@/components/api/use-guarded-mutation";
import { ZKpiTargets, type TKpiTargets } from "@/lib/contracts/history";
import { requestJson } from "@/components/api/request-json";
import { kpiKeys } from "./kpi-queries";

/** PUT /api/history/kpi-targets; the within-target shares of every loaded report change with it. */
export function useSaveKpiTargets() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (request: TKpiTargets) => requestJson("/api/history/kpi-targets", ZKpiTargets, { method: "PUT", body: request }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(kpiKeys.targets, saved);
      await queryClient.invalidateQueries({ queryKey: kpiKeys.reports });
    },
  });
}
