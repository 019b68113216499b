"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { DEAD_LETTER_REASON_KINDS, type TDeadLetterCounts } from "@/lib/contracts/dead-letters";
import { DEAD_LETTER_REASON_COLOR } from "@/lib/design/tokens";
import { formatInt } from "@/components/format/number";
import { Card, CardSubtitle, CardTitle } from "@/components/ui/card";
import { Chip } from "@/components/ui/chip";
import { DataSection } from "@/components/ui/data-section";
import { QueryState } from "@/components/ui/query-state";
import { DeadLetterCountsChart } from "./dead-letter-counts-chart";
import { REASON_KIND_LABEL } from "./dead-letter-labels";
import { DEAD_LETTER_COUNT_HOURS } from "./dead-letter-queries";
import styles from "./dead-letter-counts-card.module.css";

/** Letters per hour by reason over the last day, and the totals by reason (handled ones included). */
export function DeadLetterCountsCard({ counts }: { counts: UseQueryResult<TDeadLetterCounts> }) {
  return (
    <Card className={styles.card} aria-label="Dead letters by reason" data-testid="dead-letter-counts">
      <div>
        <CardTitle>By reason, last {DEAD_LETTER_COUNT_HOURS} hours</CardTitle>
        <CardSubtitle>Every letter received per hour, handled or not.</CardSubtitle>
      </div>
      <DataSection query={counts} size="inline" loading="Loading counts…" failed="The counts could not be loaded">
        {(data) => <CountsBody counts={data} />}
      </DataSection>
    </Card>
  );
}

function CountsBody({ counts }: { counts: TDeadLetterCounts }) {
  const totals = DEAD_LETTER_REASON_KINDS.map((kind) => ({
    kind,
    total: counts.hours.reduce((sum, hour) => sum + (hour.counts[kind] ?? 0), 0),
  })).filter((t) => t.total > 0);
  if (totals.length === 0) {
    return <QueryState state="empty" size="inline" title={`No dead letters in the last ${DEAD_LETTER_COUNT_HOURS} hours`} />;
  }
  return (
    <>
      <DeadLetterCountsChart counts={counts} />
      <ul className={styles.totals} aria-label="Totals by reason">
        {totals.map(({ kind, total }) => (
          <li key={kind}>
            <Chip appearance="dot" color={DEAD_LETTER_REASON_COLOR[kind]}>
              {REASON_KIND_LABEL[kind]}: {formatInt(total)}
            </Chip>
          </li>
        ))}
      </ul>
    </>
  );
}
