import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "@/components/api/request-json";
import { useGuardedMutation } from "@/components/api/use-guarded-mutation";
import { type TCreateSilenceRequest, type TSilence, ZSilence, ZSilenceList } from "@/lib/contracts/silences";

/** Silences are not pushed (they change rarely); read again this often so expiry notices and lists stay current. */
const SILENCES_REFRESH_MS = 60_000;

/** GET /api/silences: active, upcoming and recently ended (every operations role reads it). */
export const silencesQuery = () =>
  queryOptions({
    queryKey: ["silences"] as const,
    queryFn: ({ signal }) => requestJson("/api/silences", ZSilenceList, { signal }),
    refetchInterval: SILENCES_REFRESH_MS,
  });

export function useCreateSilence() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: TCreateSilenceRequest): Promise<TSilence> => requestJson("/api/silences", ZSilence, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: silencesQuery().queryKey }),
  });
}

export function useCancelSilence() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (id: string): Promise<TSilence> =>
      requestJson(`/api/silences/${encodeURIComponent(id)}/cancel`, ZSilence, { method: "POST", body: {} }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: silencesQuery().queryKey }),
  });
}
