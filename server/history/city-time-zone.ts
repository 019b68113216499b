import { cityTimeZoneFrom } from "@/server/env";

/** The city's clock, for "hour of day" figures (CITY_TIME_ZONE, validated like every other setting). */
export const CITY_TIME_ZONE = cityTimeZoneFrom(process.env);
