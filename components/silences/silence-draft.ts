import { type TCreateSilenceRequest, ZCreateSilenceRequest } from "@/lib/contracts/silences";
import type { TDomainName } from "@/lib/contracts/layers";
import { fromWallClockInput, toWallClockInput } from "@/components/format/date-time";

/** The form as typed: datetime-local values on the city's wall clock (`cityTimeZone`), empty strings for "any". */
export type TSilenceDraft = {
  ruleId: string;
  entityId: string;
  domain: TDomainName | "";
  zone: string;
  kind: "once" | "recurring";
  startsAt: string;
  endsAt: string;
  days: number[];
  from: string;
  to: string;
  timeZone: string;
  until: string;
  reason: string;
  /** The zone the date-time fields are read in: the city's, as every list shows times, not the browser's. */
  cityTimeZone: string;
};

const HOUR_MS = 60 * 60_000;

/** A new draft in the city's time zone: one hour from now, or weeknights for a week when recurring. */
export function emptyDraft(now: number, timeZone: string): TSilenceDraft {
  const toLocalInput = (ms: number) => toWallClockInput(ms, timeZone);
  return {
    ruleId: "",
    entityId: "",
    domain: "",
    zone: "",
    kind: "once",
    startsAt: toLocalInput(now),
    endsAt: toLocalInput(now + HOUR_MS),
    days: [1, 2, 3, 4, 5],
    from: "22:00",
    to: "06:00",
    timeZone,
    until: toLocalInput(now + 7 * 24 * HOUR_MS),
    reason: "",
    cityTimeZone: timeZone,
  };
}

const instant = (local: string, timeZone: string) => {
  const ms = fromWallClockInput(local, timeZone);
  return Number.isNaN(ms) ? local : new Date(ms).toISOString();
};
const given = (value: string) => (value.trim() === "" ? undefined : value.trim());

/** The request the draft stands for, or the first reason it is not one yet (in words for the form). */
export function draftToRequest(draft: TSilenceDraft): { request: TCreateSilenceRequest } | { error: string } {
  const zone = draft.cityTimeZone;
  const parsed = ZCreateSilenceRequest.safeParse({
    matchers: { ruleId: given(draft.ruleId), entityId: given(draft.entityId), domain: given(draft.domain), zone: given(draft.zone) },
    window:
      draft.kind === "once"
        ? { kind: "once", startsAt: instant(draft.startsAt, zone), endsAt: instant(draft.endsAt, zone) }
        : {
            kind: "recurring",
            days: draft.days,
            from: draft.from,
            to: draft.to,
            timeZone: given(draft.timeZone),
            until: instant(draft.until, zone),
          },
    reason: draft.reason,
  });
  if (parsed.success) return { request: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue.path[0] === "matchers" ? "Matchers" : issue.path[0] === "window" ? "Window" : "Reason";
  return { error: `${where}: ${issue.message}` };
}
