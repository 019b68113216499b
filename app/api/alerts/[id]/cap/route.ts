import { defineRoute } from "@/server/http/define-route";
import { toAlert } from "@/server/alerts/alert-view";
import { buildCap } from "@/server/alerts/build-cap";
import { findAlertRow } from "@/server/alerts/change-alert";
import { OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** The alert as a CAP 1.2 XML message (application/cap+xml). */
export const GET = defineRoute({ roles: OPERATIONS_ROLES }, async ({ runtime, params, request }) => {
  const alert = toAlert(await findAlertRow(runtime.database.prisma, params.id));
  const sender = `citynerve@${new URL(request.url).hostname}`;
  const { catalog } = runtime.city.domains;
  const category = catalog.capCategory(alert.domain, alert.ruleId);
  return new Response(buildCap(alert, { sender, sentAt: new Date(), category, domainLabel: catalog.label(alert.domain) }), {
    headers: {
      "Content-Type": "application/cap+xml; charset=utf-8",
      "Content-Disposition": `inline; filename="alert-${alert.id}.cap.xml"`,
      "Cache-Control": "no-store",
    },
  });
});
