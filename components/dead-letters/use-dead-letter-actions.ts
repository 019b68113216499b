"use client";

import { useQueryClient } from "@tanstack/react-query";
import { ZDeadLetterActionResult, type THandleDeadLettersRequest } from "@/lib/contracts/dead-letters";
import { requestJson } from "@/components/api/request-json";
import { useGuardedMutation } from "@/components/api/use-guarded-mutation";
import { deadLetterKeys } from "./dead-letter-queries";

/** Replay and mark handled: one request per click (guarded), then the list, counts and filters read again. */
export function useDeadLetterActions() {
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: deadLetterKeys.all });
  const replay = useGuardedMutation({
    mutationFn: (ids: string[]) => requestJson("/api/dead-letters/replay", ZDeadLetterActionResult, { method: "POST", body: { ids } }),
    onSettled,
  });
  const handle = useGuardedMutation({
    mutationFn: (request: THandleDeadLettersRequest) =>
      requestJson("/api/dead-letters/handle", ZDeadLetterActionResult, { method: "POST", body: request }),
    onSettled,
  });
  return { replay, handle };
}
