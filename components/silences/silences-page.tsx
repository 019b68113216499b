"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { silenceState, type TSilence, type TSilenceState } from "@/lib/contracts/silences";
import { errorMessage } from "@/components/api/request-json";
import { formatDateTime } from "@/components/format/date-time";
import { useNowMinute } from "@/components/format/use-now";
import { Feedback, type TFeedback } from "@/components/nav/feedback";
import { rulesQuery } from "@/components/rules/rule-queries";
import { useDomainCatalog } from "@/components/domains/use-domain-catalog";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Page, PageCount, PageHead, PageSubtitle, PageTitle } from "@/components/ui/page";
import { DataSection } from "@/components/ui/data-section";
import { QueryState } from "@/components/ui/query-state";
import { ActionsHeader, Table } from "@/components/ui/table";
import { ExpiringSilencesNotice } from "./expiring-silences-notice";
import { SilenceForm } from "./silence-form";
import { describeMatchers, describeWindow } from "./silence-labels";
import { silencesQuery, useCancelSilence } from "./silence-queries";
import styles from "./silences.module.css";

const SECTIONS: readonly { state: TSilenceState; title: string; empty: string }[] = [
  { state: "active", title: "Active", empty: "Nothing is silenced now." },
  { state: "upcoming", title: "Upcoming", empty: "No silence is scheduled." },
  { state: "ended", title: "Ended in the last 24 hours", empty: "None ended recently." },
];

/** /silences: supervisors and admins silence alerts by rule, entity, domain or zone for a time; every change audited. */
export function SilencesPage() {
  const silences = useQuery(silencesQuery());
  const rules = useQuery(rulesQuery()).data;
  const ruleNames = useMemo(() => new Map(rules?.map(({ rule }) => [rule.id, rule.name])), [rules]);
  const now = useNowMinute();
  const [feedback, setFeedback] = useState<TFeedback | null>(null);

  return (
    <Page>
      <PageHead>
        <div>
          <PageTitle>Silences</PageTitle>
          <PageSubtitle>
            Maintenance windows and known problems: matching alerts are still recorded and listed (&ldquo;Show silenced&rdquo; in the queue)
            but do not sound, show in the banner or escalate. Ending or cancelling a silence does not make the alerts it silenced ring; new
            ones do. Every change is audited.
          </PageSubtitle>
        </div>
        {silences.data && <PageCount>{silences.data.silences.length} silences</PageCount>}
      </PageHead>

      <Feedback feedback={feedback} onDismiss={() => setFeedback(null)} />
      {silences.data && <ExpiringSilencesNotice silences={silences.data.silences} now={now} />}

      <div className={styles.layout}>
        <div className={styles.sections} aria-busy={silences.isPending}>
          <DataSection query={silences} size="page" loading="Loading silences…" failed="The silences could not be loaded">
            {(data) =>
              SECTIONS.map((section) => (
                <SilenceSection
                  key={section.state}
                  {...section}
                  silences={now === null ? [] : data.silences.filter((s) => silenceState(s, now) === section.state)}
                  ruleNames={ruleNames}
                  onFeedback={setFeedback}
                />
              ))
            }
          </DataSection>
        </div>
        {silences.data && (
          <SilenceForm
            defaultTimeZone={silences.data.defaultTimeZone}
            onCreated={(silence) =>
              setFeedback({ tone: "ok", message: `Silenced: ${silence.reason}. Open alerts it covers are silenced now.` })
            }
          />
        )}
      </div>
    </Page>
  );
}

type TSilenceSectionProps = {
  state: TSilenceState;
  title: string;
  empty: string;
  silences: readonly TSilence[];
  ruleNames: ReadonlyMap<string, string>;
  onFeedback: (feedback: TFeedback) => void;
};

function SilenceSection({ state, title, empty, silences, ruleNames, onFeedback }: TSilenceSectionProps) {
  const domains = useDomainCatalog();
  const cancel = useCancelSilence();
  const onCancel = (silence: TSilence) =>
    cancel.mutate(silence.id, {
      onSuccess: () =>
        onFeedback({ tone: "ok", message: `Cancelled "${silence.reason}". Alerts it silenced stay silenced; new ones ring again.` }),
      onError: (error) => onFeedback({ tone: "error", message: `Could not cancel "${silence.reason}": ${errorMessage(error)}` }),
    });
  const titleId = `silences-${state}-title`;
  return (
    <Card flush aria-labelledby={titleId} data-testid={`silences-${state}`}>
      <CardTitle id={titleId} className={styles.sectionTitle}>
        {title} ({silences.length})
      </CardTitle>
      {silences.length === 0 ? (
        <QueryState state="empty" title={empty} />
      ) : (
        <Table className={styles.table} scrollLabel={`${title} silences`}>
          <thead>
            <tr>
              <th scope="col">Covers</th>
              <th scope="col">When</th>
              <th scope="col">Reason</th>
              <th scope="col">Owner</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {silences.map((silence) => (
              <tr key={silence.id} data-testid="silence-row" data-silence-id={silence.id}>
                <td data-label="Covers">{describeMatchers(silence.matchers, ruleNames, domains.label)}</td>
                <td data-label="When">
                  <div>{describeWindow(silence.window)}</div>
                  <small>
                    {silence.cancelledAt
                      ? `Cancelled ${formatDateTime(silence.cancelledAt, { withSeconds: false })}${silence.cancelledBy ? ` by ${silence.cancelledBy.name}` : ""}`
                      : `Expires ${formatDateTime(silence.endsAt, { withSeconds: false })}`}
                  </small>
                </td>
                <td data-label="Reason">{silence.reason}</td>
                <td data-label="Owner">{silence.createdBy.name}</td>
                <td>
                  {state !== "ended" && (
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={cancel.isPending}
                      onClick={() => onCancel(silence)}
                      aria-label={`Cancel silence: ${silence.reason}`}
                      data-testid="silence-cancel"
                    >
                      Cancel
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
