"use client";

import { useQuery } from "@tanstack/react-query";
import { cityConfigQuery, cityEntitiesQuery } from "./city-queries";
import { indexEntities, type TEntityIndex } from "@/lib/city/entity-index";

/** The pack's entities indexed by id, from the one cached copy (null while loading). */
export function useEntityIndex(): TEntityIndex | null {
  const packId = useQuery(cityConfigQuery()).data?.packId;
  return useQuery({ ...cityEntitiesQuery(packId ?? ""), enabled: packId !== undefined, select: indexEntities }).data ?? null;
}
