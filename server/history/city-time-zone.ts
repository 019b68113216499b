/**
 * The city's clock, for "hour of day" figures. Read here until it moves into server/env.ts with the
 * other validated settings; a route file cannot export it (Next allows only route fields there).
 */
export const CITY_TIME_ZONE = process.env.CITY_TIME_ZONE ?? "America/Detroit";
