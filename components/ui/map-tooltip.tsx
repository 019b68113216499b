"use client";

import { Fragment, useEffect, type ComponentProps, type CSSProperties, type ReactNode } from "react";
import { cx } from "./class-names";
import { IconButton } from "./icon-button";
import styles from "./map-tooltip.module.css";

/** Room a tooltip needs before it flips to the other side of its point. */
const FLIP_X_PX = 300;
const FLIP_Y_PX = 240;

export type TMapTooltipTone = "ok" | "warn" | "alert";
export type TMapBounds = { width: number; height: number };
export type TMapTooltipRow = { label: string; value: ReactNode; tone?: TMapTooltipTone };

const TONE_CLASS: Record<TMapTooltipTone, string> = { ok: styles.ok, warn: styles.warn, alert: styles.alert };

type TMapTooltipProps = Omit<ComponentProps<"div">, "title" | "role" | "style"> & {
  /** The point it stands beside, in pixels of the map's container: the pointer, or a pinned thing's place. */
  x: number;
  y: number;
  /** The map container's size: near its right or bottom edge the card opens to the other side. */
  bounds?: TMapBounds;
  /** The small line above the title: what kind of thing this is. */
  kind: string;
  kindTone?: "accent" | "warn" | "muted";
  title?: ReactNode;
  /** Under the title, in small monospace (an entity's id). */
  subtitle?: ReactNode;
  /** Pinned: takes clicks, has a close button and closes on Escape; a dialog named `label`. Hovering: a tooltip. */
  pinned?: { label: string; onClose: () => void };
  footer?: ReactNode;
};

/** A card on the map beside the pointer (hover) or pinned to a place; every map tooltip is one. */
export function MapTooltip({
  x,
  y,
  bounds,
  kind,
  kindTone = "accent",
  title,
  subtitle,
  pinned,
  footer,
  className,
  children,
  ...props
}: TMapTooltipProps) {
  const onClose = pinned?.onClose;
  useEffect(() => {
    if (!onClose) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onClose]);

  const flipX = bounds !== undefined && x > bounds.width - FLIP_X_PX;
  const flipY = bounds !== undefined && y > bounds.height - FLIP_Y_PX;
  const style = { "--tooltip-x": `${Math.round(x)}px`, "--tooltip-y": `${Math.round(y)}px` } as CSSProperties;
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is dialog when the label is set (pinned), which supports it.
    <div
      {...props}
      className={cx(styles.tooltip, pinned && styles.pinned, flipX && styles.flipX, flipY && styles.flipY, className)}
      style={style}
      data-pinned={pinned ? "true" : "false"}
      role={pinned ? "dialog" : "tooltip"}
      aria-label={pinned?.label}
    >
      <div className={styles.head}>
        <span className={cx(styles.kind, styles[kindTone])}>{kind}</span>
        {pinned && (
          <IconButton onClick={pinned.onClose} aria-label="Close details">
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
            </svg>
          </IconButton>
        )}
      </div>
      {title && <div className={styles.title}>{title}</div>}
      {subtitle && <div className={styles.subtitle}>{subtitle}</div>}
      {children}
      {footer && <div className={styles.foot}>{footer}</div>}
    </div>
  );
}

type TMapTooltipRowsProps = {
  rows: readonly TMapTooltipRow[];
  /** Secondary facts under a rule, values not toned. */
  isMuted?: boolean;
  /** Each value on its own line under its label: for values of several words, which beside a label wrap into slivers. */
  isStacked?: boolean;
};

/** Label–value rows, side by side (short values) or stacked. */
export function MapTooltipRows({ rows, isMuted = false, isStacked = false }: TMapTooltipRowsProps) {
  if (rows.length === 0) return null;
  return (
    <dl className={cx(styles.rows, isMuted && styles.muted, isStacked && styles.stacked)} data-layout={isStacked ? "stacked" : "inline"}>
      {rows.map((row) => (
        <div key={row.label} className={styles.row}>
          <dt>{row.label}</dt>
          <dd className={row.tone ? TONE_CLASS[row.tone] : undefined}>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A value of several phrases ("12 of 40 sensors reporting · 3 critical"): a narrow card breaks the line between
 * phrases, never inside one.
 */
export function MapTooltipPhrases({ phrases }: { phrases: readonly string[] }) {
  // The space between two phrases sits outside both, where the line may break.
  return phrases.map((phrase, index) => (
    <Fragment key={phrase}>
      {index > 0 && " "}
      <span className={styles.phrase}>
        {index > 0 && <span aria-hidden="true">· </span>}
        {phrase}
      </span>
    </Fragment>
  ));
}

/** A line of small text in the card: nothing to show yet, or what to do next. */
export function MapTooltipNote({ tone, children }: { tone?: "warn"; children: ReactNode }) {
  return <p className={cx(styles.note, tone === "warn" && styles.warn)}>{children}</p>;
}
