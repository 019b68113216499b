"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { TPolicy, TRota } from "@/lib/contracts/on-call";
import { errorMessage } from "@/components/api/request-json";
import { formatDateTime } from "@/components/format/date-time";
import { Feedback, type TFeedback } from "@/components/nav/feedback";
import { useDomainCatalog } from "@/components/domains/use-domain-catalog";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Page, PageCount, PageHead, PageSubtitle, PageTitle } from "@/components/ui/page";
import { DataSection } from "@/components/ui/data-section";
import { QueryState } from "@/components/ui/query-state";
import { ActionsHeader, Table } from "@/components/ui/table";
import { describePolicyMatchers, describeShift } from "./on-call-labels";
import { onCallQuery, useRemovePolicy, useRemoveRota } from "./on-call-queries";
import { PolicyForm } from "./policy-form";
import { RotaForm } from "./rota-form";
import styles from "./on-call.module.css";

/** /on-call: supervisors and admins keep rotas (who is on call now and next) and the escalation policies that page them. */
export function OnCallPage() {
  const onCall = useQuery(onCallQuery());
  const [feedback, setFeedback] = useState<TFeedback | null>(null);

  return (
    <Page>
      <PageHead>
        <div>
          <PageTitle>On call</PageTitle>
          <PageSubtitle>
            Rotas say who is on call; escalation policies say whom an alert pages and when the next level is told if nobody acknowledges.
            The most specific policy (severity, domain, zone) wins; alerts no policy covers go to every operator and supervisor.
            Acknowledging anywhere stops a chain; silenced alerts never start one. Every change is audited.
          </PageSubtitle>
        </div>
        {onCall.data && (
          <PageCount>
            {onCall.data.rotas.length} rotas · {onCall.data.policies.length} policies
          </PageCount>
        )}
      </PageHead>

      <Feedback feedback={feedback} onDismiss={() => setFeedback(null)} />

      <DataSection query={onCall} size="page" loading="Loading rotas and policies…" failed="Rotas and policies could not be loaded">
        {(data) => (
          <div className={styles.layout}>
            <div className={styles.sections}>
              <RotaList rotas={data.rotas} onFeedback={setFeedback} />
              <PolicyList policies={data.policies} onFeedback={setFeedback} />
            </div>
            <div className={styles.sections}>
              <RotaForm
                people={data.people}
                timeZone={data.timeZone}
                onCreated={(rota) =>
                  setFeedback({ tone: "ok", message: `Rota "${rota.name}" created: ${rota.now?.person.name ?? "nobody"} is on call now.` })
                }
              />
              <PolicyForm
                overview={data}
                onCreated={(policy) =>
                  setFeedback({ tone: "ok", message: `Policy "${policy.name}" created: it covers alerts raised from now on.` })
                }
              />
            </div>
          </div>
        )}
      </DataSection>
    </Page>
  );
}

function shiftText(shift: TRota["now"], word: "until" | "from"): string {
  if (!shift) return "Nobody";
  return `${shift.person.name}, ${word} ${formatDateTime(word === "until" ? shift.to : shift.from, { withSeconds: false })}`;
}

function RotaList({ rotas, onFeedback }: { rotas: readonly TRota[]; onFeedback: (feedback: TFeedback) => void }) {
  const remove = useRemoveRota();
  const onRemove = (rota: TRota) =>
    remove.mutate(rota.id, {
      onSuccess: () => onFeedback({ tone: "ok", message: `Rota "${rota.name}" removed.` }),
      onError: (error) => onFeedback({ tone: "error", message: `Could not remove "${rota.name}": ${errorMessage(error)}` }),
    });
  return (
    <Card flush aria-labelledby="on-call-rotas-title" data-testid="on-call-rotas">
      <CardTitle id="on-call-rotas-title" className={styles.sectionTitle}>
        Rotas ({rotas.length})
      </CardTitle>
      {rotas.length === 0 ? (
        <QueryState state="empty" title="No rota yet." detail="Create one with the form: its members take turns, one shift each." />
      ) : (
        <Table scrollLabel="Rotas">
          <thead>
            <tr>
              <th scope="col">Rota</th>
              <th scope="col">On call now</th>
              <th scope="col">Next</th>
              <th scope="col">Turn order</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {rotas.map((rota) => (
              <tr key={rota.id} data-testid="rota-row">
                <td data-label="Rota">
                  <div>{rota.name}</div>
                  <small className={styles.muted}>{describeShift(rota.shiftMinutes)} shifts</small>
                </td>
                <td data-label="On call now" data-testid="rota-now">
                  {shiftText(rota.now, "until")}
                </td>
                <td data-label="Next" data-testid="rota-next">
                  {shiftText(rota.next, "from")}
                </td>
                <td data-label="Turn order">{rota.members.map((m) => m.name).join(" → ")}</td>
                <td>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={remove.isPending}
                    onClick={() => onRemove(rota)}
                    aria-label={`Remove rota ${rota.name}`}
                  >
                    Remove
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}

function PolicyList({ policies, onFeedback }: { policies: readonly TPolicy[]; onFeedback: (feedback: TFeedback) => void }) {
  const remove = useRemovePolicy();
  const domains = useDomainCatalog();
  const onRemove = (policy: TPolicy) =>
    remove.mutate(policy.id, {
      onSuccess: () => onFeedback({ tone: "ok", message: `Policy "${policy.name}" removed. Chains already running finish as they began.` }),
      onError: (error) => onFeedback({ tone: "error", message: `Could not remove "${policy.name}": ${errorMessage(error)}` }),
    });
  return (
    <Card flush aria-labelledby="on-call-policies-title" data-testid="on-call-policies">
      <CardTitle id="on-call-policies-title" className={styles.sectionTitle}>
        Escalation policies ({policies.length})
      </CardTitle>
      {policies.length === 0 ? (
        <QueryState
          state="empty"
          title="No escalation policy yet."
          detail="Until there is one, alerts go to every operator and supervisor."
        />
      ) : (
        <Table scrollLabel="Escalation policies">
          <thead>
            <tr>
              <th scope="col">Policy</th>
              <th scope="col">Covers</th>
              <th scope="col">Steps</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {policies.map((policy) => (
              <tr key={policy.id} data-testid="policy-row">
                <td data-label="Policy">
                  <div>{policy.name}</div>
                  <small className={styles.muted}>by {policy.createdBy}</small>
                </td>
                <td data-label="Covers">{describePolicyMatchers(policy.matchers, domains.label)}</td>
                <td data-label="Steps">
                  <ol className={styles.steps}>
                    {policy.steps.map((step, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: steps are an ordered list that never reorders in place
                      <li key={index}>
                        {step.targetName}
                        <span className={styles.muted}>, then wait {step.waitMinutes} min</span>
                      </li>
                    ))}
                  </ol>
                </td>
                <td>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={remove.isPending}
                    onClick={() => onRemove(policy)}
                    aria-label={`Remove policy ${policy.name}`}
                  >
                    Remove
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
