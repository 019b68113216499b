import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TIncident } from "@/lib/contracts/incidents";
import type { TDatabase } from "@/server/db/client";
import { findIncident } from "@/server/incidents/find-incident";
import { insertIncident } from "@/server/incidents/create-incident";
import { inTransaction } from "@/server/db/transaction";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { setIncidentStatus } from "./set-incident-status";

/** The units' status writes go through INCIDENT_TRANSITIONS: allowed edges are written, others refused with nothing written. */
describe.each(TEST_BACKENDS)("setIncidentStatus ($kind)", (backend) => {
  let db: TDatabase;
  let cleanup: () => Promise<void>;
  const actor = { id: "set-status-operator", email: "set-status@citynerve.local", role: "operator" };

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    await db.prisma.user.create({ data: { id: actor.id, name: "Operator", email: actor.email, role: actor.role } });
  });
  afterAll(async () => cleanup?.());

  const newIncident = () =>
    inTransaction(db.prisma, (tx) =>
      insertIncident(
        tx,
        { actor, ip: null, zoneOf: () => "central" },
        { type: "other", priority: "P3", location: [-85.63, 41.94], description: "test" },
        {},
      ),
    );
  const move = (before: TIncident, to: TIncident["status"]) =>
    inTransaction(db.prisma, (tx) =>
      setIncidentStatus(tx, { actor, ip: null, reason: "test", at: new Date(), now: new Date() }, before, to),
    );

  it("follows the units from new through dispatched and on scene to resolved, one version each", async () => {
    let incident = await newIncident();
    for (const to of ["dispatched", "onScene", "resolved"] as const) {
      const after = await move(incident, to);
      expect(after).toMatchObject({ status: to, version: incident.version + 1 });
      incident = after;
    }
  });

  it("refuses a move off the units' edges with a conflict, and writes nothing", async () => {
    const resolved = await move(await newIncident(), "resolved");
    await expect(move(resolved, "onScene")).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Its units cannot move an incident from resolved to onScene (only a person moves a resolved incident)",
    });
    expect(await findIncident(db.prisma, resolved.id)).toMatchObject({ status: "resolved", version: resolved.version });
  });
});
