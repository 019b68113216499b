"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { errorMessage } from "@/components/api/request-json";
import type { TCurrentUser } from "@/lib/contracts/auth";
import { ConnectionIndicator } from "./connection-indicator";
import { FieldOutbox } from "./field-outbox";
import { FIELD_ASSIGNMENT_KEY, fieldAssignmentQuery } from "./field-queries";
import { NoUnit } from "./no-unit";
import { OfflineBanner } from "./offline-banner";
import { SoundPrompt } from "./sound-prompt";
import { UnitPanel } from "./unit-panel";
import { useAssignmentSocket } from "./use-assignment-socket";
import { useNewAssignmentAlert } from "./use-new-assignment-alert";
import { useOnline } from "./use-online";
import { useSoundReady } from "./use-sound-ready";
import { useOutbox } from "./use-unit-actions";
import { formatClock } from "@/components/format/date-time";

/**
 * The field crew's phone: their unit, its current job, the status buttons and the queue of what this
 * phone sent. Works offline from the saved copy; taps made offline go out in order once back online.
 */
export function FieldHome({ user }: { user: TCurrentUser }) {
  const queryClient = useQueryClient();
  const online = useOnline();
  const assignmentQuery = useQuery(fieldAssignmentQuery());
  const refetch = useCallback(() => void queryClient.invalidateQueries({ queryKey: FIELD_ASSIGNMENT_KEY }), [queryClient]);
  const connection = useAssignmentSocket({ onAssignmentChanged: refetch, onResync: refetch });
  const sound = useSoundReady();
  const outbox = useOutbox();
  const { data } = assignmentQuery;
  const alertedIncidentId = useNewAssignmentAlert(data ? (data.assignment?.incident.id ?? null) : undefined);
  const showsSavedCopy = data !== undefined && (!online || assignmentQuery.isError);

  return (
    <div className="crew">
      <div className="crew-bar">
        <ConnectionIndicator status={connection} />
        {showsSavedCopy && <span className="crew-bar__saved">Saved copy from {formatClock(assignmentQuery.dataUpdatedAt, { withSeconds: false })}</span>}
      </div>
      {!online && <OfflineBanner />}
      {!sound.ready && <SoundPrompt onEnable={sound.enable} />}

      {data === undefined ? (
        assignmentQuery.isError ? (
          <section className="crew-empty" role="alert">
            <h1 className="crew-empty__title">Cannot load your unit</h1>
            <p>{errorMessage(assignmentQuery.error)}. It loads by itself when the connection returns.</p>
            <button type="button" className="crew-button crew-button--secondary" onClick={refetch}>
              Try again
            </button>
          </section>
        ) : (
          <p className="crew-loading" role="status">
            Loading your unit…
          </p>
        )
      ) : data.unit === null ? (
        <NoUnit name={user.name} />
      ) : (
        <UnitPanel data={{ ...data, unit: data.unit }} crewName={user.name} online={online} alertedIncidentId={alertedIncidentId} />
      )}

      <FieldOutbox items={outbox} online={online} />
    </div>
  );
}
