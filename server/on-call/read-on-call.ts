import { ASSIGNABLE_ROLES } from "@/lib/contracts/auth";
import type { TOnCallOverview, TPolicy, TRota, TShift } from "@/lib/contracts/on-call";
import type { PrismaClient } from "@/server/db/generated/client";
import { matchersOf, stepsOf } from "./policy-rows";
import { nextShiftAfter, shiftAt } from "./shift-at";

type TPerson = { id: string; name: string };
type TRotaRow = Awaited<ReturnType<PrismaClient["onCallRota"]["findMany"]>>[number];

/** Everyone a rota or a step can name: operators and supervisors who can sign in, by name. */
async function readPeople(prisma: PrismaClient) {
  return prisma.user.findMany({
    where: { role: { in: [...ASSIGNABLE_ROLES] }, OR: [{ banned: false }, { banned: null }] },
    select: { id: true, name: true, role: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

/** A rota as the page shows it: members by name (those who can no longer sign in drop out), now and next. */
export function toRota(row: TRotaRow, people: ReadonlyMap<string, TPerson>, now: Date): TRota {
  const members = row.memberIds.flatMap((id) => (people.has(id) ? [people.get(id)!] : []));
  const pattern = { memberIds: members.map((m) => m.id), shiftMinutes: row.shiftMinutes, anchorAt: row.anchorAt };
  const shiftOf = (shift: ReturnType<typeof shiftAt>): TShift | null =>
    shift && { person: people.get(shift.memberId)!, from: shift.from.toISOString(), to: shift.to.toISOString() };
  return {
    id: row.id,
    name: row.name,
    members,
    shiftMinutes: row.shiftMinutes,
    anchorAt: row.anchorAt.toISOString(),
    timeZone: row.timeZone,
    createdBy: row.createdByName,
    now: shiftOf(shiftAt(pattern, now)),
    next: shiftOf(nextShiftAfter(pattern, now)),
  };
}

/** GET /api/on-call: rotas (who is on call now and next), policies with their steps by name, and the people to pick. */
export async function readOnCall(deps: { prisma: PrismaClient; timeZone: string; now?: () => Date }): Promise<TOnCallOverview> {
  const now = deps.now?.() ?? new Date();
  const [rotaRows, policyRows, peopleRows] = await Promise.all([
    deps.prisma.onCallRota.findMany({ orderBy: [{ name: "asc" }] }),
    deps.prisma.escalationPolicy.findMany({ orderBy: [{ name: "asc" }] }),
    readPeople(deps.prisma),
  ]);
  const people = new Map(peopleRows.map((p) => [p.id, { id: p.id, name: p.name }]));
  const rotaNames = new Map(rotaRows.map((r) => [r.id, r.name]));
  const policies: TPolicy[] = policyRows.map((row) => ({
    id: row.id,
    name: row.name,
    matchers: matchersOf(row),
    steps: stepsOf(row.steps).map((step) => ({
      ...step,
      targetName:
        step.target.kind === "rota"
          ? `On call: ${rotaNames.get(step.target.rotaId) ?? "a removed rota"}`
          : step.target.kind === "user"
            ? (people.get(step.target.userId)?.name ?? "a removed user")
            : `Every ${step.target.role}`,
    })),
    createdBy: row.createdByName,
    createdAt: row.createdAt.toISOString(),
  }));
  return {
    rotas: rotaRows.map((row) => toRota(row, people, now)),
    policies,
    people: peopleRows.map((p) => ({ id: p.id, name: p.name, role: p.role as (typeof ASSIGNABLE_ROLES)[number] })),
    timeZone: deps.timeZone,
  };
}
