import { type TCreateSilenceRequest, ZCreateSilenceRequest } from "@/lib/contracts/silences";
import type { TLayer } from "@/lib/contracts/layers";

/** The form as typed: datetime-local values (the browser's wall clock), empty strings for "any". */
export type TSilenceDraft = {
  ruleId: string;
  entityId: string;
  domain: TLayer | "";
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
};

const HOUR_MS = 60 * 60_000;

/** A datetime-local value ("2026-12-03T06:00", no zone) for an instant, on this browser's clock. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A new draft: one hour from now, or weeknights for a week when recurring. */
export function emptyDraft(now: number, timeZone: string): TSilenceDraft {
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
  };
}

const instant = (local: string) => {
  const ms = Date.parse(local);
  return Number.isNaN(ms) ? local : new Date(ms).toISOString();
};
const given = (value: string) => (value.trim() === "" ? undefined : value.trim());

/** The request the draft stands for, or the first reason it is not one yet (in words for the form). */
export function draftToRequest(draft: TSilenceDraft): { request: TCreateSilenceRequest } | { error: string } {
  const parsed = ZCreateSilenceRequest.safeParse({
    matchers: { ruleId: given(draft.ruleId), entityId: given(draft.entityId), domain: given(draft.domain), zone: given(draft.zone) },
    window:
      draft.kind === "once"
        ? { kind: "once", startsAt: instant(draft.startsAt), endsAt: instant(draft.endsAt) }
        : {
            kind: "recurring",
            days: draft.days,
            from: draft.from,
            to: draft.to,
            timeZone: given(draft.timeZone),
            until: instant(draft.until),
          },
    reason: draft.reason,
  });
  if (parsed.success) return { request: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue.path[0] === "matchers" ? "Matchers" : issue.path[0] === "window" ? "Window" : "Reason";
  return { error: `${where}: ${issue.message}` };
}
