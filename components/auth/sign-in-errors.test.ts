import { describe, expect, it } from "vitest";
import { describeSignInError, formatWait, readRetryAfter } from "./sign-in-errors";

describe("describeSignInError during a database outage", () => {
  it("says sign-in is unavailable, not that the password is wrong, and when to retry", () => {
    expect(describeSignInError(503, 5)).toBe("Sign-in is unavailable: the server cannot reach its database. Try again in 5 seconds.");
    expect(describeSignInError(503, null)).toContain("unavailable");
  });
});

describe("sign-in errors", () => {
  it("tells how long to wait when rate limited", () => {
    expect(describeSignInError(429, 42)).toBe("Too many sign-in attempts. Try again in 42 seconds.");
    expect(describeSignInError(429, 90)).toBe("Too many sign-in attempts. Try again in 2 minutes.");
    expect(describeSignInError(429, null)).toBe("Too many sign-in attempts. Try again in a minute.");
  });

  it("does not reveal whether the email exists", () => {
    expect(describeSignInError(401, null)).toBe("Wrong email or password.");
  });

  it("formats waits", () => {
    expect(formatWait(1)).toBe("1 second");
    expect(formatWait(60)).toBe("1 minute");
  });

  it("reads Retry-After and better-auth's X-Retry-After", () => {
    expect(readRetryAfter(new Headers({ "Retry-After": "12" }))).toBe(12);
    expect(readRetryAfter(new Headers({ "X-Retry-After": "7" }))).toBe(7);
    expect(readRetryAfter(new Headers())).toBeNull();
    const inTenSeconds = new Date(Date.now() + 10_500).toUTCString();
    expect(readRetryAfter(new Headers({ "Retry-After": inTenSeconds }))).toBeGreaterThanOrEqual(9);
  });
});
