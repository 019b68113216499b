import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ZCurrentUser } from "@/lib/contracts/auth";
import { DEMO_PASSWORD } from "@/server/auth/demo-users";
import { createDatabase, IN_MEMORY_DATA_DIR, type TDatabase } from "@/server/db/client";
import { createTestPostgres, type TTestPostgres } from "@/test/fixtures/test-databases";
import { startTestApp, type TTestApp } from "@/test/fixtures/test-app";
import { defineRoute, type TRouteHandler, withStatus } from "./define-route";

/**
 * The response contract: what a handler returns is parsed with the route's `response` schema before it is
 * sent. Fields the contract does not name never leave the server; an answer that does not fit is a
 * generic 500 (details in the server log only), never a half-right body for the client to trip over.
 * The routes below are built here and called the way Next calls them, behind a real session.
 */
const ZThing = z.object({ id: z.string(), name: z.string(), seenAt: z.iso.datetime() });
const SEEN_AT = "2026-11-24T08:00:00.000Z";
/** What a database row looks like next to the contract: one field the client must never see. */
const ROW = { id: "thing-1", name: "Bin 4", seenAt: SEEN_AT, passwordHash: "$argon2id$secret" };
const GENERIC_500 = { error: "Something went wrong on the server" };

let database: TTestPostgres;
let db: TDatabase;
let app: TTestApp;
let cookie: string;

beforeAll(async () => {
  database = await createTestPostgres();
  db = await createDatabase({ databaseUrl: database.url, dataDir: IN_MEMORY_DATA_DIR });
  app = await startTestApp({ db });
  cookie = await app.signIn("operator@citynerve.local", DEMO_PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  await database?.drop();
});

async function call(handler: TRouteHandler, method = "GET"): Promise<{ status: number; body: unknown; text: string }> {
  const headers: Record<string, string> = { cookie };
  if (method !== "GET") headers.origin = app.origin;
  const response = await handler(new Request(`${app.origin}/api/things/thing-1`, { method, headers }), { params: Promise.resolve({}) });
  const text = await response.text();
  const isJson = response.headers.get("content-type")?.includes("json") ?? false;
  return { status: response.status, body: isJson ? JSON.parse(text) : undefined, text };
}

describe("defineRoute's response contract", () => {
  it("sends only the fields the contract names", async () => {
    const route = defineRoute({ roles: ["operator"], response: ZThing }, async () => ROW);
    const answer = await call(route);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ id: "thing-1", name: "Bin 4", seenAt: SEEN_AT });
    expect(answer.text).not.toContain("passwordHash");
    expect(answer.text).not.toContain("argon2id");
  });

  it("applies the contract to an answer with another status (withStatus), and keeps the status", async () => {
    const route = defineRoute({ roles: ["operator"], response: ZThing }, async () => withStatus(ROW, 201));
    const answer = await call(route, "POST");
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ id: "thing-1", name: "Bin 4", seenAt: SEEN_AT });
  });

  it("answers a generic 500 when the handler's answer does not fit the contract, and logs why", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // A Date where the contract says ISO string, and a name missing: caught by the types as well as at run time.
      const wrong = { id: "thing-1", seenAt: new Date(SEEN_AT), passwordHash: "$argon2id$secret" };
      // @ts-expect-error the answer does not match ZThing's input type
      const route = defineRoute({ roles: ["operator"], response: ZThing }, async () => wrong);
      const answer = await call(route);
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual(GENERIC_500);
      for (const detail of ["name", "seenAt", "thing-1", "argon2id", "invalid", "expected"]) expect(answer.text).not.toContain(detail);
      expect(logged).toHaveBeenCalledTimes(1);
      expect(String(logged.mock.calls[0][1])).toContain("seenAt");
    } finally {
      logged.mockRestore();
    }
  });

  it("passes a Response the handler builds as it is (a download, a 204)", async () => {
    const csv = defineRoute(
      { roles: ["operator"], response: ZThing },
      async () => new Response("id,name\n", { headers: { "Content-Type": "text/csv" } }),
    );
    expect(await call(csv)).toMatchObject({ status: 200, text: "id,name\n" });
    const empty = defineRoute({ roles: ["operator"], response: ZThing }, async () => new Response(null, { status: 204 }));
    expect(await call(empty, "POST")).toMatchObject({ status: 204, text: "" });
  });

  it("applies a real route's contract: /api/me answers ZCurrentUser's fields and nothing else", async () => {
    const me = await app.request("/api/me", { cookie });
    expect(me.status).toBe(200);
    expect(Object.keys(me.body).sort()).toEqual(Object.keys(ZCurrentUser.shape).sort());
  });
});
