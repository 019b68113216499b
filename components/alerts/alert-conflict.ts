import { ZAlert, type TAlert } from "@/lib/contracts/alerts";
import { ApiRequestError } from "@/components/api/request-json";
import { humanize } from "@/components/format/humanize";

/** The alert a 409 says won (`{ error, current }`), if the body carries one. */
export function conflictAlert(error: unknown): TAlert | null {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return null;
  const body = error.body as { current?: unknown } | null;
  const parsed = ZAlert.safeParse(body?.current);
  return parsed.success ? parsed.data : null;
}

/** "Already acknowledged by Sam Supervisor": what someone else did first, in words. */
export function describeConflict(serverMessage: string, current: TAlert | null): string {
  if (!current) return serverMessage;
  if (current.status === "resolved") {
    return `Already resolved${current.resolution ? `: ${current.resolution}` : ""}. Nothing more to do.`;
  }
  if (current.status === "acknowledged" && current.acknowledgedBy) {
    return `Already acknowledged by ${current.acknowledgedBy.name}. The alert below shows its current state.`;
  }
  return `${serverMessage} It is now ${humanize(current.status).toLowerCase()}; the alert below shows its current state.`;
}
