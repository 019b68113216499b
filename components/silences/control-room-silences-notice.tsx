"use client";

import { useQuery } from "@tanstack/react-query";
import { useNowMinute } from "@/components/format/use-now";
import { ExpiringSilencesNotice } from "./expiring-silences-notice";
import { silencesQuery } from "./silence-queries";

/** The control room's notice of silences about to end (read once a minute; nothing shows if they cannot be read). */
export function ControlRoomSilencesNotice() {
  const silences = useQuery(silencesQuery()).data?.silences;
  const now = useNowMinute();
  return silences ? <ExpiringSilencesNotice silences={silences} now={now} /> : null;
}
