"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import { cityConfigQuery, cityEntitiesQuery } from "@/components/city/city-queries";
import { entityCounts } from "@/lib/city/entity-index";
import { entityIndexOf } from "@/components/city/use-entity-index";
import type { TMapHandles } from "@/components/map/city-map";
import type { TCityConfigResponse } from "@/lib/contracts/city-api";
import { markFirstRender } from "@/components/map/first-render-marks";
import { indexTiles } from "@/lib/live/tile-index";
import { entitySlotsOf } from "@/lib/wire/entity-slots";

function errorMessage(error: unknown): string | null {
  if (!error) return null;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Everything the map needs before it can show the city: the city's config, its entities (indexed),
 * the map itself; what is still loading, what failed, and a retry that starts all three again.
 * `initialConfig` (rendered by the server into the page) spares the GET /api/city before the map can start.
 */
export function useCityMapLoad(initialConfig: TCityConfigResponse | null = null) {
  const config = useQuery({ ...cityConfigQuery(), initialData: initialConfig ?? undefined });
  const packId = config.data?.packId;
  const entities = useQuery({ ...cityEntitiesQuery(packId ?? ""), enabled: packId !== undefined });
  const domains = config.data?.domains;
  // The same index object the alert rows and place names use (use-entity-index.ts), not a copy of its own.
  const index = useMemo(() => (entities.data ? entityIndexOf(entities.data, domains) : null), [entities.data, domains]);
  // Which tile holds each entity: what the map draws for a view, and what leaves memory when it moves.
  const tiles = useMemo(() => (index ? indexTiles(index.entities, index.declaredDomains) : null), [index]);
  useEffect(() => {
    if (index) markFirstRender("entities-indexed");
  }, [index]);
  // Entities by their slot in the pack: what lets the server send deltas as columns.
  const slots = useMemo(() => (entities.data ? entitySlotsOf(entities.data) : null), [entities.data]);
  const totals = useMemo(() => (entities.data ? entityCounts(entities.data) : null), [entities.data]);

  const [handles, setHandles] = useState<TMapHandles | null>(null);
  const [mapError, setMapError] = useState<string | null>(null);
  /** Remounts the map on retry. */
  const [mapAttempt, setMapAttempt] = useState(0);

  const onMapError = useCallback((message: string) => setMapError(message), []);
  const onStyleLoaded = useCallback((next: TMapHandles) => setHandles(next), []);

  const retry = () => {
    setMapError(null);
    setHandles(null);
    setMapAttempt((n) => n + 1);
    void config.refetch();
    if (packId !== undefined) void entities.refetch();
  };

  const error = errorMessage(config.error) ?? errorMessage(entities.error) ?? mapError;
  const loading = config.isPending
    ? "Loading city…"
    : entities.isPending
      ? "Loading city assets…"
      : handles === null
        ? "Loading map…"
        : null;

  return { config: config.data, index, tiles, slots, totals, handles, mapAttempt, onMapError, onStyleLoaded, retry, error, loading };
}
