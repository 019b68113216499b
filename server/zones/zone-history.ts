import type { TZoneRevision } from "@/lib/contracts/zones";
import type { PrismaClient } from "@/server/db/generated/client";
import { isUuid } from "@/server/db/transaction";
import { notFound } from "@/server/errors";
import { REVISION_INCLUDE, toZoneRevision } from "./zone-rows";

/** Every saved state of a zone, removed ones included, newest first. */
export async function zoneHistory(prisma: PrismaClient, id: string): Promise<TZoneRevision[]> {
  if (!isUuid(id) || !(await prisma.zone.findUnique({ where: { id }, select: { id: true } }))) throw notFound("No such zone");
  const rows = await prisma.zoneRevision.findMany({ where: { zoneId: id }, include: REVISION_INCLUDE, orderBy: { version: "desc" } });
  return rows.map(toZoneRevision);
}
