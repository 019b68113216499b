import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAuditPage } from "@/lib/contracts/auth";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { CookieJar, startTestIdp, type TIdpAccounts } from "@/test/fixtures/oidc-provider";
import { startTestApp, type TTestApp } from "@/test/fixtures/test-app";
import { DEMO_PASSWORD } from "./demo-users";
import { OIDC_PROVIDER_ID } from "./oidc-plugins";

const ACCOUNTS: TIdpAccounts = {
  "sub-sam": { email: "sam.sso@example.org", name: "Sam from SSO", roles: ["citizen", "supervisor"] },
  "sub-nora": { email: "nora.sso@example.org", name: "Nora No-Roles" },
};

/**
 * Single sign-on against a real OpenID Connect provider: the browser's redirect dance is driven with
 * fetch and a cookie jar (the provider's own development login and consent forms are submitted).
 */
describe("OIDC single sign-on", () => {
  let idp: Awaited<ReturnType<typeof startTestIdp>>;
  let app: TTestApp;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    idp = await startTestIdp();
    const opened = await TEST_BACKENDS[0].open();
    cleanup = opened.cleanup;
    app = await startTestApp({
      db: opened.db,
      // Demo users are created after the provider is configured: creating them starts better-auth,
      // whose OIDC discovery must find the provider answering.
      seedDemoUsers: false,
      env: {
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: idp.clientId,
        OIDC_CLIENT_SECRET: idp.clientSecret,
        OIDC_DEFAULT_ROLE: "field",
        OIDC_BUTTON_LABEL: "City SSO",
      },
    });
    idp.configure({ redirectUri: `${app.origin}/api/auth/callback/${OIDC_PROVIDER_ID}`, accounts: ACCOUNTS });
    const { seedDemoUsers } = await import("./demo-users");
    await seedDemoUsers(app.auth, app.db.prisma);
  });
  afterAll(async () => {
    await app?.close();
    await cleanup?.();
    await idp?.close();
  });

  /** Runs the authorization-code flow as a browser would; returns the app's cookies afterwards. */
  async function signInWithSso(subject: string): Promise<{ cookie: string; landedOn: string }> {
    const jar = new CookieJar();
    const appUrl = new URL(app.origin);
    const start = await fetch(`${app.origin}/api/auth/sign-in/social`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.origin },
      body: JSON.stringify({ provider: OIDC_PROVIDER_ID, callbackURL: "/", errorCallbackURL: "/sign-in?error=sso" }),
    });
    expect(start.status, await start.clone().text()).toBe(200);
    jar.store(appUrl, start);
    let url = new URL(((await start.json()) as { url: string }).url);
    expect(url.origin).toBe(idp.issuer);

    for (let hop = 0; hop < 20; hop++) {
      if (url.origin === app.origin && !url.pathname.startsWith("/api/"))
        return { cookie: jar.header(appUrl), landedOn: url.pathname + url.search };
      let response = await fetch(url, { redirect: "manual", headers: { cookie: jar.header(url) } });
      jar.store(url, response);
      if (response.status === 200 && url.pathname.startsWith("/interaction/")) {
        // The provider's development interaction: a login form, then a consent form, both posting back here.
        const html = await response.text();
        const form: Record<string, string> = html.includes('name="login"')
          ? { prompt: "login", login: subject, password: "any" }
          : { prompt: "consent" };
        response = await fetch(url, {
          method: "POST",
          redirect: "manual",
          headers: { cookie: jar.header(url), "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(form),
        });
        jar.store(url, response);
      }
      const location = response.headers.get("location");
      if (!location) throw new Error(`stuck at ${url} (${response.status}): ${(await response.text()).slice(0, 300)}`);
      url = new URL(location, url);
    }
    throw new Error("too many redirects");
  }

  it("tells the sign-in page that SSO is on, with its label", async () => {
    const response = await app.request("/api/auth-config");
    expect(response.body).toEqual({ sso: { enabled: true, label: "City SSO", providerId: OIDC_PROVIDER_ID }, demo: true });
  });

  it("signs a new user in through the provider with the role mapped from the claim, and audits it", async () => {
    const { cookie, landedOn } = await signInWithSso("sub-sam");
    expect(landedOn).toBe("/");
    const me = await app.request("/api/me", { cookie });
    expect(me.status, me.text).toBe(200);
    expect(me.body).toMatchObject({ email: "sam.sso@example.org", name: "Sam from SSO", role: "supervisor" });

    const admin = await app.signIn("admin@citynerve.local", DEMO_PASSWORD);
    const log = ((await app.request("/api/audit?limit=20", { cookie: admin })).body as TAuditPage).entries.filter(
      (e) => e.entityId === me.body.id || e.actorId === me.body.id,
    );
    expect(log.map((e) => e.action).reverse()).toEqual(["user.created", "user.role_changed", "auth.signed_in"]);
    expect(log[0]).toMatchObject({ actorRole: "supervisor", after: { method: "oidc" } });
  });

  it("gives the default role when the claim names none of ours, and follows the provider on later sign-ins", async () => {
    const first = await signInWithSso("sub-nora");
    expect((await app.request("/api/me", { cookie: first.cookie })).body.role).toBe("field");

    ACCOUNTS["sub-nora"].roles = ["operator"];
    const second = await signInWithSso("sub-nora");
    expect((await app.request("/api/me", { cookie: second.cookie })).body.role).toBe("operator");
  });

  it("refuses SSO for a disabled user", async () => {
    const admin = await app.signIn("admin@citynerve.local", DEMO_PASSWORD);
    const sam = await app.db.prisma.user.findUniqueOrThrow({ where: { email: "sam.sso@example.org" } });
    expect((await app.request(`/api/admin/users/${sam.id}`, { cookie: admin, method: "PATCH", body: { disabled: true } })).status).toBe(
      200,
    );
    const { cookie, landedOn } = await signInWithSso("sub-sam");
    expect(landedOn).toMatch(/^\/sign-in\?error=/);
    expect((await app.request("/api/me", { cookie })).status).toBe(401);
  });
});
