"use client";

import type { TFieldAssignment, TResponderUnit } from "@/lib/contracts/units";
import { AssignmentCard } from "./assignment-card";
import { FIELD_FLOW_ACTIONS, applyCrewActions, canSendNote, crewViewOf } from "./field-actions";
import { NoAssignment } from "./no-assignment";
import { NoteBox } from "./note-box";
import { PositionSharing } from "./position-sharing";
import { StatusActions } from "./status-actions";
import { UnitCard } from "./unit-card";
import { usePositionSharing } from "./use-position-sharing";
import { usePendingUnitActions, useSendUnitAction } from "./use-unit-actions";

type TUnitPanelProps = {
  data: TFieldAssignment & { unit: TResponderUnit };
  crewName: string;
  online: boolean;
  /** The incident the page last alerted the crew to (tone, vibration). */
  alertedIncidentId: string | null;
};

/** The crew's unit, its job and what they can report, with their unsent taps already applied. */
export function UnitPanel({ data, crewName, online, alertedIncidentId }: TUnitPanelProps) {
  const { unit, assignment } = data;
  const pending = usePendingUnitActions(unit.id);
  const send = useSendUnitAction(unit.id);
  const sharing = usePositionSharing();
  const serverView = crewViewOf(data);
  if (!serverView) return null;
  const view = applyCrewActions(serverView, pending);
  const unsentStatus = pending.some((action) => (FIELD_FLOW_ACTIONS as readonly string[]).includes(action));
  const isNew = assignment !== null && assignment.incident.id === alertedIncidentId && !view.acknowledged;

  return (
    <>
      <UnitCard unit={unit} view={view} unsent={unsentStatus} crewName={crewName} />
      {assignment ? <AssignmentCard assignment={assignment} position={sharing.position} isNew={isNew} /> : <NoAssignment />}
      <StatusActions view={view} onAction={(action) => send(action)} />
      <NoteBox disabled={!canSendNote(view)} onSend={(text) => send("note", text)} />
      <PositionSharing sharing={sharing} online={online} />
    </>
  );
}
