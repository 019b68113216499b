import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { useGuardedMutation } from "@/components/api/use-guarded-mutation";
import { ZHandover, ZHandoverDraft, ZHandoverList, ZPendingHandover, type THandover } from "@/lib/contracts/history";
import { requestJson } from "@/components/api/request-json";

const RECENT_HANDOVERS = 20;

export const handoverKeys = {
  all: ["handover"] as const,
  draft: () => ["handover", "draft"] as const,
  recent: () => ["handover", "recent"] as const,
  pending: () => ["handover", "pending"] as const,
};

/** The shift so far and a pre-filled note (rebuilt on every load: the city keeps changing). */
export const handoverDraftQuery = () =>
  queryOptions({
    queryKey: handoverKeys.draft(),
    queryFn: ({ signal }) => requestJson("/api/handover/draft", ZHandoverDraft, { signal }),
    staleTime: 0,
    refetchOnWindowFocus: false,
  });

export const recentHandoversQuery = () =>
  queryOptions({
    queryKey: handoverKeys.recent(),
    queryFn: ({ signal }) => requestJson(`/api/handover?limit=${RECENT_HANDOVERS}`, ZHandoverList, { signal }),
    staleTime: 30_000,
  });

/** A handover written while this user is signed in shows up within minutes, or when they come back to the tab. */
export const pendingHandoverQuery = () =>
  queryOptions({
    queryKey: handoverKeys.pending(),
    queryFn: ({ signal }) => requestJson("/api/handover/pending", ZPendingHandover, { signal }),
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
    refetchOnWindowFocus: true,
  });

/** "I have read this": the server records it once, however often it is sent. */
export function useConfirmHandover() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (id: string) => requestJson(`/api/handover/${encodeURIComponent(id)}/confirm`, ZHandover, { method: "POST" }),
    onSuccess: (confirmed: THandover) => {
      queryClient.setQueryData<THandover[]>(handoverKeys.recent(), (list) => list?.map((h) => (h.id === confirmed.id ? confirmed : h)));
      void queryClient.invalidateQueries({ queryKey: handoverKeys.pending() });
    },
  });
}
