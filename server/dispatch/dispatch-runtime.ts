import { randomUUID } from "node:crypto";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import type { TResponderUnit } from "@/lib/contracts/units";
import type { TLonLat } from "@/lib/geo";
import type { CityState } from "@/server/city/city-state";
import type { PrismaClient } from "@/server/db/generated/client";
import type { TPublisher } from "@/server/realtime/publisher";
import type { TUnitDriver } from "@/server/ingest/types";
import { applyUnitAction } from "./apply-unit-action";
import { forgetOldAnswers } from "./idempotency";
import { DISPATCH_INCLUDE, toDispatch } from "./dispatch-view";
import { listUnits } from "./list-units";
import { liveSpeeds } from "./live-speeds";
import { createRoutePlanner } from "@/server/city/road-graph";
import { seedUnits } from "./seed-units";
import { startSimulatedCrews } from "./simulated-crews";
import type { TLeaderPart } from "@/server/cluster/run-while-leader";
import { NO_MOTION, type TRoutePlanner, type TUnitMotion, type TUnitPositions } from "./types";
import { createUnitMotion } from "./unit-motion";
import { createUnitPositions } from "./unit-positions";

const FORGET_EVERY_MS = 60 * 60_000;

type TDispatchRuntimeDeps = {
  prisma: PrismaClient;
  cityState: CityState;
  entities: TCityEntities;
  publish: TPublisher;
  zoneOf: (position: TLonLat) => string;
  /** The embedded simulator's units: dispatched units drive their routes, crewless ones are worked by simulated crews. */
  driver?: TUnitDriver;
  /** A unit on scene without contact for longer than this is flagged (UNIT_CHECK_IN_SECONDS). */
  checkInSeconds: number;
  /** How long a simulated crew stays on scene. */
  onSceneSeconds?: number;
  /** Lets the ingest pipeline accept positions of a unit the city pack does not list (created by an admin). */
  registerUnit?: (unitId: string) => void;
  /** Whether this instance starts with the one-instance work below (default yes: one process). */
  leading?: boolean;
};

export type TDispatchRuntime = {
  planner: TRoutePlanner;
  positions: TUnitPositions;
  motion: TUnitMotion;
  checkInSeconds: number;
  /** The pack's stations, the homes units may have. */
  stationIds: ReadonlySet<string>;
  /** A unit was created or changed: remember its home station (where it stands by until it reports). */
  unitSaved(unit: Pick<TResponderUnit, "id" | "stationId">): void;
  /** What one instance alone does: forgetting old request keys, and the simulated crews. */
  leaderWork: TLeaderPart;
  stop(): void;
};

/**
 * Units and dispatch on the live city: seeds the pack's units into PostgreSQL, plans routes over the road
 * graph at live traffic speeds, and with the simulator's driver makes dispatched units drive and crewless
 * ones work their scenes. Started before the event source, so the first positions already count.
 */
export async function startDispatchRuntime(deps: TDispatchRuntimeDeps): Promise<TDispatchRuntime> {
  await seedUnits(deps.prisma, deps.entities.units);
  const units = await listUnits(deps.prisma);
  const homeStations = new Map(units.map((u) => [u.id, u.stationId]));
  for (const unit of units) deps.registerUnit?.(unit.id);
  const planner = createRoutePlanner(deps.entities.segments, liveSpeeds(deps.cityState));
  const positions = createUnitPositions(deps.cityState, deps.entities.stations, (unitId) => homeStations.get(unitId));
  const motion = deps.driver ? createUnitMotion(deps.driver) : NO_MOTION;

  const forget = () =>
    forgetOldAnswers(deps.prisma).catch((error: unknown) => console.error("[dispatch] forgetting old request keys failed:", error));
  let forgetTimer: NodeJS.Timeout | undefined;
  let crews: { stop(): void } | undefined;
  const { driver } = deps;
  const systemDeps = { prisma: deps.prisma, actor: null, ip: null, publish: deps.publish, zoneOf: deps.zoneOf, planner, positions, motion };
  const startCrews = () =>
    driver &&
    startSimulatedCrews({
      driver,
      act: async (unitId, action) => {
        await applyUnitAction(systemDeps, unitId, { idempotencyKey: randomUUID(), action });
      },
      hasCrew: async (unitId) => (await deps.prisma.user.count({ where: { unitId, OR: [{ banned: false }, { banned: null }] } })) > 0,
      onSceneSeconds: deps.onSceneSeconds,
    });

  const runtime: TDispatchRuntime = {
    planner,
    positions,
    motion,
    checkInSeconds: deps.checkInSeconds,
    stationIds: new Set(deps.entities.stations.map((s) => s.id)),
    unitSaved: (unit) => {
      homeStations.set(unit.id, unit.stationId);
      deps.registerUnit?.(unit.id);
    },
    leaderWork: {
      name: "dispatch",
      start() {
        if (forgetTimer) return;
        void forget();
        forgetTimer = setInterval(() => void forget(), FORGET_EVERY_MS);
        forgetTimer.unref();
        crews = startCrews();
      },
      stop() {
        clearInterval(forgetTimer);
        forgetTimer = undefined;
        crews?.stop();
        crews = undefined;
      },
    },
    stop: () => runtime.leaderWork.stop(),
  };
  if (deps.leading !== false) runtime.leaderWork.start();
  if (!driver) return runtime;

  // Pick up where the database left off: assigned units drive on, returning ones head home, the rest report their status.
  const active = await deps.prisma.dispatch.findMany({ where: { state: "active" }, include: DISPATCH_INCLUDE });
  for (const unit of units) {
    const row = active.find((d) => d.unitId === unit.id);
    if (row || unit.status === "returning") motion.unitChanged(unit, row ? toDispatch(row) : null);
    else driver.setStatus(unit.id, unit.status);
  }
  return runtime;
}
