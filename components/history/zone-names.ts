/** The nine zones alerts and incidents are placed in (a 3×3 grid over the city, server/incidents/zones.ts). */
export const ZONE_NAMES = ["North-West", "North", "North-East", "West", "Central", "East", "South-West", "South", "South-East"] as const;
