import type { TCurrentUser } from "@/lib/contracts/auth";
import { HandoverForm } from "./handover-form";
import { HandoverList } from "./handover-list";

/** /handover: write the end-of-shift note, and see the recent ones and who read them. */
export function HandoverPage({ user }: { user: TCurrentUser }) {
  return (
    <div className="page handover">
      <div className="page__head">
        <div>
          <h1 className="page__title">Shift handover</h1>
          <p className="page__subtitle">
            At the end of your shift, hand over what is still open. The next shift sees your note when they sign in and confirms they read it.
          </p>
        </div>
      </div>
      <div className="handover__grid">
        <HandoverForm />
        <HandoverList userId={user.id} />
      </div>
    </div>
  );
}
