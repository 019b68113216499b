"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZRuleSetting, type TResetRuleRequest, type TRuleSetting } from "@/lib/contracts/rules";
import { requestJson } from "@/components/api/request-json";
import { ruleKeys } from "./rule-queries";
import { conflictRule, patchRule } from "./use-save-rule";

/** POST /api/rules/[id]/reset with the version this browser saw; like a save, success and 409 both patch the cache. */
export function useResetRule(ruleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TResetRuleRequest) =>
      requestJson(`/api/rules/${encodeURIComponent(ruleId)}/reset`, ZRuleSetting, { method: "POST", body: request }),
    onSuccess: (saved) => queryClient.setQueryData(ruleKeys.all, (list: TRuleSetting[] | undefined) => patchRule(list, saved)),
    onError: (error) => {
      const current = conflictRule(error);
      if (current) queryClient.setQueryData(ruleKeys.all, (list: TRuleSetting[] | undefined) => patchRule(list, current));
    },
  });
}
