"use client";

import { INCIDENT_TYPE_LABEL, type TIncidentPriority } from "@/components/incidents/incident-labels";
import type { TFieldAssignment } from "@/lib/contracts/units";
import { haversineM, type TLonLat } from "@/lib/geo";
import { AssignmentMap } from "./assignment-map";
import { formatCoordinates, usePlaceName } from "@/components/city/use-place-name";
import { formatClock } from "@/components/format/date-time";
import { formatDistance } from "@/components/format/distance";
import { formatEta } from "@/components/format/duration";
import { cx } from "@/components/ui/class-names";
import styles from "./assignment-card.module.css";

const PRIORITY_CLASS: Record<TIncidentPriority, string | undefined> = {
  P1: styles.p1,
  P2: styles.p2,
  P3: styles.p3,
  P4: styles.p4,
};

type TAssignmentCardProps = {
  assignment: NonNullable<TFieldAssignment["assignment"]>;
  /** The phone's position while the crew shares it. */
  position: TLonLat | null;
  /** Just arrived and not acknowledged yet. */
  isNew: boolean;
};

export function AssignmentCard({ assignment, position, isNew }: TAssignmentCardProps) {
  const { incident, dispatch, notes } = assignment;
  const place = usePlaceName(incident.location);
  return (
    <section
      className={cx(styles.job, isNew && styles.isNew)}
      aria-labelledby="assignment-title"
      data-testid="field-assignment"
      data-incident-id={incident.id}
    >
      {isNew && <p className={styles.newLabel}>New assignment</p>}
      <div className={styles.head}>
        <span className={cx(styles.priority, PRIORITY_CLASS[incident.priority])}>{incident.priority}</span>
        <h2 className={styles.title} id="assignment-title">
          {INCIDENT_TYPE_LABEL[incident.type]}
        </h2>
      </div>
      <p className={styles.number}>{incident.number}</p>
      <p className={styles.address} title={formatCoordinates(incident.location)}>
        {incident.address ?? place ?? `${incident.zone} · ${formatCoordinates(incident.location)}`}
      </p>
      {incident.description && <p className={styles.description}>{incident.description}</p>}

      <dl className={styles.facts}>
        <div>
          <dt>By road</dt>
          <dd>{formatDistance(dispatch.distanceM)}</dd>
        </div>
        <div>
          <dt>ETA</dt>
          <dd>{formatEta(dispatch.etaSeconds)}</dd>
        </div>
        {position && (
          <div data-testid="field-live-distance">
            <dt>From you now</dt>
            <dd>{formatDistance(haversineM(position, incident.location))}</dd>
          </div>
        )}
      </dl>
      <p className={styles.meta}>
        Dispatched {formatClock(dispatch.dispatchedAt, { withSeconds: false })}
        {position ? " · distance from you is a straight line" : " · distance and ETA as planned at dispatch"}
      </p>

      <AssignmentMap
        incident={incident.location}
        route={dispatch.route}
        unit={position ?? dispatch.route[0] ?? null}
        unitIsLive={position !== null}
      />

      {notes.length > 0 && (
        <section className={styles.notes} aria-labelledby="assignment-notes-title">
          <h3 className={styles.notesTitle} id="assignment-notes-title">
            Notes
          </h3>
          <ul>
            {notes.map((note, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: notes have no id; two may share a minute, and the list only grows.
              <li key={`${note.at}-${i}`}>
                <span className={styles.notesMeta}>
                  {formatClock(note.at, { withSeconds: false })}
                  {note.author ? ` · ${note.author.name}` : ""}
                </span>
                {note.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
