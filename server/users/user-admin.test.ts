import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAdminUser, TAssignableUsers, TAuditEntry, TAuditPage } from "@/lib/contracts/auth";
import { DEMO_PASSWORD } from "@/server/auth/demo-users";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { socketOutcome, startTestApp, type TTestApp } from "@/test/fixtures/test-app";
import { waitFor } from "@/test/wait-for";

/** User administration through the real routes: each change takes effect at once and is audited. */
describe.each(TEST_BACKENDS)("user administration ($kind)", (backend) => {
  let app: TTestApp;
  let cleanup: () => Promise<void>;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    const opened = await backend.open();
    cleanup = opened.cleanup;
    app = await startTestApp({ db: opened.db });
    admin = await app.signIn("admin@citynerve.local", DEMO_PASSWORD);
    adminId = (await app.request("/api/me", { cookie: admin })).body.id;
  });
  afterAll(async () => {
    await app?.close();
    await cleanup?.();
  });

  const auditFor = async (entityId: string): Promise<TAuditEntry[]> =>
    ((await app.request(`/api/audit?limit=200`, { cookie: admin })).body as TAuditPage).entries.filter((e) => e.entityId === entityId);

  async function createUser(email: string, role = "operator"): Promise<TAdminUser> {
    const response = await app.request("/api/admin/users", {
      cookie: admin,
      body: { name: "Casey Crew", email, password: "correct-horse-battery", role },
    });
    expect(response.status, response.text).toBe(201);
    return response.body;
  }

  it("creates a user who can then sign in, and audits the creation without the password", async () => {
    const user = await createUser("Casey@Example.org", "field");
    expect(user).toMatchObject({ email: "casey@example.org", role: "field", disabled: false });
    const cookie = await app.signIn("casey@example.org", "correct-horse-battery");
    expect((await app.request("/api/me", { cookie })).body).toEqual({ id: user.id, name: "Casey Crew", email: user.email, role: "field" });

    const [created] = (await auditFor(user.id)).filter((e) => e.action === "user.created");
    expect(created).toMatchObject({ actorId: adminId, actorEmail: "admin@citynerve.local", actorRole: "admin", ip: "127.0.0.1" });
    expect(created.after).toEqual({ email: user.email, name: "Casey Crew", role: "field" });
    expect(JSON.stringify(created)).not.toContain("correct-horse-battery");

    const duplicate = await app.request("/api/admin/users", {
      cookie: admin,
      body: { name: "Again", email: "casey@example.org", password: "correct-horse-battery", role: "field" },
    });
    expect(duplicate.status).toBe(409);
  });

  it("rejects invalid bodies with field errors and no stack", async () => {
    const response = await app.request("/api/admin/users", {
      cookie: admin,
      body: { name: "", email: "not-an-email", password: "short", role: "mayor" },
    });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fieldErrors).sort()).toEqual(["email", "name", "password", "role"]);
    expect(response.text).not.toMatch(/\bat .*\.(ts|js):\d+/);

    const notJson = await app.request("/api/admin/users", { cookie: admin, body: "{oops" });
    expect(notJson.status).toBe(400);
    const nothing = await app.request(`/api/admin/users/${adminId}`, { cookie: admin, method: "PATCH", body: {} });
    expect(nothing.status).toBe(400);
    expect(nothing.body.error).toContain("nothing to change");
  });

  it("rejects a cross-site or origin-less state change (CSRF)", async () => {
    const body = { name: "Mallory", email: "mallory@example.org", password: "correct-horse-battery", role: "admin" };
    const evil = await app.request("/api/admin/users", { cookie: admin, body, origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect(evil.body).toEqual({ error: "cross-site request rejected" });
    expect((await app.request("/api/admin/users", { cookie: admin, body, origin: null })).status).toBe(403);
    const sameOrigin = { "sec-fetch-site": "same-origin" };
    const viaFetchMetadata = await app.request("/api/admin/users", {
      cookie: admin,
      body: { ...body, email: "meta@example.org" },
      origin: null,
      headers: sameOrigin,
    });
    expect(viaFetchMetadata.status).toBe(201);
    const signOut = await app.request("/api/auth/sign-out", { cookie: admin, body: {}, origin: "https://evil.example" });
    expect(signOut.status).toBe(403);
    expect(await app.db.prisma.user.count({ where: { email: "mallory@example.org" } })).toBe(0);
  });

  it("changes a role, audits before and after, and drops the user's sockets opened with the old role", async () => {
    const user = await createUser("rowan@example.org", "operator");
    const cookie = await app.signIn("rowan@example.org", "correct-horse-battery");
    const socket = app.socket(cookie);
    expect(await socketOutcome(socket)).toEqual({ connected: true });

    const response = await app.request(`/api/admin/users/${user.id}`, { cookie: admin, method: "PATCH", body: { role: "supervisor" } });
    expect(response.status, response.text).toBe(200);
    expect(response.body.role).toBe("supervisor");
    await waitFor(() => !socket.connected, "socket closed after the role change");
    expect((await app.request("/api/me", { cookie })).body.role).toBe("supervisor");
    const [changed] = (await auditFor(user.id)).filter((e) => e.action === "user.role_changed");
    expect(changed).toMatchObject({ actorId: adminId, before: { role: "operator" }, after: { role: "supervisor" } });
  });

  it("disabling ends the user's HTTP session and live socket at once; enabling lets them back in", async () => {
    const user = await createUser("dana@example.org", "operator");
    const cookie = await app.signIn("dana@example.org", "correct-horse-battery");
    const socket = app.socket(cookie);
    expect(await socketOutcome(socket)).toEqual({ connected: true });
    expect((await socket.emitWithAck("city:subscribe", { layers: ["waste"] })).ok).toBe(true);
    let reason = "";
    socket.on("disconnect", (r) => (reason = r));

    const disabled = await app.request(`/api/admin/users/${user.id}`, { cookie: admin, method: "PATCH", body: { disabled: true } });
    expect(disabled.status, disabled.text).toBe(200);
    expect(disabled.body.disabled).toBe(true);

    await waitFor(() => reason, "the disabled user's socket is disconnected");
    expect(reason).toBe("io server disconnect");
    expect((await app.request("/api/me", { cookie })).status).toBe(401);
    expect(await socketOutcome(app.socket(cookie))).toEqual({ connected: false, error: "unauthorized" });
    const again = await app.request("/api/auth/sign-in/email", { body: { email: "dana@example.org", password: "correct-horse-battery" } });
    expect(again.status).toBe(403);

    const enabled = await app.request(`/api/admin/users/${user.id}`, { cookie: admin, method: "PATCH", body: { disabled: false } });
    expect(enabled.body.disabled).toBe(false);
    await app.signIn("dana@example.org", "correct-horse-battery");

    const actions = (await auditFor(user.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["user.created", "user.disabled", "user.enabled"]));
  });

  it("offers only active operators and supervisors as alert assignees", async () => {
    const operator = await app.signIn("operator@citynerve.local", DEMO_PASSWORD);
    const assignable = async () => ((await app.request("/api/users/assignable", { cookie: operator })).body as TAssignableUsers).users;
    const erin = await createUser("erik@example.org", "supervisor");
    const fred = await createUser("fred@example.org", "field");
    expect((await assignable()).map((u) => u.id)).toContain(erin.id);
    expect((await assignable()).map((u) => u.id)).not.toContain(fred.id);
    expect(new Set((await assignable()).map((u) => u.role))).toEqual(new Set(["operator", "supervisor"]));

    await app.request(`/api/admin/users/${erin.id}`, { cookie: admin, method: "PATCH", body: { disabled: true } });
    expect((await assignable()).map((u) => u.id)).not.toContain(erin.id);
  });

  it("does not let an admin disable or demote themselves", async () => {
    const disable = await app.request(`/api/admin/users/${adminId}`, { cookie: admin, method: "PATCH", body: { disabled: true } });
    expect(disable.status).toBe(403);
    const demote = await app.request(`/api/admin/users/${adminId}`, { cookie: admin, method: "PATCH", body: { role: "operator" } });
    expect(demote.status).toBe(403);
    expect((await app.request("/api/me", { cookie: admin })).body.role).toBe("admin");
    const missing = await app.request(`/api/admin/users/no-such-user`, { cookie: admin, method: "PATCH", body: { disabled: true } });
    expect(missing.status).toBe(404);
  });

  it("does not route better-auth's own admin and account endpoints (nothing bypasses the audit)", async () => {
    const target = await createUser("erin@example.org", "operator");
    for (const path of ["/admin/ban-user", "/admin/set-role", "/admin/create-user", "/sign-up/email", "/update-user", "/change-password"]) {
      const response = await app.request(`/api/auth${path}`, { cookie: admin, body: { userId: target.id, role: "admin" } });
      expect(response.status, path).toBe(404);
    }
    expect((await app.db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("operator");
  });
});
