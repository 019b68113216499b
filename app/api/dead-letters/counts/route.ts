import { ZDeadLetterCounts, ZDeadLetterCountsQuery } from "@/lib/contracts/dead-letters";
import { countDeadLettersByHour } from "@/server/dead-letters/count-dead-letters-by-hour";
import { defineRoute } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** Dead letters per hour and reason over the last hours, and the sources they came from (ZDeadLetterCounts). */
export const GET = defineRoute(
  { roles: ["admin", "supervisor"], query: ZDeadLetterCountsQuery, response: ZDeadLetterCounts },
  async ({ runtime, query }) => countDeadLettersByHour(runtime.database.prisma, query),
);
