"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { TApiKey, TIssuedApiKey } from "@/lib/contracts/api-keys";
import { errorMessage } from "@/components/api/request-json";
import { Feedback, type TFeedback } from "@/components/nav/feedback";
import { adminApiKeysQuery, useRevokeApiKey } from "./admin-queries";
import { ApiKeyRow } from "./api-key-row";
import { CreateApiKeyForm } from "./create-api-key-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Page, PageCount, PageHead, PageSubtitle, PageTitle } from "@/components/ui/page";
import { QueryState } from "@/components/ui/query-state";
import { Table } from "@/components/ui/table";
import styles from "./users-admin.module.css";

/** /admin/api-keys: partner and citizen apps' keys, issued and revoked here. */
export function ApiKeysAdmin() {
  const keys = useQuery(adminApiKeysQuery());
  const revoke = useRevokeApiKey();
  const [feedback, setFeedback] = useState<TFeedback | null>(null);

  const onRevoke = (key: TApiKey) => {
    setFeedback(null);
    revoke.mutate(key.id, {
      onSuccess: () => setFeedback({ tone: "ok", message: `The key of ${key.name} is revoked: its next request is refused.` }),
      onError: (error) => setFeedback({ tone: "error", message: `Could not revoke the key of ${key.name}: ${errorMessage(error)}` }),
    });
  };
  const onIssued = ({ key }: TIssuedApiKey) => setFeedback({ tone: "ok", message: `Issued a key for ${key.name}.` });
  const active = keys.data?.filter((k) => k.revokedAt === null).length;

  return (
    <Page>
      <PageHead>
        <div>
          <PageTitle>API keys</PageTitle>
          <PageSubtitle>Partner and citizen apps that read the city over NGSI-LD or send reports. Every change is audited.</PageSubtitle>
        </div>
        {active !== undefined && (
          <PageCount data-testid="api-key-count">
            {active} active {active === 1 ? "key" : "keys"}
          </PageCount>
        )}
      </PageHead>

      <Feedback feedback={feedback} onDismiss={() => setFeedback(null)} />

      <div className={styles.layout}>
        <Card flush aria-label="All API keys" aria-busy={keys.isPending}>
          {keys.isPending ? (
            <QueryState state="loading" size="page">
              <p>Loading API keys…</p>
            </QueryState>
          ) : keys.isError ? (
            <QueryState state="error" size="page" title="The API keys could not be loaded" detail={errorMessage(keys.error)}>
              <Button onClick={() => void keys.refetch()}>Try again</Button>
            </QueryState>
          ) : keys.data.length === 0 ? (
            <QueryState state="empty" size="page" title="No API keys yet" detail="Issue one for a partner app with the form." />
          ) : (
            <Table className={styles.userTable} scrollLabel="API keys">
              <thead>
                <tr>
                  <th scope="col">App</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Issued</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Access</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.data.map((key) => (
                  <ApiKeyRow key={key.id} apiKey={key} isPending={revoke.isPending && revoke.variables === key.id} onRevoke={onRevoke} />
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <CreateApiKeyForm onIssued={onIssued} />
      </div>
    </Page>
  );
}
