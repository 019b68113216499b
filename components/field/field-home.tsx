"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { TAssignmentNotice } from "@/lib/contracts/units";
import { errorMessage } from "@/components/api/request-json";
import type { TCurrentUser } from "@/lib/contracts/auth";
import { ConnectionIndicator } from "./connection-indicator";
import { FieldOutbox } from "./field-outbox";
import { FIELD_ASSIGNMENT_KEY, fieldAssignmentQuery } from "./field-queries";
import { NoUnit } from "./no-unit";
import { OfflineBanner } from "./offline-banner";
import { PhoneNotifications } from "./phone-notifications";
import { SoundPrompt } from "./sound-prompt";
import { UnitPanel } from "./unit-panel";
import { useAssignmentSocket } from "./use-assignment-socket";
import { useFieldServiceWorker } from "./use-field-service-worker";
import { useNewAssignmentAlert } from "./use-new-assignment-alert";
import { useOnline } from "./use-online";
import { useSoundReady } from "./use-sound-ready";
import { useOutbox } from "./use-unit-actions";
import { formatClock } from "@/components/format/date-time";
import { CrewButton } from "./crew-button";
import { CrewNotice } from "./crew-notice";
import emptyStyles from "./crew-empty.module.css";
import styles from "./field-home.module.css";

/**
 * The field crew's phone: their unit, its current job, the status buttons and the queue of what this
 * phone sent. Works offline from the saved copy; taps made offline go out in order once back online.
 */
export function FieldHome({ user }: { user: TCurrentUser }) {
  const queryClient = useQueryClient();
  const online = useOnline();
  const assignmentQuery = useQuery(fieldAssignmentQuery());
  const refetch = useCallback(() => void queryClient.invalidateQueries({ queryKey: FIELD_ASSIGNMENT_KEY }), [queryClient]);
  const [notice, setNotice] = useState<string | null>(null);
  const onAssignmentChanged = useCallback(
    (change: TAssignmentNotice) => {
      if (change.message) setNotice(change.message);
      else if (change.reason === "dispatched") setNotice(null);
      refetch();
    },
    [refetch],
  );
  const connection = useAssignmentSocket({ onAssignmentChanged, onResync: refetch });
  const sound = useSoundReady();
  const isAvailableOffline = useFieldServiceWorker();
  const outbox = useOutbox();
  const { data } = assignmentQuery;
  const alertedIncidentId = useNewAssignmentAlert(data ? (data.assignment?.incident.id ?? null) : undefined);
  const showsSavedCopy = data !== undefined && (!online || assignmentQuery.isError);

  return (
    <div className={styles.crew}>
      <div className={styles.bar}>
        <ConnectionIndicator status={connection} />
        {isAvailableOffline && online && (
          <span className={styles.saved} data-testid="field-available-offline">
            Opens offline too
          </span>
        )}
        {showsSavedCopy && (
          <span className={styles.saved}>Saved copy from {formatClock(assignmentQuery.dataUpdatedAt, { withSeconds: false })}</span>
        )}
      </div>
      {!online && <OfflineBanner />}
      {!sound.ready && <SoundPrompt onEnable={sound.enable} />}
      {online && <PhoneNotifications />}
      {notice && <CrewNotice message={notice} onDismiss={() => setNotice(null)} />}

      {data === undefined ? (
        assignmentQuery.isError ? (
          <section className={emptyStyles.empty} role="alert">
            <h1 className={emptyStyles.title}>Cannot load your unit</h1>
            <p>{errorMessage(assignmentQuery.error)}. It loads by itself when the connection returns.</p>
            <CrewButton variant="secondary" onClick={refetch}>
              Try again
            </CrewButton>
          </section>
        ) : (
          <p className={styles.loading} role="status">
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
