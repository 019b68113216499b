"use client";

import type { TDeadLetterView } from "@/lib/contracts/dead-letters";
import { DEAD_LETTER_REASON_COLOR } from "@/lib/design/tokens";
import { formatDateTime } from "@/components/format/date-time";
import { Chip } from "@/components/ui/chip";
import { LongText } from "@/components/ui/long-text";
import { Table } from "@/components/ui/table";
import { DeadLetterEntity } from "./dead-letter-entity";
import { describeReplays, describeSource, REASON_KIND_LABEL } from "./dead-letter-labels";
import { DeadLetterPayload } from "./dead-letter-payload";
import styles from "./dead-letter-table.module.css";

type TDeadLetterTableProps = {
  letters: readonly TDeadLetterView[];
  selected: ReadonlySet<string>;
  onToggle: (id: string, isSelected: boolean) => void;
  onToggleAll: (isSelected: boolean) => void;
};

export function DeadLetterTable({ letters, selected, onToggle, onToggleAll }: TDeadLetterTableProps) {
  const isAllSelected = letters.length > 0 && letters.every((l) => selected.has(l.id));
  return (
    <Table className={styles.table} scrollLabel="Dead letters">
      <thead>
        <tr>
          <th scope="col" className={styles.pick}>
            <input
              type="checkbox"
              aria-label="Select every letter shown"
              checked={isAllSelected}
              onChange={(event) => onToggleAll(event.target.checked)}
            />
          </th>
          <th scope="col">Received</th>
          <th scope="col">Reason</th>
          <th scope="col">Source</th>
          <th scope="col">Entity</th>
          <th scope="col">Payload</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {letters.map((letter) => (
          <tr key={letter.id} data-testid="dead-letter-row" data-id={letter.id} data-reason={letter.reasonKind}>
            <td className={styles.pick} data-label="Select">
              <input
                type="checkbox"
                aria-label={`Select the letter received ${formatDateTime(letter.receivedAt)}`}
                checked={selected.has(letter.id)}
                onChange={(event) => onToggle(letter.id, event.target.checked)}
              />
            </td>
            <td className={styles.time} data-label="Received">
              <time dateTime={letter.receivedAt}>{formatDateTime(letter.receivedAt)}</time>
            </td>
            <td className={styles.reason} data-label="Reason">
              <div className={styles.stack}>
                <Chip appearance="dot" color={DEAD_LETTER_REASON_COLOR[letter.reasonKind]}>
                  {REASON_KIND_LABEL[letter.reasonKind]}
                </Chip>
                <span className={styles.detail}>
                  <LongText text={letter.reason} />
                </span>
              </div>
            </td>
            <td className={styles.source} data-label="Source">
              {describeSource(letter.source)}
            </td>
            <td data-label="Entity">
              <DeadLetterEntity letter={letter} />
            </td>
            <td data-label="Payload">
              <DeadLetterPayload payload={letter.payload} />
            </td>
            <td className={styles.status} data-label="Status" data-testid="dead-letter-status">
              <div className={styles.stack}>
                <LetterStatus letter={letter} />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function LetterStatus({ letter }: { letter: TDeadLetterView }) {
  const replays = describeReplays(letter);
  return (
    <>
      {letter.handled ? (
        <span>
          Handled {formatDateTime(letter.handled.at)}
          {letter.handled.by && ` by ${letter.handled.by}`}
          {letter.handled.note && (
            <span className={styles.detail}>
              <LongText text={letter.handled.note} />
            </span>
          )}
        </span>
      ) : (
        <span className="muted">Not handled</span>
      )}
      {replays && (
        <span className={styles.detail} data-testid="dead-letter-replays" data-outcome={letter.replayOutcome ?? ""}>
          {replays}
          {letter.lastReplayedBy && ` (last by ${letter.lastReplayedBy})`}
        </span>
      )}
      {letter.notReplayableBecause && <span className={styles.detail}>Cannot be replayed: {letter.notReplayableBecause}</span>}
    </>
  );
}
