"use client";

import { useQuery } from "@tanstack/react-query";
import type { THandover } from "@/lib/contracts/history";
import { errorMessage } from "@/components/api/request-json";
import { HandoverSummaryView, ShiftSpan } from "./handover-summary-view";
import { recentHandoversQuery, useConfirmHandover } from "./handover-queries";
import { formatDateTime } from "@/components/format/date-time";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field";
import styles from "./handover-item.module.css";

/** Recent handovers, newest first, with who confirmed reading them. */
export function HandoverList({ userId }: { userId: string }) {
  const recent = useQuery(recentHandoversQuery());
  const confirm = useConfirmHandover();

  return (
    <Card aria-labelledby="handover-list-title" aria-busy={recent.isPending}>
      <CardTitle id="handover-list-title">Recent handovers</CardTitle>
      {recent.isPending ? (
        <p className="muted" role="status">
          Loading handovers…
        </p>
      ) : recent.isError ? (
        <FieldError role="alert">The handovers could not be loaded: {errorMessage(recent.error)}</FieldError>
      ) : recent.data.length === 0 ? (
        <p className="muted">No handovers yet.</p>
      ) : (
        <ol className={styles.items}>
          {recent.data.map((handover) => (
            <HandoverItem
              key={handover.id}
              handover={handover}
              userId={userId}
              confirming={confirm.isPending && confirm.variables === handover.id}
              onConfirm={() => confirm.mutate(handover.id)}
            />
          ))}
        </ol>
      )}
      {confirm.isError && <FieldError role="alert">{errorMessage(confirm.error)}</FieldError>}
    </Card>
  );
}

function HandoverItem({
  handover,
  userId,
  confirming,
  onConfirm,
}: {
  handover: THandover;
  userId: string;
  confirming: boolean;
  onConfirm: () => void;
}) {
  const mine = handover.author.id === userId;
  const readByMe = handover.readBy.some((r) => r.id === userId);
  return (
    <li className={styles.item} data-testid="handover-item" data-id={handover.id}>
      <div className={styles.head}>
        <div>
          <p className={styles.author}>
            {handover.author.name}
            {mine && <span className={styles.tag}>you</span>}
          </p>
          <p className={styles.meta}>
            Written <time dateTime={handover.createdAt}>{formatDateTime(handover.createdAt)}</time> · shift{" "}
            <ShiftSpan summary={handover.summary} />
          </p>
        </div>
        {!mine && !readByMe && (
          <Button variant="accent" onClick={onConfirm} disabled={confirming}>
            {confirming ? "Saving…" : "I have read this"}
          </Button>
        )}
      </div>
      <p className={styles.note}>{handover.note}</p>
      <details className={styles.details}>
        <summary>Summary at the time of writing</summary>
        <HandoverSummaryView summary={handover.summary} />
      </details>
      <p className={styles.meta}>
        {handover.readBy.length === 0 ? (
          <span className="muted">Not confirmed by anyone yet.</span>
        ) : (
          <>
            Read by{" "}
            {handover.readBy.map((reader, index) => (
              <span key={reader.id}>
                {index > 0 && ", "}
                {reader.name}{" "}
                <span className="muted">
                  (<time dateTime={reader.at}>{formatDateTime(reader.at)}</time>)
                </span>
              </span>
            ))}
          </>
        )}
      </p>
    </li>
  );
}
