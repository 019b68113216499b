/** What the crew reads when the phone cannot give or send a position. */
export const GEOLOCATION_PROBLEM = {
  unsupported: "This browser cannot share a position.",
  insecure: "Position sharing needs a secure (https) connection to CityNerve.",
  denied: "Location access is blocked for this site. Allow it in the browser's site settings, then turn sharing on again.",
  unavailable: "Your position is not available right now (no GPS fix). Still trying…",
  timeout: "Waiting for a GPS fix…",
} as const;

/** GeolocationPositionError codes (1 denied, 2 unavailable, 3 timeout). */
export function geolocationProblemOf(code: number): string {
  if (code === 1) return GEOLOCATION_PROBLEM.denied;
  if (code === 3) return GEOLOCATION_PROBLEM.timeout;
  return GEOLOCATION_PROBLEM.unavailable;
}
