import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/server/db/client";
import { capFixture } from "@/test/fixtures/cap/cap-fixtures";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { listActiveCapWarnings } from "./list-active-cap-warnings";
import { readCapDocument, readCapMessage } from "./read-cap-document";
import { storeCapMessage, type TCapSource } from "./store-cap-message";

const SOURCE: TCapSource = { name: "Met Office feed", actor: null };

/** Parse → store → update → cancel, on both databases. */
describe.each(TEST_BACKENDS)("CAP warning lifecycle ($kind)", (backend) => {
  let db: TDatabase;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const opened = await backend.open();
    db = opened.db;
    cleanup = opened.cleanup;
  });
  afterAll(async () => {
    await cleanup?.();
  });

  const store = (name: Parameters<typeof capFixture>[0]) => storeCapMessage(db.prisma, readCapMessage(capFixture(name)), SOURCE);
  const activeIdentifiers = async (now?: Date) => (await listActiveCapWarnings(db.prisma, now)).map((warning) => warning.identifier);

  it("stores an alert once, replaces it by its update, and cancels the update", async () => {
    expect(await store("severe-weather-alert")).toEqual({ outcome: "stored", superseded: 0 });
    expect(await store("severe-weather-alert")).toEqual({ outcome: "duplicate", superseded: 0 });
    const [warning] = await listActiveCapWarnings(db.prisma);
    expect(warning).toMatchObject({ identifier: "MET-2026-12-03-0042", severity: "Severe", senderName: "National Weather Service" });
    expect(warning.polygons[0][0]).toEqual([-0.14, 51.5]);

    expect(await store("severe-weather-update")).toEqual({ outcome: "stored", superseded: 1 });
    expect(await activeIdentifiers()).toEqual(["MET-2026-12-03-0043"]);

    expect(await store("severe-weather-cancel")).toEqual({ outcome: "stored", superseded: 1 });
    expect(await activeIdentifiers()).toEqual([]);

    const audited = await db.prisma.auditLog.count({ where: { action: "cap_warning.received" } });
    expect(audited).toBe(3);
  });

  it("keeps a warning out of the live set once it expired", async () => {
    for (const message of readCapDocument(capFixture("atom-feed")).messages) await storeCapMessage(db.prisma, message, SOURCE);
    expect(await activeIdentifiers()).toEqual(["FL-2", "FL-1"]);
    expect(await activeIdentifiers(new Date("2100-01-01T00:00:00Z"))).toEqual([]);
  });

  it("stores a message as cancelled when its Cancel arrived first", async () => {
    const alert = capFixture("severe-weather-alert").replaceAll("MET-2026-12-03-0042", "OOO-1");
    const cancel = capFixture("severe-weather-cancel").replaceAll("MET-2026-12-03-0044", "OOO-2").replace("MET-2026-12-03-0043", "OOO-1");
    await storeCapMessage(db.prisma, readCapMessage(cancel), SOURCE);
    expect(await storeCapMessage(db.prisma, readCapMessage(alert), SOURCE)).toEqual({ outcome: "stored", superseded: 0 });
    expect(await activeIdentifiers()).not.toContain("OOO-1");
  });
});
