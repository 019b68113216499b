import type { TZone } from "@/lib/contracts/zones";
import type { PrismaClient } from "@/server/db/generated/client";
import { toZone, ZONE_INCLUDE } from "./zone-rows";

/** The zones in use (not removed), by kind then name. */
export async function listZones(prisma: PrismaClient): Promise<TZone[]> {
  const rows = await prisma.zone.findMany({
    where: { removedAt: null },
    include: ZONE_INCLUDE,
    orderBy: [{ kind: "asc" }, { name: "asc" }],
  });
  return rows.map(toZone);
}
