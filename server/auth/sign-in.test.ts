import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAuditPage } from "@/lib/contracts/auth";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { sessionCookie, startTestApp, type TTestApp } from "@/test/fixtures/test-app";
import { DEMO_PASSWORD } from "./demo-users";

const SIGN_IN = "/api/auth/sign-in/email";

describe.each(TEST_BACKENDS)("sign-in and sign-out ($kind)", (backend) => {
  let app: TTestApp;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const opened = await backend.open();
    cleanup = opened.cleanup;
    app = await startTestApp({ db: opened.db });
  });
  afterAll(async () => {
    await app?.close();
    await cleanup?.();
  });

  const latestAudit = async (action: string) => {
    const admin = await app.signIn("admin@citynerve.local", DEMO_PASSWORD);
    const page = (await app.request(`/api/audit?action=${action}&limit=1`, { cookie: admin })).body as TAuditPage;
    return page.entries[0];
  };

  it("sets an httpOnly, SameSite=Lax session cookie that lasts one shift (not Secure over http)", async () => {
    const response = await app.request(SIGN_IN, { body: { email: "supervisor@citynerve.local", password: DEMO_PASSWORD } });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("citynerve.session_token="))!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/; Secure/i);
    expect(cookie).toMatch(/; Max-Age=28800/);
    const session = await app.db.prisma.session.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(session.expiresAt.getTime() - Date.now()).toBeGreaterThan(8 * 3600_000 - 60_000);
  });

  it("audits a sign-in with the user and IP", async () => {
    const cookie = await app.signIn("operator@citynerve.local", DEMO_PASSWORD);
    const me = (await app.request("/api/me", { cookie })).body;
    const admin = await app.signIn("admin@citynerve.local", DEMO_PASSWORD);
    const page = (await app.request(`/api/audit?action=auth.signed_in&actor=OPERATOR@&limit=1`, { cookie: admin })).body as TAuditPage;
    expect(page.entries[0]).toMatchObject({
      actorId: me.id,
      actorEmail: "operator@citynerve.local",
      actorRole: "operator",
      ip: "127.0.0.1",
      entityType: "session",
      after: { method: "password" },
    });
  });

  it("audits a failed sign-in with the attempted email and never the password", async () => {
    const response = await app.request(SIGN_IN, { body: { email: "Field@CityNerve.local", password: "guess-number-one" } });
    expect(response.status).toBe(401);
    const entry = await latestAudit("auth.sign_in_failed");
    expect(entry).toMatchObject({ actorId: null, ip: "127.0.0.1", after: { email: "field@citynerve.local", status: 401 } });
    expect(JSON.stringify(entry)).not.toContain("guess-number-one");
  });

  it("signs out: the session ends and the sign-out is audited", async () => {
    const cookie = await app.signIn("field@citynerve.local", DEMO_PASSWORD);
    expect((await app.request("/api/me", { cookie })).status).toBe(200);
    const out = await app.request("/api/auth/sign-out", { cookie, body: {} });
    expect(out.status).toBe(200);
    expect((await app.request("/api/me", { cookie })).status).toBe(401);
    expect(await latestAudit("auth.signed_out")).toMatchObject({ actorEmail: "field@citynerve.local", actorRole: "field" });
  });
});

describe("sign-in throttling", () => {
  let app: TTestApp;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const opened = await TEST_BACKENDS[0].open();
    cleanup = opened.cleanup;
    app = await startTestApp({ db: opened.db, env: { AUTH_SIGN_IN_MAX_PER_MINUTE: 3 } });
  });
  afterAll(async () => {
    await app?.close();
    await cleanup?.();
  });

  it("answers 429 with Retry-After once an IP exceeds the per-minute budget, even for the right password", async () => {
    for (let i = 0; i < 3; i++) {
      const response = await app.request(SIGN_IN, { body: { email: "admin@citynerve.local", password: `wrong-${i}-password` } });
      expect(response.status).toBe(401);
    }
    const throttled = await app.request(SIGN_IN, { body: { email: "admin@citynerve.local", password: DEMO_PASSWORD } });
    expect(throttled.status).toBe(429);
    const retryAfter = Number(throttled.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(() => sessionCookie(throttled.headers)).toThrow();
    // Reading the session is not sign-in and stays available.
    expect((await app.request("/api/auth/get-session")).status).toBe(200);
  });
});
