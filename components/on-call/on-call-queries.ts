import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { requestJson } from "@/components/api/request-json";
import { useGuardedMutation } from "@/components/api/use-guarded-mutation";
import {
  type TCreatePolicyRequest,
  type TCreateRotaRequest,
  ZAlertEscalation,
  ZOnCallOverview,
  ZPolicy,
  ZRota,
} from "@/lib/contracts/on-call";

/** Who is on call changes at handovers: read again each minute so "now" and "next" stay true on an open page. */
const ON_CALL_REFRESH_MS = 60_000;

/** GET /api/on-call: rotas, policies and the people they can name. */
export const onCallQuery = () =>
  queryOptions({
    queryKey: ["on-call"] as const,
    queryFn: ({ signal }) => requestJson("/api/on-call", ZOnCallOverview, { signal }),
    refetchInterval: ON_CALL_REFRESH_MS,
  });

/** GET /api/alerts/[id]/escalation: the drawer's escalation timeline; steps run minutes apart, so a slow refresh is enough. */
export const alertEscalationQuery = (alertId: string) =>
  queryOptions({
    queryKey: ["alerts", alertId, "escalation"] as const,
    queryFn: ({ signal }) => requestJson(`/api/alerts/${encodeURIComponent(alertId)}/escalation`, ZAlertEscalation, { signal }),
    refetchInterval: 15_000,
  });

const ZRemoved = z.object({ removed: z.literal(true) });

function useOnCallMutation<TVariables, TResult>(mutationFn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useGuardedMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: onCallQuery().queryKey }) });
}

export const useCreateRota = () =>
  useOnCallMutation((body: TCreateRotaRequest) => requestJson("/api/on-call/rotas", ZRota, { method: "POST", body }));

export const useRemoveRota = () =>
  useOnCallMutation((id: string) =>
    requestJson(`/api/on-call/rotas/${encodeURIComponent(id)}/remove`, ZRemoved, { method: "POST", body: {} }),
  );

export const useCreatePolicy = () =>
  useOnCallMutation((body: TCreatePolicyRequest) => requestJson("/api/on-call/policies", ZPolicy, { method: "POST", body }));

export const useRemovePolicy = () =>
  useOnCallMutation((id: string) =>
    requestJson(`/api/on-call/policies/${encodeURIComponent(id)}/remove`, ZRemoved, { method: "POST", body: {} }),
  );
