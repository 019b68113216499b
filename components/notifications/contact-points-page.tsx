"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/components/api/request-json";
import { SEVERITY_LABEL } from "@/components/alerts/alert-labels";
import { formatDateTime } from "@/components/format/date-time";
import { Feedback, type TFeedback } from "@/components/nav/feedback";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Chip } from "@/components/ui/chip";
import { Page, PageCount, PageHead, PageSubtitle, PageTitle } from "@/components/ui/page";
import { DataSection } from "@/components/ui/data-section";
import { ActionsHeader, Table } from "@/components/ui/table";
import type { TRole } from "@/lib/contracts/auth";
import type { TContactPoint } from "@/lib/contracts/notifications";
import { AddContactPointForm } from "./add-contact-point-form";
import { NotificationHealthCard } from "./notification-health-card";
import { contactPointsQuery, useRemoveContactPoint, useTestContactPoint } from "./notification-queries";
import { KIND_LABEL } from "./kind-labels";
import styles from "./contact-points-page.module.css";

const NOTIFIED_ROLES: readonly TRole[] = ["operator", "supervisor"];

/** /me/notifications: where CityNerve reaches this user off-screen; admins also see how deliveries fare. */
export function ContactPointsPage({ role }: { role: TRole }) {
  const points = useQuery(contactPointsQuery());
  const remove = useRemoveContactPoint();
  const test = useTestContactPoint();
  const [feedback, setFeedback] = useState<TFeedback | null>(null);

  const onRemove = (point: TContactPoint) => {
    setFeedback(null);
    remove.mutate(point.id, {
      onSuccess: () => setFeedback({ tone: "ok", message: `${point.label} removed: it will not be notified any more.` }),
      onError: (error) => setFeedback({ tone: "error", message: `Could not remove ${point.label}: ${errorMessage(error)}` }),
    });
  };
  const onTest = (point: TContactPoint) => {
    setFeedback(null);
    test.mutate(point.id, {
      onSuccess: (result) =>
        setFeedback(
          result.ok
            ? { tone: "ok", message: `Test message sent to ${point.label}. Check that it arrived.` }
            : { tone: "error", message: `The test message to ${point.label} did not go out: ${result.error}` },
        ),
      onError: (error) => setFeedback({ tone: "error", message: `Could not send a test to ${point.label}: ${errorMessage(error)}` }),
    });
  };

  return (
    <Page>
      <PageHead>
        <div>
          <PageTitle>Notifications</PageTitle>
          <PageSubtitle>
            {NOTIFIED_ROLES.includes(role)
              ? "Where CityNerve reaches you when an alert is raised and the control room is not in front of you."
              : "Raised alerts go to operators' and supervisors' contact points; yours receive the test messages you send for now."}
          </PageSubtitle>
        </div>
        {points.data && (
          <PageCount>
            {points.data.contactPoints.length} {points.data.contactPoints.length === 1 ? "contact point" : "contact points"}
          </PageCount>
        )}
      </PageHead>

      <Feedback feedback={feedback} onDismiss={() => setFeedback(null)} />

      <div className={styles.layout}>
        <Card flush aria-label="Your contact points" aria-busy={points.isPending}>
          <DataSection
            query={points}
            size="page"
            loading="Loading your contact points…"
            failed="Your contact points could not be loaded"
            isEmpty={(data) => data.contactPoints.length === 0}
            empty={{
              title: "No contact points yet",
              detail: "Add an email address, a webhook or this browser with the form, then send yourself a test.",
            }}
          >
            {({ contactPoints }) => (
              <Table className={styles.table} scrollLabel="Your contact points">
                <thead>
                  <tr>
                    <th scope="col">Contact point</th>
                    <th scope="col">Alerts</th>
                    <th scope="col">Last delivery</th>
                    <ActionsHeader />
                  </tr>
                </thead>
                <tbody>
                  {contactPoints.map((point) => (
                    <tr key={point.id} data-testid="contact-point-row">
                      <td data-label="Contact point">
                        {/* One child: on phones the cell is a label column and a value column. */}
                        <div>
                          <div className={styles.name}>
                            {point.label} <Chip appearance="tag">{KIND_LABEL[point.kind]}</Chip>
                          </div>
                          <small className={styles.target}>{point.target}</small>
                        </div>
                      </td>
                      <td data-label="Alerts">
                        {point.minSeverity === "critical" ? "Critical only" : `${SEVERITY_LABEL[point.minSeverity]} and above`}
                      </td>
                      <td data-label="Last delivery">
                        <LastDelivery point={point} />
                      </td>
                      <td>
                        <div className={styles.actions}>
                          <Button
                            size="sm"
                            disabled={test.isPending}
                            onClick={() => onTest(point)}
                            aria-label={`Send test to ${point.label}`}
                          >
                            Send test
                          </Button>
                          <Button
                            size="sm"
                            variant="ghost"
                            disabled={remove.isPending}
                            onClick={() => onRemove(point)}
                            aria-label={`Remove ${point.label}`}
                          >
                            Remove
                          </Button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </DataSection>
        </Card>
        <AddContactPointForm
          onAdded={(point) => setFeedback({ tone: "ok", message: `${point.label} added. Send it a test to be sure it arrives.` })}
        />
      </div>
      {role === "admin" && <NotificationHealthCard />}
    </Page>
  );
}

function LastDelivery({ point }: { point: TContactPoint }) {
  if (point.problem) return <span className={styles.problem}>{point.problem}</span>;
  const last = point.lastDelivery;
  if (!last) return <span className={styles.muted}>None yet</span>;
  const word = last.status === "sent" ? "Sent" : last.status === "failed" ? "Failed" : "Retrying";
  return (
    <div>
      <Chip appearance="tag" tone={last.status === "sent" ? "ok" : last.status === "failed" ? "hot" : "warm"}>
        {word}
      </Chip>{" "}
      <time dateTime={last.at}>{formatDateTime(last.at, { withSeconds: false })}</time>
      {last.error && <small className={styles.problem}>{last.error}</small>}
    </div>
  );
}
