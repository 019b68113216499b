"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { cityConfigQuery } from "@/components/city/city-queries";
import { domainCatalog, type TDomainCatalog } from "@/lib/domains/domain-catalog";

/**
 * Every domain this city knows, built-in and declared (their definitions come with GET /api/city): the
 * choices of every domain filter and picker, and the labels. Until the config has loaded, the built-in five.
 */
export function useDomainCatalog(): TDomainCatalog {
  const definitions = useQuery(cityConfigQuery()).data?.domains;
  return useMemo(() => domainCatalog(definitions), [definitions]);
}
