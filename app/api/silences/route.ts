import { ZCreateSilenceRequest, ZSilence, ZSilenceList } from "@/lib/contracts/silences";
import { CITY_TIME_ZONE } from "@/server/history/city-time-zone";
import { actorOf } from "@/server/http/actor";
import { defineRoute, withStatus } from "@/server/http/define-route";
import { hubPublisher } from "@/server/realtime/publisher";
import { createSilence, listSilences } from "@/server/silences/manage-silences";

export const dynamic = "force-dynamic";

/** Active, upcoming and recently ended silences (ZSilenceList); operators read them to know why something is quiet. */
export const GET = defineRoute({ roles: ["operator", "supervisor", "admin"], response: ZSilenceList }, async ({ runtime }) =>
  listSilences({ prisma: runtime.database.prisma, defaultTimeZone: CITY_TIME_ZONE }),
);

/** Creates a silence (ZCreateSilenceRequest → 201 ZSilence), audited; open alerts it covers are silenced and pushed. */
export const POST = defineRoute(
  { roles: ["supervisor", "admin"], body: ZCreateSilenceRequest, response: ZSilence },
  async ({ runtime, user, ip, body }) =>
    withStatus(
      await createSilence(
        {
          prisma: runtime.database.prisma,
          actor: actorOf(user),
          actorName: user.name,
          ip,
          publish: hubPublisher(runtime.city.hub),
          defaultTimeZone: CITY_TIME_ZONE,
          domains: runtime.city.domains.catalog,
        },
        body,
      ),
      201,
    ),
);
