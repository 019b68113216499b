import { ZAlertGroupActionRequest, ZAlertGroupActionResponse } from "@/lib/contracts/alerts";
import { defineRoute } from "@/server/http/define-route";
import { actOnAlertGroup } from "@/server/alerts/act-on-alert-group";
import { actionDeps, OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** Acknowledge or resolve a correlation group (ZAlertGroupActionRequest → ZAlertGroupActionResponse: per-alert conflicts, the rest applied). */
export const POST = defineRoute(
  { roles: OPERATIONS_ROLES, body: ZAlertGroupActionRequest, response: ZAlertGroupActionResponse },
  async (input) => actOnAlertGroup(actionDeps(input), input.body),
);
