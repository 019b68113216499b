import type { TCurrentUser } from "@/lib/contracts/auth";
import { HandoverForm } from "./handover-form";
import { HandoverList } from "./handover-list";
import { Page, PageHead, PageSubtitle, PageTitle } from "@/components/ui/page";
import styles from "./handover-page.module.css";

/** /handover: write the end-of-shift note, and see the recent ones and who read them. */
export function HandoverPage({ user }: { user: TCurrentUser }) {
  return (
    <Page>
      <PageHead>
        <div>
          <PageTitle>Shift handover</PageTitle>
          <PageSubtitle>
            At the end of your shift, hand over what is still open. The next shift sees your note when they sign in and confirms they read
            it.
          </PageSubtitle>
        </div>
      </PageHead>
      <div className={styles.grid}>
        <HandoverForm />
        <HandoverList userId={user.id} />
      </div>
    </Page>
  );
}
