import { z } from "zod";
import { describe, expect, it } from "vitest";
import { canRetry, loadFailure } from "./load-failure";
import { ApiRequestError } from "./request-json";

describe("load failures", () => {
  it("says a missing incident once, without a retry that can only get the same 404", () => {
    const failure = loadFailure(new ApiRequestError(404, "No such incident"), "incident");
    expect(failure).toEqual({ title: "No such incident", detail: "It may have been removed, or the link is wrong.", canRetry: false });
    expect(failure.detail).not.toContain("No such incident");
  });

  it("offers a retry only for failures that can pass", () => {
    expect(canRetry(new TypeError("Failed to fetch"))).toBe(true);
    expect(canRetry(new ApiRequestError(503, "The database is unavailable"))).toBe(true);
    expect(canRetry(new ApiRequestError(429, "Too many requests"))).toBe(true);
    expect(canRetry(new ApiRequestError(403, "Your role is not allowed to do this."))).toBe(false);
    expect(canRetry(new ApiRequestError(400, "Invalid request"))).toBe(false);
    expect(canRetry(z.object({ id: z.string() }).safeParse({}).error)).toBe(false);
    expect(loadFailure(new ApiRequestError(500, "Something went wrong on the server"), "incident")).toEqual({
      title: "The incident could not be loaded",
      detail: "Something went wrong on the server",
      canRetry: true,
    });
  });
});
