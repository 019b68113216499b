import { onlineManager } from "@tanstack/react-query";
import { ApiRequestError } from "@/components/api/request-json";
import { ZApiError } from "@/lib/contracts/auth";
import { ZFieldPositionRequest, type TFieldPositionRequest } from "@/lib/contracts/units";

/** The browser's reading as the contract wants it (the API gives NaN or null for unknown heading/speed). */
export function positionRequestOf(coords: GeolocationCoordinates): TFieldPositionRequest | null {
  const known = (value: number | null) => (value === null || Number.isNaN(value) ? null : value);
  const parsed = ZFieldPositionRequest.safeParse({
    location: [coords.longitude, coords.latitude],
    accuracyM: Math.min(coords.accuracy, 100_000),
    heading: known(coords.heading),
    speedMps: known(coords.speed),
  });
  return parsed.success ? parsed.data : null;
}

/**
 * One position to the server. Not queued while offline: a stale position is worse than none.
 * Resolves to whether it was sent.
 */
export async function sendPosition(position: TFieldPositionRequest): Promise<boolean> {
  if (!onlineManager.isOnline()) return false;
  const response = await fetch("/api/field/position", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(position),
    cache: "no-store",
  });
  if (!response.ok) {
    const body = ZApiError.safeParse(await response.json().catch(() => null));
    throw new ApiRequestError(response.status, body.success ? body.data.error : `the server answered ${response.status}`);
  }
  return true;
}
