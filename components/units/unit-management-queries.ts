import { useQueryClient } from "@tanstack/react-query";
import { useGuardedMutation } from "@/components/api/use-guarded-mutation";
import { ZResponderUnit, type TCreateUnitRequest, type TResponderUnit, type TUpdateUnitRequest } from "@/lib/contracts/units";
import { requestJson } from "@/components/api/request-json";
import { applyUnitChanges } from "@/components/dispatch/apply-unit-changes";
import { unitKeys } from "./unit-queries";

/** POST /api/units (admins and supervisors). */
export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: TCreateUnitRequest): Promise<TResponderUnit> => requestJson("/api/units", ZResponderUnit, { method: "POST", body }),
    onSuccess: (unit) => {
      applyUnitChanges(queryClient, [unit]);
      return queryClient.invalidateQueries({ queryKey: unitKeys.all });
    },
  });
}

/** PATCH /api/units/[id] with the version the form started from; a 409 carries the unit as it is now. */
export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: ({ id, change }: { id: string; change: TUpdateUnitRequest }): Promise<TResponderUnit> =>
      requestJson(`/api/units/${encodeURIComponent(id)}`, ZResponderUnit, { method: "PATCH", body: change }),
    onSuccess: (unit) => applyUnitChanges(queryClient, [unit]),
  });
}
