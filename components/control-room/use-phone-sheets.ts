"use client";

import { useCallback, useState } from "react";
import { useMediaQuery } from "./use-media-query";

/** The stylesheet's phone breakpoint: layer panel and the alerts/units panel are bottom sheets, one open at a time. */
const PHONE_QUERY = "(max-width: 640px)";

/**
 * Open state of the layer panel and the alerts/units panel. null means "as the screen suggests":
 * the queue starts open on wide screens and closed on phones. Phones have room for one sheet at a time.
 */
export function usePhoneSheets() {
  const isPhone = useMediaQuery(PHONE_QUERY);
  const [queueOpen, setQueueOpen] = useState<boolean | null>(null);
  const [panelOpen, setPanelOpen] = useState<boolean | null>(null);

  const onLayerPanelOpenChange = (open: boolean) => {
    setPanelOpen(open);
    if (open && isPhone) setQueueOpen(false);
  };
  const onQueueOpenChange = (open: boolean) => {
    setQueueOpen(open);
    if (open && isPhone) setPanelOpen(false);
  };
  /** Phones: a sheet would cover what the map just flew to. */
  const closeQueueOnPhone = useCallback(() => {
    if (isPhone) setQueueOpen(false);
  }, [isPhone]);

  return { queueOpen, isQueueOpen: queueOpen ?? !isPhone, panelOpen, onLayerPanelOpenChange, onQueueOpenChange, closeQueueOnPhone };
}
