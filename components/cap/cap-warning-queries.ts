import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { type TCapWarningList, ZCapWarningList } from "@/lib/contracts/cap-warnings";
import { requestJson } from "@/components/api/request-json";

export const capWarningKeys = { active: ["cap-warnings", "active"] as const };

/** Other agencies' active warnings, replaced whole by each `cap:warnings` push rather than polled. */
export const activeCapWarningsQuery = () =>
  queryOptions({
    queryKey: capWarningKeys.active,
    queryFn: ({ signal }) => requestJson("/api/cap/warnings", ZCapWarningList, { signal }),
    staleTime: Infinity,
  });

export function setActiveCapWarnings(queryClient: QueryClient, list: TCapWarningList): void {
  queryClient.setQueryData(capWarningKeys.active, list);
}
