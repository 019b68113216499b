import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZApiKey, ZApiKeyList, ZIssuedApiKey, type TApiKeyScope, type TIssuedApiKey } from "@/lib/contracts/api-keys";
import type { TAuditEntry, TAuditPage } from "@/lib/contracts/auth";
import { ZNgsiProblemDetails } from "@/lib/contracts/ngsi-ld";
import { DEMO_PASSWORD, DEMO_USERS } from "@/server/auth/demo-users";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { startTestApp, type TTestApp } from "@/test/fixtures/test-app";
import { hashApiKeySecret } from "./api-key-secret";

const RATE_LIMIT_PER_MINUTE = 25;
const NGSI = "/ngsi-ld/v1/entities?type=OffStreetParking";

/** Keys through the real routes: issued and revoked by admins only, audited, and what a request with one gets. */
describe.each(TEST_BACKENDS)("API keys ($kind)", (backend) => {
  let app: TTestApp;
  let cleanup: () => Promise<void>;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    const opened = await backend.open();
    cleanup = opened.cleanup;
    app = await startTestApp({ db: opened.db, apiKeyMaxRequestsPerMinute: RATE_LIMIT_PER_MINUTE });
    admin = await app.signIn("admin@citynerve.local", DEMO_PASSWORD);
    adminId = (await app.request("/api/me", { cookie: admin })).body.id;
  });
  afterAll(async () => {
    await app?.close();
    await cleanup?.();
  });

  async function issue(name: string, scopes: TApiKeyScope[]): Promise<TIssuedApiKey> {
    const response = await app.request("/api/admin/api-keys", { cookie: admin, body: { name, scopes } });
    expect(response.status, response.text).toBe(201);
    return ZIssuedApiKey.parse(response.body);
  }
  const auditFor = async (entityId: string): Promise<TAuditEntry[]> =>
    ((await app.request("/api/audit?limit=200", { cookie: admin })).body as TAuditPage).entries.filter((e) => e.entityId === entityId);
  const ngsi = (headers: Record<string, string>) => app.request(NGSI, { headers });

  it("issues a key whose secret is answered once and stored only as its hash, and audits the issue without it", async () => {
    const { key, secret } = await issue("Harbour partner", ["ngsi-ld:read"]);
    expect(secret).toMatch(/^cnk_[A-Za-z0-9_-]{43}$/);
    expect(key).toMatchObject({
      name: "Harbour partner",
      scopes: ["ngsi-ld:read"],
      createdByName: "Adam Admin",
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(secret.startsWith(key.prefix)).toBe(true);

    const row = await app.db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.secretHash).toBe(hashApiKeySecret(secret));
    expect(JSON.stringify(row)).not.toContain(secret);

    const list = await app.request("/api/admin/api-keys", { cookie: admin });
    expect(list.status).toBe(200);
    expect(ZApiKeyList.parse(list.body).find((k) => k.id === key.id)).toEqual(key);
    expect(list.text).not.toContain(secret);

    const [issued] = (await auditFor(key.id)).filter((e) => e.action === "api_key.issued");
    expect(issued).toMatchObject({ actorId: adminId, actorRole: "admin", entityType: "api_key", ip: "127.0.0.1" });
    expect(issued.after).toEqual({ name: "Harbour partner", scopes: ["ngsi-ld:read"], prefix: key.prefix });
    expect(JSON.stringify(issued)).not.toContain(secret);
  });

  it("rejects invalid requests to issue a key", async () => {
    for (const body of [{}, { name: "", scopes: ["ngsi-ld:read"] }, { name: "x", scopes: [] }, { name: "x", scopes: ["admin"] }]) {
      expect((await app.request("/api/admin/api-keys", { cookie: admin, body })).status).toBe(400);
    }
    const twice = await app.request("/api/admin/api-keys", { cookie: admin, body: { name: "x", scopes: ["open311", "open311"] } });
    expect(twice.status).toBe(400);
  });

  it.each(DEMO_USERS.filter((u) => u.role !== "admin"))("refuses $role: no issue, no list, no revoke", async ({ email }) => {
    const cookie = await app.signIn(email, DEMO_PASSWORD);
    expect((await app.request("/api/admin/api-keys", { cookie, body: { name: "Sneaky", scopes: ["ngsi-ld:read"] } })).status).toBe(403);
    expect((await app.request("/api/admin/api-keys", { cookie })).status).toBe(403);
    const { key } = await issue(`Kept by admin for ${email}`, ["ngsi-ld:read"]);
    expect((await app.request(`/api/admin/api-keys/${key.id}/revoke`, { cookie, body: {} })).status).toBe(403);
    expect((await app.db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).toBeNull();
  });

  it("authenticates by Bearer or X-Api-Key, records the last use, and refuses an unknown key with 401", async () => {
    const { key, secret } = await issue("City dashboard", ["ngsi-ld:read"]);
    const byBearer = await ngsi({ authorization: `Bearer ${secret}` });
    expect(byBearer.status, byBearer.text).toBe(200);
    expect((await ngsi({ "x-api-key": secret })).status).toBe(200);
    const row = await app.db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.lastUsedAt).not.toBeNull();

    const refusals: Record<string, string>[] = [
      {},
      { authorization: "Bearer cnk_not-a-key" },
      { "x-api-key": "x".repeat(5000) },
      { authorization: `Basic ${secret}` },
    ];
    for (const headers of refusals) {
      const refused = await ngsi(headers);
      expect(refused.status).toBe(401);
      expect(ZNgsiProblemDetails.parse(refused.body)).toMatchObject({ type: "about:blank", title: "Unauthorized" });
      expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="CityNerve"');
    }
  });

  it("answers 403 for a key without the scope", async () => {
    const { secret } = await issue("Citizen app", ["open311"]);
    const response = await ngsi({ authorization: `Bearer ${secret}` });
    expect(response.status).toBe(403);
    expect(ZNgsiProblemDetails.parse(response.body)).toMatchObject({ title: "Forbidden", detail: "This API key may not use ngsi-ld:read" });
  });

  it("revokes a key: refused from its next request, audited once, and revoking again changes nothing", async () => {
    const { key, secret } = await issue("Former partner", ["ngsi-ld:read"]);
    expect((await ngsi({ authorization: `Bearer ${secret}` })).status).toBe(200);

    const revoked = await app.request(`/api/admin/api-keys/${key.id}/revoke`, { cookie: admin, body: {} });
    expect(revoked.status, revoked.text).toBe(200);
    expect(ZApiKey.parse(revoked.body).revokedAt).not.toBeNull();
    expect((await ngsi({ authorization: `Bearer ${secret}` })).status).toBe(401);

    const again = await app.request(`/api/admin/api-keys/${key.id}/revoke`, { cookie: admin, body: {} });
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    const audits = (await auditFor(key.id)).filter((e) => e.action === "api_key.revoked");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: adminId, before: { name: "Former partner", revokedAt: null } });

    expect((await app.request("/api/admin/api-keys/not-a-uuid/revoke", { cookie: admin, body: {} })).status).toBe(404);
  });

  it("limits each key to its budget per minute with 429 and Retry-After, without touching other keys", async () => {
    const busy = await issue("Busy partner", ["ngsi-ld:read"]);
    const calm = await issue("Calm partner", ["ngsi-ld:read"]);
    for (let i = 0; i < RATE_LIMIT_PER_MINUTE; i++) expect((await ngsi({ authorization: `Bearer ${busy.secret}` })).status).toBe(200);
    const limited = await ngsi({ authorization: `Bearer ${busy.secret}` });
    expect(limited.status).toBe(429);
    expect(ZNgsiProblemDetails.parse(limited.body).title).toBe("Too many requests");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await ngsi({ authorization: `Bearer ${calm.secret}` })).status).toBe(200);
  });
});
