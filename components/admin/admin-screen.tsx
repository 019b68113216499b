import type { ReactNode } from "react";
import { Feedback, type TFeedback } from "@/components/nav/feedback";
import { Card } from "@/components/ui/card";
import { Page, PageHead, PageSubtitle, PageTitle } from "@/components/ui/page";
import styles from "./users-admin.module.css";

type TAdminScreenProps = {
  title: string;
  subtitle: ReactNode;
  /** A PageCount once the list has loaded. */
  count?: ReactNode;
  feedback: TFeedback | null;
  onDismissFeedback: () => void;
  /** The list card's accessible name ("All users"); busy while the list first loads. */
  listLabel: string;
  isListBusy: boolean;
  /** The list (a DataSection), and beside it the form that adds to it. */
  list: ReactNode;
  form: ReactNode;
};

/** An admin screen (users, API keys, CAP feeds): the list in a card beside the form that adds to it, and the outcome of the last change above. */
export function AdminScreen({ title, subtitle, count, feedback, onDismissFeedback, listLabel, isListBusy, list, form }: TAdminScreenProps) {
  return (
    <Page>
      <PageHead>
        <div>
          <PageTitle>{title}</PageTitle>
          <PageSubtitle>{subtitle}</PageSubtitle>
        </div>
        {count}
      </PageHead>

      <Feedback feedback={feedback} onDismiss={onDismissFeedback} />

      <div className={styles.layout}>
        <Card flush aria-label={listLabel} aria-busy={isListBusy}>
          {list}
        </Card>
        {form}
      </div>
    </Page>
  );
}
