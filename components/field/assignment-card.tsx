import { INCIDENT_TYPE_LABEL } from "@/components/incidents/incident-labels";
import type { TFieldAssignment } from "@/lib/contracts/units";
import { haversineM, type TLonLat } from "@/lib/geo";
import { AssignmentMap } from "./assignment-map";
import { formatClock } from "@/components/format/date-time";
import { formatDistance } from "@/components/format/distance";
import { formatEta } from "@/components/format/duration";

type TAssignmentCardProps = {
  assignment: NonNullable<TFieldAssignment["assignment"]>;
  /** The phone's position while the crew shares it. */
  position: TLonLat | null;
  /** Just arrived and not acknowledged yet. */
  isNew: boolean;
};

export function AssignmentCard({ assignment, position, isNew }: TAssignmentCardProps) {
  const { incident, dispatch, notes } = assignment;
  return (
    <section
      className={`crew-job${isNew ? " crew-job--new" : ""}`}
      aria-labelledby="assignment-title"
      data-testid="field-assignment"
      data-incident-id={incident.id}
    >
      {isNew && <p className="crew-job__new">New assignment</p>}
      <div className="crew-job__head">
        <span className={`crew-priority crew-priority--${incident.priority}`}>{incident.priority}</span>
        <h2 className="crew-job__title" id="assignment-title">
          {INCIDENT_TYPE_LABEL[incident.type]}
        </h2>
      </div>
      <p className="crew-job__number">{incident.number}</p>
      <p className="crew-job__address">{incident.address ?? `${incident.location[1].toFixed(5)}, ${incident.location[0].toFixed(5)}`}</p>
      {incident.description && <p className="crew-job__description">{incident.description}</p>}

      <dl className="crew-facts">
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
      <p className="crew-job__meta">
        Dispatched {formatClock(dispatch.dispatchedAt, { withSeconds: false })}
        {position ? " · distance from you is a straight line" : " · distance and ETA as planned at dispatch"}
      </p>

      <AssignmentMap incident={incident.location} route={dispatch.route} unit={position ?? dispatch.route[0] ?? null} unitIsLive={position !== null} />

      {notes.length > 0 && (
        <section className="crew-notes" aria-labelledby="assignment-notes-title">
          <h3 className="crew-notes__title" id="assignment-notes-title">
            Notes
          </h3>
          <ul>
            {notes.map((note, i) => (
              <li key={`${note.at}-${i}`}>
                <span className="crew-notes__meta">
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
