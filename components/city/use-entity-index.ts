"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import { cityConfigQuery, cityEntitiesQuery } from "./city-queries";
import { indexEntities, type TEntityIndex } from "@/lib/city/entity-index";

/** The pack's entities indexed by id, from the one cached copy (null while loading). */
export function useEntityIndex(): TEntityIndex | null {
  const config = useQuery(cityConfigQuery()).data;
  const domains = config?.domains;
  const select = useCallback((entities: TCityEntities) => indexEntities(entities, domains), [domains]);
  return useQuery({ ...cityEntitiesQuery(config?.packId ?? ""), enabled: config !== undefined, select }).data ?? null;
}
