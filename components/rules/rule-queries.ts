import { queryOptions } from "@tanstack/react-query";
import { ZRuleSettingList } from "@/lib/contracts/rules";
import { requestJson } from "@/components/api/request-json";

export const ruleKeys = { all: ["rules"] as const };

/** GET /api/rules: every rule in force with its version; a save patches the entry it answers. */
export const rulesQuery = () =>
  queryOptions({
    queryKey: ruleKeys.all,
    queryFn: ({ signal }) => requestJson("/api/rules", ZRuleSettingList, { signal }),
  });
