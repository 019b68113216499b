"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { type TCapFeed, ZCreateCapFeedRequest } from "@/lib/contracts/cap-warnings";
import { errorMessage } from "@/components/api/request-json";
import { formatDateTime } from "@/components/format/date-time";
import { adminCapFeedsQuery, useAddCapFeed, useRemoveCapFeed } from "./admin-queries";
import { Button } from "@/components/ui/button";
import { Card, CardSubtitle, CardTitle } from "@/components/ui/card";
import { Field, FieldLabel } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { PageCount, Stack } from "@/components/ui/page";
import { ActionsHeader, Table } from "@/components/ui/table";
import type { TFeedback } from "@/components/nav/feedback";
import { DataSection } from "@/components/ui/data-section";
import { AdminScreen } from "./admin-screen";
import styles from "./users-admin.module.css";

/** /admin/cap-feeds: other agencies' CAP feeds the leader polls; added and removed here, audited. */
export function CapFeedsAdmin() {
  const feeds = useQuery(adminCapFeedsQuery());
  const remove = useRemoveCapFeed();
  const [feedback, setFeedback] = useState<TFeedback | null>(null);

  const onRemove = (feed: TCapFeed) => {
    setFeedback(null);
    remove.mutate(feed.id, {
      onSuccess: () => setFeedback({ tone: "ok", message: `No longer polling ${feed.name}. Its warnings stay until they expire.` }),
      onError: (error) => setFeedback({ tone: "error", message: `Could not remove ${feed.name}: ${errorMessage(error)}` }),
    });
  };

  return (
    <AdminScreen
      title="CAP feeds"
      subtitle="Warnings from other agencies (CAP 1.2), polled and shown on the control-room map. Every change is audited."
      count={feeds.data && <PageCount>{feeds.data.feeds.length} feeds</PageCount>}
      feedback={feedback}
      onDismissFeedback={() => setFeedback(null)}
      listLabel="All CAP feeds"
      isListBusy={feeds.isPending}
      form={<AddCapFeedForm onAdded={(feed) => setFeedback({ tone: "ok", message: `Polling ${feed.name} from the next round.` })} />}
      list={
        <DataSection
          query={feeds}
          size="page"
          loading="Loading feeds…"
          failed="The feeds could not be loaded"
          isEmpty={(data) => data.feeds.length === 0}
          empty={{ title: "No feeds yet", detail: "Add an agency's Atom feed or message URL with the form." }}
        >
          {({ feeds: list }) => (
            <Table className={styles.userTable} scrollLabel="CAP feeds">
              <thead>
                <tr>
                  <th scope="col">Agency</th>
                  <th scope="col">Last polled</th>
                  <th scope="col">Status</th>
                  <ActionsHeader />
                </tr>
              </thead>
              <tbody>
                {list.map((feed) => (
                  <tr key={feed.id} data-testid="cap-feed-row">
                    <td data-label="Agency">
                      <div>{feed.name}</div>
                      <small>{feed.url}</small>
                    </td>
                    <td data-label="Last polled">
                      {feed.lastPolledAt ? formatDateTime(feed.lastPolledAt, { withSeconds: false }) : "Not yet"}
                    </td>
                    <td data-label="Status">{feed.lastError ?? (feed.lastPolledAt ? "OK" : "Waiting")}</td>
                    <td>
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={remove.isPending}
                        onClick={() => onRemove(feed)}
                        aria-label={`Remove CAP feed ${feed.name}`}
                      >
                        Remove
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </DataSection>
      }
    />
  );
}

function AddCapFeedForm({ onAdded }: { onAdded: (feed: TCapFeed) => void }) {
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [error, setError] = useState<string | null>(null);
  const add = useAddCapFeed();
  const id = useId();

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const parsed = ZCreateCapFeedRequest.safeParse({ name, url });
    if (!parsed.success) {
      setError("Name the agency and give an http(s) URL.");
      return;
    }
    setError(null);
    add.mutate(parsed.data, {
      onSuccess: (feed) => {
        setName("");
        setUrl("");
        onAdded(feed);
      },
      onError: (failure) => setError(errorMessage(failure)),
    });
  };

  return (
    <Card aria-labelledby={`${id}-title`}>
      <CardTitle id={`${id}-title`}>New feed</CardTitle>
      <CardSubtitle>An Atom feed of CAP entries, or one CAP message's URL.</CardSubtitle>
      <form onSubmit={onSubmit} noValidate data-testid="add-cap-feed-form">
        <Stack>
          <Field>
            <FieldLabel htmlFor={`${id}-name`}>Agency</FieldLabel>
            <Input id={`${id}-name`} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field>
            <FieldLabel htmlFor={`${id}-url`}>URL</FieldLabel>
            <Input id={`${id}-url`} type="url" autoComplete="off" value={url} onChange={(e) => setUrl(e.target.value)} />
          </Field>
          {error && <FormError role="alert">{error}</FormError>}
          <Button type="submit" variant="primary" disabled={add.isPending}>
            {add.isPending ? "Adding…" : "Add feed"}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
