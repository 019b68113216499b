import { queryOptions } from "@tanstack/react-query";
import { ZCityConfigResponse } from "@/lib/contracts/city-api";
import { ZCityEntities, cityPackUrl } from "@/lib/contracts/city-pack";

const cityKeys = {
  all: ["city"] as const,
  config: () => ["city", "config"] as const,
  entities: (packId: string) => ["city", packId, "entities"] as const,
};

async function fetchJson(url: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { signal, headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
  return response.json();
}

/** Which city this deployment shows, and its manifest (centre, bounds, attribution). */
export const cityConfigQuery = () =>
  queryOptions({
    queryKey: cityKeys.config(),
    queryFn: async ({ signal }) => ZCityConfigResponse.parse(await fetchJson("/api/city", signal)),
    staleTime: Infinity,
  });

/** The pack's static assets (road segments, lots, bins, grid, stations, units). */
export const cityEntitiesQuery = (packId: string) =>
  queryOptions({
    queryKey: cityKeys.entities(packId),
    queryFn: async ({ signal }) => ZCityEntities.parse(await fetchJson(cityPackUrl(packId, "entities.json"), signal)),
    staleTime: Infinity,
  });
