"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { type TAckLinkOutcome, ZAckLinkOutcome } from "@/lib/contracts/on-call";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Page, PageHead, PageSubtitle, PageTitle } from "@/components/ui/page";
import { QueryState } from "@/components/ui/query-state";

const HEADLINE: Record<TAckLinkOutcome["outcome"], string> = {
  acknowledged: "Acknowledged",
  nothing: "Nothing left to acknowledge",
  expired: "This link has expired",
  used: "This link was already used",
};

const LEAD: Record<TAckLinkOutcome["outcome"], string> = {
  acknowledged: "You own it now; the escalation stops. Open it in the control room to work it.",
  nothing: "Someone got there first, or it ended. Here is where each alert stands.",
  expired: "Links work for 30 minutes after the message. Open the alert in the control room to acknowledge it there.",
  used: "Each link works once. Here is where each alert stands now.",
};

function resultText(alert: TAckLinkOutcome["alerts"][number]): string {
  switch (alert.result) {
    case "acknowledged":
      return "acknowledged by you";
    case "already_acknowledged":
      return alert.by ? `already acknowledged by ${alert.by}` : "already acknowledged";
    case "resolved":
      return "resolved";
    case "changed":
      return "changed since the message: open it to acknowledge";
    default:
      return "still open";
  }
}

/** Opens the link once on arrival and says what it did. */
export function AckLinkPage({ token }: { token: string }) {
  const open = useMutation({
    mutationFn: () => requestJson(`/api/ack-links/${encodeURIComponent(token)}`, ZAckLinkOutcome, { method: "POST", body: {} }),
  });
  // Once per page view: React may run effects twice in development, and the link is single use.
  const isOpened = useRef(false);
  useEffect(() => {
    if (isOpened.current) return;
    isOpened.current = true;
    open.mutate();
  }, [open]);

  return (
    <Page>
      <PageHead>
        <div>
          <PageTitle data-testid="ack-headline">{open.data ? HEADLINE[open.data.outcome] : "Acknowledge"}</PageTitle>
          {open.data && <PageSubtitle>{LEAD[open.data.outcome]}</PageSubtitle>}
        </div>
      </PageHead>
      {open.isError ? (
        <QueryState state="error" size="page" title="The link could not be opened" detail={errorMessage(open.error)}>
          <ButtonLink href="/">Open the control room</ButtonLink>
        </QueryState>
      ) : !open.data ? (
        <QueryState state="loading" size="page">
          <p>Acknowledging…</p>
        </QueryState>
      ) : (
        <Card aria-labelledby="ack-alerts-title" data-testid="ack-result">
          <CardTitle id="ack-alerts-title">{open.data.alerts.length === 1 ? "The alert" : `${open.data.alerts.length} alerts`}</CardTitle>
          <ul>
            {open.data.alerts.map((alert) => (
              <li key={alert.id} data-testid="ack-alert">
                <a href={`/?alert=${encodeURIComponent(alert.id)}`}>{alert.title}</a>: {resultText(alert)}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </Page>
  );
}
