import { describe, expect, it } from "vitest";
import { z } from "zod";
import { findAppFiles } from "@/test/fixtures/app-routes";

/**
 * Every signed-in route (defineRoute) that answers JSON declares its answer's contract, the schema its
 * client parses with; only these answer something else on purpose.
 */
const NOT_JSON = new Set([
  "GET /api/alerts/[id]/cap", // CAP 1.2 XML
  "GET /api/history/incidents/export", // streamed CSV or GeoJSON download
  "POST /api/field/position", // 204, no body
]);

describe("response contracts", () => {
  it("every defineRoute answering JSON has a response schema", async () => {
    const seen: string[] = [];
    for (const { pattern, file } of await findAppFiles("route.ts")) {
      const module = (await import(file)) as Record<string, unknown>;
      for (const [method, handler] of Object.entries(module)) {
        if (typeof handler !== "function" || !("access" in handler)) continue; // public routes are not defineRoute
        const name = `${method} ${pattern}`;
        seen.push(name);
        const { response } = handler as { response?: unknown };
        if (NOT_JSON.has(name)) expect(response, `${name} answers no JSON`).toBeUndefined();
        else expect(response, `${name} needs a response schema`).toBeInstanceOf(z.ZodType);
      }
    }
    for (const name of NOT_JSON) expect(seen).toContain(name);
  });
});
