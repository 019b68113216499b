"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { Feedback } from "./feedback";
import { DENIED_PARAM, pageNameOf } from "./nav-items";

/** "You don't have access to History": said on the home a refused page sent the user to, instead of a silent redirect. */
export function AccessNotice({ className }: { className?: string }) {
  // useSearchParams needs a Suspense boundary of its own, or the page would wait for the URL to render.
  return (
    <Suspense fallback={null}>
      <DeniedNotice className={className} />
    </Suspense>
  );
}

function DeniedNotice({ className }: { className?: string }) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const denied = searchParams.get(DENIED_PARAM);
  if (!denied) return null;
  const name = pageNameOf(denied);
  const dismiss = () => {
    const rest = new URLSearchParams(searchParams);
    rest.delete(DENIED_PARAM);
    router.replace(rest.size > 0 ? `${pathname}?${rest}` : pathname, { scroll: false });
  };
  return (
    <div className={className} data-testid="access-notice">
      <Feedback
        feedback={{
          tone: "error",
          message: `You don't have access to ${name ?? "that page"}. Your role can open the pages in the menu; ask a supervisor or admin if you need it.`,
        }}
        onDismiss={dismiss}
      />
    </div>
  );
}
