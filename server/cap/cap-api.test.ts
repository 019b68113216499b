import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TApiKeyScope, ZIssuedApiKey } from "@/lib/contracts/api-keys";
import type { TAuditPage } from "@/lib/contracts/auth";
import { type TCapWarningList, ZCapFeed, ZCapWarningList } from "@/lib/contracts/cap-warnings";
import { DEMO_PASSWORD } from "@/server/auth/demo-users";
import { capFixture, oversizedCapMessage } from "@/test/fixtures/cap/cap-fixtures";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { socketOutcome, startTestApp, type TTestApp } from "@/test/fixtures/test-app";

/** The CAP routes for real: a partner pushes with a cap:write key, the control room reads and is pushed, admins manage feeds. */
describe.each(TEST_BACKENDS)("CAP routes ($kind)", (backend) => {
  let app: TTestApp;
  let cleanup: () => Promise<void>;
  let admin: string;
  let operator: string;
  let capKey: string;

  beforeAll(async () => {
    const opened = await backend.open();
    cleanup = opened.cleanup;
    app = await startTestApp({ db: opened.db, apiKeyMaxRequestsPerMinute: 10_000 });
    admin = await app.signIn("admin@citynerve.local", DEMO_PASSWORD);
    operator = await app.signIn("operator@citynerve.local", DEMO_PASSWORD);
    capKey = await issue("Met Office warnings", ["cap:write"]);
  });
  afterAll(async () => {
    await app?.close();
    await cleanup?.();
  });

  async function issue(name: string, scopes: TApiKeyScope[]): Promise<string> {
    const response = await app.request("/api/admin/api-keys", { cookie: admin, body: { name, scopes } });
    expect(response.status, response.text).toBe(201);
    return ZIssuedApiKey.parse(response.body).secret;
  }
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${app.origin}/api/cap/messages`, {
      method: "POST",
      headers: { "content-type": "application/cap+xml", authorization: `Bearer ${capKey}`, ...headers },
      body,
    });
  const activeIdentifiers = async () =>
    ZCapWarningList.parse((await app.request("/api/cap/warnings", { cookie: operator })).body).warnings.map((w) => w.identifier);

  it("stores a POSTed warning once, pushes the live set to operators, and audits it", async () => {
    const socket = app.socket(operator);
    expect(await socketOutcome(socket)).toEqual({ connected: true });
    const pushed: TCapWarningList[] = [];
    socket.on("cap:warnings", (list) => pushed.push(list));

    const first = await post(capFixture("severe-weather-alert"));
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ outcome: "stored", superseded: 0 });
    const again = await post(capFixture("severe-weather-alert"));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ outcome: "duplicate", superseded: 0 });
    expect(await activeIdentifiers()).toEqual(["MET-2026-12-03-0042"]);

    // A round trip on the same connection: what was pushed before it has arrived.
    await socket.emitWithAck("city:subscribe", { layers: [] });
    expect(pushed).toHaveLength(1);
    expect(pushed[0].warnings[0]).toMatchObject({ headline: "Amber warning: severe gales this afternoon", severity: "Severe" });
    socket.disconnect();

    const audit = (await app.request("/api/audit?limit=50&action=cap_warning.received", { cookie: admin })).body as TAuditPage;
    expect(audit.entries[0]).toMatchObject({ action: "cap_warning.received", actorEmail: null });
    expect(audit.entries[0].after).toMatchObject({ source: "Met Office warnings", msgType: "Alert" });
  });

  it("replaces a warning by its Update and drops it on Cancel", async () => {
    expect((await post(capFixture("severe-weather-update"), { "content-type": "application/xml; charset=utf-8" })).status).toBe(201);
    expect(await activeIdentifiers()).toEqual(["MET-2026-12-03-0043"]);
    expect((await post(capFixture("severe-weather-cancel"))).status).toBe(201);
    expect(await activeIdentifiers()).toEqual([]);
  });

  it.each([
    ["malformed XML", () => capFixture("malformed"), 400, /well-formed/],
    ["a DTD / entity bomb", () => capFixture("xml-bomb"), 400, /DOCTYPE/],
    ["an oversized message", () => oversizedCapMessage(), 413, /too large/],
  ])("refuses %s with a clear 4xx", async (_, body, status, error) => {
    const response = await post(body());
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error).toMatch(error);
  });

  it("refuses other content types, keys without cap:write, and sessions", async () => {
    expect((await post(capFixture("severe-weather-alert"), { "content-type": "application/json" })).status).toBe(415);
    const otherKey = await issue("NGSI reader", ["ngsi-ld:read"]);
    expect((await post(capFixture("severe-weather-alert"), { authorization: `Bearer ${otherKey}` })).status).toBe(403);
    const withSession = await fetch(`${app.origin}/api/cap/messages`, {
      method: "POST",
      headers: { "content-type": "application/cap+xml", cookie: admin, origin: app.origin },
      body: capFixture("severe-weather-alert"),
    });
    expect(withSession.status).toBe(401);
  });

  it("never answers a random body with a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (body) => {
        expect((await post(body)).status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });

  it("lets admins add and remove feeds, audited, once per URL", async () => {
    const created = await app.request("/api/cap/feeds", {
      cookie: admin,
      body: { name: "River Agency", url: "https://river.example.org/cap.atom" },
    });
    expect(created.status, created.text).toBe(201);
    const feed = ZCapFeed.parse(created.body);
    const twice = await app.request("/api/cap/feeds", {
      cookie: admin,
      body: { name: "Again", url: "https://river.example.org/cap.atom" },
    });
    expect(twice.status).toBe(409);
    expect((await app.request("/api/cap/feeds", { cookie: admin, body: { name: "Local file", url: "file:///etc/passwd" } })).status).toBe(
      400,
    );
    expect((await app.request("/api/cap/feeds", { cookie: admin })).body.feeds).toHaveLength(1);

    expect((await app.request(`/api/cap/feeds/${feed.id}/remove`, { cookie: admin, body: {} })).status).toBe(200);
    expect((await app.request("/api/cap/feeds", { cookie: admin })).body.feeds).toEqual([]);
    const audit = (await app.request("/api/audit?limit=200", { cookie: admin })).body as TAuditPage;
    expect(audit.entries.filter((e) => e.entityId === feed.id).map((e) => e.action)).toEqual(["cap_feed.removed", "cap_feed.added"]);
  });
});
