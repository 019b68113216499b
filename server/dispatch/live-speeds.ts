import type { CityState } from "@/server/city/city-state";

/** The speed the traffic layer last reported for a segment (km/h), or undefined before its first reading. */
export function liveSpeeds(cityState: CityState): (segmentId: string) => number | undefined {
  return (segmentId) => cityState.latest("traffic", segmentId)?.averageVehicleSpeed;
}
