"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useGuardedMutation } from "@/components/api/use-guarded-mutation";
import { ZRuleSetting, type TRuleSetting, type TUpdateRuleRequest } from "@/lib/contracts/rules";
import { ApiRequestError, requestJson } from "@/components/api/request-json";
import { ruleKeys } from "./rule-queries";

export function patchRule(list: TRuleSetting[] | undefined, setting: TRuleSetting): TRuleSetting[] | undefined {
  return list?.map((s) => (s.rule.id === setting.rule.id ? setting : s));
}

/** The rule as it stands after a 409 (someone else saved first), when the answer carries it. */
export function conflictRule(error: unknown): TRuleSetting | null {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return null;
  const parsed = ZRuleSetting.safeParse((error.body as { current?: unknown } | null)?.current);
  return parsed.success ? parsed.data : null;
}

/** PUT /api/rules/[id] with the version this browser saw; success and 409 both put the winning rule in the cache. */
export function useSaveRule(ruleId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (request: TUpdateRuleRequest) =>
      requestJson(`/api/rules/${encodeURIComponent(ruleId)}`, ZRuleSetting, { method: "PUT", body: request }),
    onSuccess: (saved) => queryClient.setQueryData(ruleKeys.all, (list: TRuleSetting[] | undefined) => patchRule(list, saved)),
    onError: (error) => {
      const current = conflictRule(error);
      if (current) queryClient.setQueryData(ruleKeys.all, (list: TRuleSetting[] | undefined) => patchRule(list, current));
    },
  });
}
