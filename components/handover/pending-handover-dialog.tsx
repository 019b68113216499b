"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import type { THandover } from "@/lib/contracts/history";
import { errorMessage } from "@/components/api/request-json";
import { formatDateTime } from "@/components/admin/format-date";
import { HandoverSummaryView, ShiftSpan } from "./handover-summary-view";
import { pendingHandoverQuery, useConfirmHandover } from "./handover-queries";

/**
 * The incoming shift's handover: shown over the page after sign-in until the operator confirms reading it.
 * Mount it for operators and supervisors only (the API refuses everyone else).
 */
export function PendingHandoverDialog() {
  const pending = useQuery(pendingHandoverQuery());
  const handover = pending.data?.handover ?? null;
  return handover ? <HandoverDialog key={handover.id} handover={handover} /> : null;
}

/**
 * A modal <dialog>: the page behind is inert, so focus stays inside. Escape is not a way out (the
 * confirmation is what is recorded), and the dialog says so.
 */
function HandoverDialog({ handover }: { handover: THandover }) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const confirm = useConfirmHandover();
  const confirmed = useRef(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    headingRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);

  const onConfirm = () =>
    confirm.mutate(handover.id, {
      onSuccess: () => {
        confirmed.current = true;
        dialogRef.current?.close();
      },
    });

  return (
    <dialog
      ref={dialogRef}
      className="handover-dialog"
      aria-labelledby={`${id}-title`}
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
    >
      <div className="handover-dialog__body">
        <p className="handover-dialog__eyebrow">Shift handover</p>
        <h2 className="handover-dialog__title" id={`${id}-title`} ref={headingRef} tabIndex={-1}>
          From {handover.author.name}
        </h2>
        <p className="handover-dialog__meta">
          Written <time dateTime={handover.createdAt}>{formatDateTime(handover.createdAt)}</time> · shift <ShiftSpan summary={handover.summary} />
        </p>
        <p className="handover-dialog__note">{handover.note}</p>
        <details className="handover-item__details">
          <summary>Summary at the time of writing</summary>
          <HandoverSummaryView summary={handover.summary} />
        </details>
      </div>
      <div className="handover-dialog__foot">
        <p className="handover-dialog__hint" id={`${id}-hint`}>
          Confirm that you have read this handover to continue. It cannot be dismissed with Escape; your confirmation is recorded.
        </p>
        {confirm.isError && (
          <p className="field__error" role="alert">
            {errorMessage(confirm.error)}
          </p>
        )}
        <button type="button" className="button button--primary" onClick={onConfirm} disabled={confirm.isPending} data-testid="handover-confirm">
          {confirm.isPending ? "Saving…" : "I have read this"}
        </button>
      </div>
    </dialog>
  );
}
