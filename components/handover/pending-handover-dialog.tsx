"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useRef } from "react";
import type { THandover } from "@/lib/contracts/history";
import { errorMessage } from "@/components/api/request-json";
import { HandoverSummaryView, ShiftSpan } from "./handover-summary-view";
import { pendingHandoverQuery, useConfirmHandover } from "./handover-queries";
import { formatDateTime } from "@/components/format/date-time";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { cx } from "@/components/ui/class-names";
import { FieldError } from "@/components/ui/field";
import styles from "./handover-item.module.css";

/**
 * The incoming shift's handover: shown over the page after sign-in until the operator confirms reading it.
 * Mount it for operators and supervisors only (the API refuses everyone else).
 */
export function PendingHandoverDialog() {
  const pending = useQuery(pendingHandoverQuery());
  const handover = pending.data?.handover ?? null;
  return handover ? <HandoverDialog key={handover.id} handover={handover} /> : null;
}

/** Escape is not a way out (the confirmation is what is recorded), and the dialog says so. */
function HandoverDialog({ handover }: { handover: THandover }) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirm = useConfirmHandover();
  const confirmed = useRef(false);

  const onConfirm = () =>
    confirm.mutate(handover.id, {
      onSuccess: () => {
        confirmed.current = true;
        dialogRef.current?.close();
      },
    });

  return (
    <Dialog
      ref={dialogRef}
      eyebrow="Shift handover"
      title={<>From {handover.author.name}</>}
      aria-describedby={`${id}-hint`}
      data-testid="pending-handover-dialog"
      // Escape asks the dialog to close: refused until the handover is confirmed.
      onCancel={(event) => event.preventDefault()}
      onKeyDown={(event) => {
        if (event.key === "Escape") event.preventDefault();
      }}
      onClose={() => {
        // Browsers may close a modal dialog on a repeated Escape regardless; put it back.
        if (!confirmed.current && dialogRef.current && !dialogRef.current.open) dialogRef.current.showModal();
      }}
      footer={
        <>
          <p className={styles.meta} id={`${id}-hint`}>
            Confirm that you have read this handover to continue. It cannot be dismissed with Escape; your confirmation is recorded.
          </p>
          {confirm.isError && <FieldError role="alert">{errorMessage(confirm.error)}</FieldError>}
          <Button variant="primary" onClick={onConfirm} disabled={confirm.isPending} data-testid="handover-confirm">
            {confirm.isPending ? "Saving…" : "I have read this"}
          </Button>
        </>
      }
    >
      <p className={styles.meta}>
        Written <time dateTime={handover.createdAt}>{formatDateTime(handover.createdAt)}</time> · shift{" "}
        <ShiftSpan summary={handover.summary} />
      </p>
      <p className={cx(styles.note, styles.dialogNote)}>{handover.note}</p>
      <details className={styles.details}>
        <summary>Summary at the time of writing</summary>
        <HandoverSummaryView summary={handover.summary} />
      </details>
    </Dialog>
  );
}
