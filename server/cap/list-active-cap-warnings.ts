import { type TCapWarning, ZCapRing } from "@/lib/contracts/cap-warnings";
import type { CapWarning, PrismaClient } from "@/server/db/generated/client";

/** Hundreds at most in a real emergency; the cap keeps one answer bounded whatever a sender does. */
const ACTIVE_WARNINGS_MAX = 500;

/** The live set: actual (not test or exercise) warnings neither replaced, cancelled nor expired, newest first. */
export async function listActiveCapWarnings(prisma: PrismaClient, now: Date = new Date()): Promise<TCapWarning[]> {
  const rows = await prisma.capWarning.findMany({
    where: { state: "active", status: "Actual", msgType: { not: "Cancel" }, OR: [{ expires: null }, { expires: { gt: now } }] },
    orderBy: [{ sent: "desc" }],
    take: ACTIVE_WARNINGS_MAX,
  });
  return rows.map(toCapWarning);
}

function toCapWarning(row: CapWarning): TCapWarning {
  return {
    id: row.id,
    sender: row.sender,
    senderName: row.senderName,
    identifier: row.identifier,
    sent: row.sent.toISOString(),
    // Active rows always come from an Alert or Update, whose info block was required.
    event: row.event ?? "",
    urgency: row.urgency as TCapWarning["urgency"],
    severity: row.severity as TCapWarning["severity"],
    certainty: row.certainty as TCapWarning["certainty"],
    headline: row.headline,
    description: row.description,
    instruction: row.instruction,
    areaDesc: row.areaDesc ?? "",
    polygons: ZCapRing.array().parse(row.polygons),
    onset: row.onset?.toISOString() ?? null,
    expires: row.expires?.toISOString() ?? null,
  };
}
