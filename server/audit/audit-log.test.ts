import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZAuditPage, ZAuditQuery } from "@/lib/contracts/auth";
import type { TDatabase } from "@/server/db/client";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { listAudit } from "./list-audit";
import { recordAudit } from "./record-audit";

const actor = { id: "u-1", email: "admin@citynerve.local", role: "admin" };
const query = (q: Record<string, unknown> = {}) => ZAuditQuery.parse(q);

describe.each(TEST_BACKENDS)("audit log ($kind)", (backend) => {
  let db: TDatabase;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    for (let i = 1; i <= 5; i++) {
      await recordAudit(db.prisma, {
        actor: i % 2 ? actor : null,
        action: i <= 3 ? "user.created" : "user.disabled",
        entityType: "user",
        entityId: `u-${i}`,
        ip: "10.0.0.1",
        before: i > 3 ? { disabled: false } : undefined,
        after: { n: i, at: new Date(Date.UTC(2026, 0, i)) },
      });
    }
  });
  afterAll(() => cleanup?.());

  it("lists newest first in the contract's shape, with JSON before/after", async () => {
    const page = ZAuditPage.parse(await listAudit(db.prisma, query()));
    expect(page.entries.map((e) => e.entityId)).toEqual(["u-5", "u-4", "u-3", "u-2", "u-1"]);
    expect(page.entries[0]).toMatchObject({
      action: "user.disabled",
      actorEmail: "admin@citynerve.local",
      ip: "10.0.0.1",
      before: { disabled: false },
    });
    expect(page.entries[0].after).toEqual({ n: 5, at: "2026-01-05T00:00:00.000Z" });
    expect(page.entries[1]).toMatchObject({ actorId: null, actorEmail: null, actorRole: null });
    expect(page.nextCursor).toBeNull();
  });

  it("pages by keyset: no row twice, none skipped, even when rows arrive in between", async () => {
    const first = await listAudit(db.prisma, query({ limit: 2 }));
    expect(first.entries.map((e) => e.entityId)).toEqual(["u-5", "u-4"]);
    await recordAudit(db.prisma, { actor, action: "user.enabled", entityType: "user", entityId: "u-late" });
    const second = await listAudit(db.prisma, query({ limit: 2, cursor: first.nextCursor }));
    expect(second.entries.map((e) => e.entityId)).toEqual(["u-3", "u-2"]);
    const third = await listAudit(db.prisma, query({ limit: 2, cursor: second.nextCursor }));
    expect(third.entries.map((e) => e.entityId)).toEqual(["u-1"]);
    expect(third.nextCursor).toBeNull();
  });

  it("filters by action, actor (case-insensitive part of the email), entity type and time", async () => {
    const ids = async (q: Record<string, unknown>) => (await listAudit(db.prisma, query(q))).entries.map((e) => e.entityId);
    expect(await ids({ action: "user.created" })).toEqual(["u-3", "u-2", "u-1"]);
    expect(await ids({ action: "user.created", actor: "ADMIN@" })).toEqual(["u-3", "u-1"]);
    expect(await ids({ entityType: "incident" })).toEqual([]);
    expect(await ids({ to: "2000-01-01T00:00:00Z" })).toEqual([]);
    expect((await ids({ from: new Date(Date.now() - 60_000).toISOString() })).length).toBeGreaterThanOrEqual(5);
  });

  it("refuses a forged cursor as a validation error", async () => {
    await expect(listAudit(db.prisma, query({ cursor: "bm90LWEtY3Vyc29y" }))).rejects.toMatchObject({ code: "INVALID" });
  });

  it("is append-only in the database itself: UPDATE, DELETE and TRUNCATE are rejected", async () => {
    const before = await db.prisma.auditLog.count();
    await expect(db.prisma.$executeRawUnsafe(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditLog.deleteMany({})).rejects.toThrow();
    await expect(db.prisma.auditLog.updateMany({ data: { action: "forged" } })).rejects.toThrow();
    expect(await db.prisma.auditLog.count()).toBe(before);
    expect(await db.prisma.auditLog.count({ where: { action: "forged" } })).toBe(0);
  });
});
