import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { ZUnitList, type TResponderUnit, type TUnitList } from "@/lib/contracts/units";
import { requestJson } from "@/components/api/request-json";
import { upsertUnits } from "./unit-cache";

export const unitKeys = {
  all: ["units"] as const,
};

/** Every unit with its status; kept fresh by `unit:upsert`, not polling. */
export const unitsQuery = () =>
  queryOptions({
    queryKey: unitKeys.all,
    queryFn: ({ signal }) => requestJson("/api/units", ZUnitList, { signal }),
    staleTime: Infinity,
  });

/** Newer copies of units into the cached list; returns what the cache held for them before. */
export function patchUnitCache(queryClient: QueryClient, units: readonly TResponderUnit[]): Map<string, TResponderUnit> {
  const list = queryClient.getQueryData<TUnitList>(unitKeys.all);
  const before = new Map<string, TResponderUnit>();
  if (!list) return before;
  for (const unit of units) {
    const previous = list.units.find((item) => item.id === unit.id);
    if (previous) before.set(unit.id, previous);
  }
  queryClient.setQueryData<TUnitList>(unitKeys.all, upsertUnits(list, units));
  return before;
}
