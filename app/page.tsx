import { ControlRoom } from "@/components/control-room/control-room";
import { PendingHandoverDialog } from "@/components/handover/pending-handover-dialog";
import { requirePageRole } from "@/server/auth/session";

export default async function HomePage() {
  // Field crews and admins are sent to their own home; the live-map socket refuses them too.
  const user = await requirePageRole(["operator", "supervisor"], "/");
  return (
    <>
      <ControlRoom user={user} />
      <PendingHandoverDialog />
    </>
  );
}
