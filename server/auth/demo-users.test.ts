import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth, type TAuthEnv } from "@/server/auth/create-auth";
import type { TDatabase } from "@/server/db/client";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { DEMO_USERS, seedDemoUsers } from "./demo-users";

const postgres = TEST_BACKENDS.find((b) => b.kind === "postgres")!;
const ENV: TAuthEnv = {
  PUBLIC_URL: "http://127.0.0.1:3000",
  BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
  SESSION_MAX_AGE_HOURS: 8,
  AUTH_SIGN_IN_MAX_PER_MINUTE: 10_000,
  OIDC_SCOPES: ["openid"],
  OIDC_ROLE_CLAIM: "roles",
  OIDC_DEFAULT_ROLE: "operator",
  OIDC_BUTTON_LABEL: "SSO",
};

describe("seeding the demo accounts (postgres)", () => {
  let db: TDatabase;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await postgres.open());
  });
  afterAll(() => cleanup?.());

  it("creates each account once when several instances start together", async () => {
    const instances = [1, 2, 3].map(() => createAuth({ prisma: db.prisma, env: ENV }));
    const created = await Promise.all(instances.map((auth) => seedDemoUsers(auth, db.prisma)));

    expect(created.flat().sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    expect(await db.prisma.user.count()).toBe(DEMO_USERS.length);
    expect(await db.prisma.auditLog.count({ where: { action: "user.created" } })).toBe(DEMO_USERS.length);
  });
});
