"use client";

import { useQuery } from "@tanstack/react-query";
import { cityConfigQuery } from "@/components/city/city-queries";
import styles from "./city-name.module.css";

/** The city this deployment serves, beside the brand in the app header (shares the map page's cached query). */
export function CityName() {
  const config = useQuery(cityConfigQuery());
  const name = config.data?.manifest.name;
  if (!name) return null;
  return (
    <>
      <span className={styles.divider} aria-hidden="true" />
      <span className={styles.city} title={name} data-slot="city-name">
        {name}
      </span>
    </>
  );
}
