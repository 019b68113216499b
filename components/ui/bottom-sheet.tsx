import type { ComponentProps, ReactNode } from "react";
import { cx } from "./class-names";
import { MapPanel } from "./map-panel";
import styles from "./bottom-sheet.module.css";

type TBottomSheetProps = Omit<ComponentProps<"aside">, "children"> & {
  side: "left" | "right";
  /** The user's choice; null: as the screen suggests (open on wide screens, folded on phones). */
  open: boolean | null;
  /** What is shown now, for the handle's aria-expanded. */
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  bodyId: string;
  /** Inside the handle, between the grip and the chevron: a SheetTitle, counts, a SheetSummary. */
  handle: ReactNode;
  children: ReactNode;
};

/** A foldable card over the map that is a bottom sheet on phones; the handle folds and unfolds it. */
export function BottomSheet({ side, open, isOpen, onOpenChange, bodyId, handle, children, className, ...props }: TBottomSheetProps) {
  return (
    <MapPanel
      side={side}
      {...props}
      className={cx(styles.sheet, styles[side], className)}
      data-open={open === null ? "auto" : String(open)}
    >
      <button
        type="button"
        className={styles.handle}
        data-slot="sheet-handle"
        aria-controls={bodyId}
        aria-expanded={isOpen}
        onClick={() => onOpenChange(!isOpen)}
      >
        <span className={styles.grip} aria-hidden="true" />
        {handle}
        <svg className={styles.chevron} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <div className={styles.body} id={bodyId} data-slot="sheet-body">
        {children}
      </div>
    </MapPanel>
  );
}

export function SheetTitle({ className, ...props }: ComponentProps<"span">) {
  return <span {...props} className={cx(styles.title, className)} />;
}

/** A short status beside the title; hidden on phones, where the handle is narrow. */
export function SheetSummary({ className, ...props }: ComponentProps<"span">) {
  return <span {...props} className={cx(styles.summary, className)} />;
}
