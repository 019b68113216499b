import type { TResponderUnit } from "@/lib/contracts/units";
import type { PrismaClient } from "@/server/db/generated/client";
import { toResponderUnit, UNIT_INCLUDE } from "./unit-view";

/** Every unit, by type then call sign. */
export async function listUnits(prisma: PrismaClient): Promise<TResponderUnit[]> {
  const rows = await prisma.unit.findMany({ include: UNIT_INCLUDE, orderBy: [{ type: "asc" }, { callSign: "asc" }] });
  return rows.map(toResponderUnit);
}
