"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import type { TDomainDefinition } from "@/lib/contracts/domain-definition";
import { cityConfigQuery, cityEntitiesQuery } from "./city-queries";
import { indexEntities, type TEntityIndex } from "@/lib/city/entity-index";

const NO_DOMAINS: readonly TDomainDefinition[] = [];
const indexes = new WeakMap<TCityEntities, WeakMap<readonly TDomainDefinition[], TEntityIndex>>();

/**
 * One index per loaded pack (and domain list), however many components ask: each query observer runs its own
 * `select`, and a metro's index (100,000 entities in maps) built once per alert row took seconds and hundreds of MB.
 */
export function entityIndexOf(entities: TCityEntities, domains: readonly TDomainDefinition[] | undefined): TEntityIndex {
  let byDomains = indexes.get(entities);
  if (!byDomains) indexes.set(entities, (byDomains = new WeakMap()));
  const key = domains ?? NO_DOMAINS;
  let index = byDomains.get(key);
  if (!index) byDomains.set(key, (index = indexEntities(entities, domains)));
  return index;
}

/** The pack's entities indexed by id, from the one cached copy (null while loading). */
export function useEntityIndex(): TEntityIndex | null {
  const config = useQuery(cityConfigQuery()).data;
  const domains = config?.domains;
  const select = useCallback((entities: TCityEntities) => entityIndexOf(entities, domains), [domains]);
  return useQuery({ ...cityEntitiesQuery(config?.packId ?? ""), enabled: config !== undefined, select }).data ?? null;
}
