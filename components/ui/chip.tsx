import type { ComponentProps, CSSProperties } from "react";
import { cx } from "./class-names";
import styles from "./chip.module.css";

/**
 * label: a level, uppercase (severity); status: a state (unit status); pill: a role; solid: filled
 * (priority); tag: a neutral row marker; count: a number; dot: a coloured dot and a word.
 */
type TChipAppearance = "label" | "status" | "pill" | "solid" | "tag" | "count" | "dot";
/** For tags and counts, which carry no colour of their own. */
type TChipTone = "neutral" | "hot" | "warm" | "related" | "ok";
export type TChipMark = "diamond" | "square" | "circle" | "ring";

type TChipProps = Omit<ComponentProps<"span">, "color"> & {
  appearance: TChipAppearance;
  /** Any CSS colour, usually a token variable: "var(--sev-critical)". */
  color?: string;
  /** Text colour on a solid chip when the default dark text would not read. */
  textColor?: string;
  tone?: TChipTone;
  mark?: TChipMark;
};

export function chipClassName({ appearance, tone = "neutral", className }: Pick<TChipProps, "appearance" | "tone" | "className">): string {
  return cx(styles.chip, styles[appearance], tone !== "neutral" && styles[tone], className);
}

export function Chip({ appearance, color, textColor, tone, mark, className, style, children, ...props }: TChipProps) {
  const colors = { ...(color && { "--chip-color": color }), ...(textColor && { "--chip-text": textColor }), ...style } as CSSProperties;
  return (
    <span className={chipClassName({ appearance, tone, className })} style={colors} {...props}>
      {mark && <span className={cx(styles.mark, mark !== "square" && styles[mark])} aria-hidden="true" />}
      {children}
    </span>
  );
}
