import { ZFieldPositionRequest } from "@/lib/contracts/units";
import { reportFieldPosition } from "@/server/dispatch/report-field-position";
import { defineRoute } from "@/server/http/define-route";
import { hubPublisher } from "@/server/realtime/publisher";

export const dynamic = "force-dynamic";

/** The crew's phone position, as a UnitPosition event for their unit (ZFieldPositionRequest → 204; 400 without a unit). */
export const POST = defineRoute({ roles: ["field"], body: ZFieldPositionRequest }, async ({ runtime, user, body }) => {
  const deps = { prisma: runtime.database.prisma, source: runtime.city.source, publish: hubPublisher(runtime.city.hub) };
  await reportFieldPosition(deps, user.id, body);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
