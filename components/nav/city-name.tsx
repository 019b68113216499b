"use client";

import { useQuery } from "@tanstack/react-query";
import { cityConfigQuery } from "@/components/city/city-queries";

/** The city this deployment serves, beside the brand (shares the map page's cached query). */
export function CityName() {
  const config = useQuery(cityConfigQuery());
  const name = config.data?.manifest.name;
  if (!name) return null;
  return (
    <>
      <span className="top-bar__divider app-header__divider" aria-hidden="true" />
      <span className="top-bar__city app-header__city" title={name}>
        {name}
      </span>
    </>
  );
}
