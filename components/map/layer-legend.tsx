import { CAP_SEVERITIES, type TCapWarning } from "@/lib/contracts/cap-warnings";
import { UNIT_TYPES } from "@/lib/contracts/events";
import type { TLayer } from "@/lib/contracts/layers";
import { BUILTIN_DOMAINS } from "@/lib/domains/builtin-domains";
import {
  CONGESTION_RAMP,
  FILL_RAMP,
  LOAD_RAMP,
  NO_DATA_RGBA,
  OCCUPANCY_RAMP,
  cssRgb,
  rampGradientCss,
  type TRamp,
} from "@/components/map/layers/color-scales";
import { CAP_SEVERITY_RGB } from "@/components/map/layers/cap-warning-layers";
import { AREA_LEVEL_RAMP } from "@/components/map/layers/area-summary-layer";
import { UNIT_TYPE_LABEL, UNIT_TYPE_RGB } from "@/components/map/layers/unit-styles";
import { WASTE_STATUS_STYLE } from "@/components/map/layers/waste-styles";
import { cx } from "@/components/ui/class-names";
import type { TDomainDefinition } from "@/lib/contracts/domain-definition";
import { DOMAIN_STATUS_COLOR } from "@/lib/design/tokens";
import { humanize } from "@/components/format/humanize";
import { declaredRamp } from "@/components/map/layers/declared-domain-layer";
import { declaredLevelSources } from "@/lib/live/declared-attention";
import styles from "./layer-legend.module.css";

function Ramp({ ramp, from, to }: { ramp: TRamp; from: string; to: string }) {
  return (
    <div>
      <span className={styles.rampBar} style={{ background: rampGradientCss(ramp) }} aria-hidden="true" />
      <span className={styles.rampLabels}>
        <span>{from}</span>
        <span>{to}</span>
      </span>
    </div>
  );
}

function Swatch({ color, label, ring }: { color: string; label: string; ring?: boolean }) {
  return (
    <li className={styles.swatch}>
      <span
        className={cx(styles.dot, ring && styles.ring)}
        style={ring ? { borderColor: color } : { background: color }}
        aria-hidden="true"
      />
      {label}
    </li>
  );
}

const NO_DATA = cssRgb(NO_DATA_RGBA);

/** The words at a built-in ramp's ends, from its domain's file; the ramp's colours are the design tokens'. */
function rampLabels(layer: TLayer): { from: string; to: string } {
  return BUILTIN_DOMAINS[layer].map.rampLabels ?? { from: "", to: "" };
}

export function LayerLegend({ layer }: { layer: TLayer }) {
  switch (layer) {
    case "traffic":
      return <Ramp ramp={CONGESTION_RAMP} {...rampLabels("traffic")} />;
    case "parking":
      return <Ramp ramp={OCCUPANCY_RAMP} {...rampLabels("parking")} />;
    case "waste":
      return (
        <>
          <Ramp ramp={FILL_RAMP} {...rampLabels("waste")} />
          <ul className={styles.swatches}>
            {(["lidOpen", "vandalised", "burning"] as const).map((status) => (
              <Swatch key={status} ring color={cssRgb(WASTE_STATUS_STYLE[status].rgb)} label={WASTE_STATUS_STYLE[status].label} />
            ))}
          </ul>
        </>
      );
    case "energy":
      return <Ramp ramp={LOAD_RAMP} {...rampLabels("energy")} />;
    case "units":
      return (
        <ul className={styles.swatches}>
          {UNIT_TYPES.map((type) => (
            <Swatch key={type} color={cssRgb(UNIT_TYPE_RGB[type])} label={UNIT_TYPE_LABEL[type]} />
          ))}
        </ul>
      );
  }
}

export function NoDataKey() {
  return (
    <ul className={cx(styles.swatches, styles.footer)}>
      <Swatch color={NO_DATA} label="No data yet" />
    </ul>
  );
}

/** Zoomed out over a big city, the map draws squares instead of sensors: what their colour says. */
export function AreaSummaryKey() {
  return (
    <div className={styles.footer} data-testid="area-summary-key">
      <span className={styles.legendTitle}>
        Zoomed out: each square is the average state of its sensors on the layers shown. Zoom in to see each one.
      </span>
      <Ramp ramp={AREA_LEVEL_RAMP} from="Fine" to="Critical" />
    </div>
  );
}

/** Other agencies' warnings on the map (always drawn, not a layer to switch): the severities in force, as outlines. */
export function CapWarningsKey({ warnings }: { warnings: readonly TCapWarning[] }) {
  if (warnings.length === 0) return null;
  const present = CAP_SEVERITIES.filter((severity) => warnings.some((warning) => warning.severity === severity));
  return (
    <ul className={cx(styles.swatches, styles.footer)} aria-label="Warnings from other agencies" data-testid="cap-warnings-key">
      <li className={styles.swatch}>
        <strong>Warnings</strong> {warnings.length}
      </li>
      {present.map((severity) => (
        <Swatch key={severity} ring color={cssRgb(CAP_SEVERITY_RGB[severity])} label={severity} />
      ))}
    </ul>
  );
}

/**
 * A declared domain's legend, from its definition: the scale with its stops' labels, or one swatch per status value.
 * Zoomed out over a big city its sensors are counted in the squares instead: what grades them there.
 */
export function DeclaredLegend({ definition, isOverview = false }: { definition: TDomainDefinition; isOverview?: boolean }) {
  const { color, legend } = definition.map;
  if (isOverview) {
    const sources = declaredLevelSources(definition);
    return (
      <div data-testid={`legend-${definition.id}`}>
        <span className={styles.legendTitle}>
          {sources.length > 0
            ? `Zoomed out: counted in the squares, graded by ${sources.join(", ")}.`
            : "Zoomed out: counted in the squares as sensors reporting."}
        </span>
      </div>
    );
  }
  const ramp = declaredRamp(definition);
  if (color.kind === "scale" && ramp) {
    const first = color.stops[0]!.value;
    const span = color.stops[color.stops.length - 1]!.value - first || 1;
    const gradient = `linear-gradient(90deg, ${ramp.map(([at, rgb]) => `${cssRgb(rgb)} ${Math.round(((at - first) / span) * 100)}%`).join(", ")})`;
    return (
      <div data-testid={`legend-${definition.id}`}>
        <span className={styles.legendTitle}>{legend}</span>
        <span className={styles.rampBar} style={{ background: gradient }} aria-hidden="true" />
        <span className={cx(styles.rampLabels, styles.stopLabels)}>
          {color.stops.map((stop) => (
            <span key={stop.value}>{stop.label}</span>
          ))}
        </span>
      </div>
    );
  }
  if (color.kind !== "status") return null;
  return (
    <div data-testid={`legend-${definition.id}`}>
      <span className={styles.legendTitle}>{legend}</span>
      <ul className={styles.swatches}>
        {Object.entries(color.tones).map(([value, tone]) => (
          <Swatch key={value} color={DOMAIN_STATUS_COLOR[tone]} label={humanize(value)} />
        ))}
      </ul>
    </div>
  );
}
