/**
 * The one source of CityNerve's design tokens. CSS custom properties are rendered from these
 * (css-variables.ts, injected by app/layout.tsx), and the deck.gl layers and the charts import the same
 * values, so the map, the chips and the charts cannot drift apart.
 */
import type { TAlertSeverity } from "@/lib/contracts/alerts";
import type { TCapSeverity } from "@/lib/contracts/cap-warnings";
import type { TUnitStatus, TUnitType, TWasteContainer } from "@/lib/contracts/events";
import type { TRole } from "@/lib/contracts/auth";
import type { TDeadLetterReasonKind } from "@/lib/contracts/dead-letters";
import type { z } from "zod";
import type { ZIncidentPriority } from "@/lib/contracts/incidents";
import type { TZoneKind } from "@/lib/contracts/zones";
import type { DOMAIN_PALETTES, DOMAIN_STATUS_TONES } from "@/lib/contracts/domain-definition";

type TDomainPalette = (typeof DOMAIN_PALETTES)[number];
type TDomainStatusTone = (typeof DOMAIN_STATUS_TONES)[number];

type THex = `#${string}`;

/** The control room's dark theme (every screen except /field). */
export const COLOR = {
  bg: "#080b10",
  surface: "#0e131a",
  surfaceRaised: "#141a23",
  surfaceHover: "#1a222d",
  border: "#232c38",
  borderStrong: "#2f3a48",
  text: "#e6ebf1",
  textMuted: "#9aa6b5",
  textFaint: "#7d8899",
  accent: "#4cc2ff",
  ok: "#34d399",
  warn: "#fbbf24",
  alert: "#f87171",
  inputBg: "#0a0f15",
  /** Input, segmented pill and select-like borders under the pointer. */
  borderHover: "#3d4a5b",
  /** The primary button's fill under the pointer. */
  accentHover: "#7ad3ff",
  /** Text on an accent-tinted fill (a unit row's incident link). */
  accentText: "#bfe8ff",
  /** Tinted text on alert/ok/warn-tinted panels (errors, notices, the critical banner). */
  alertText: "#fecaca",
  okText: "#bbf7d0",
  warnText: "#fde68a",
  /** Text on the danger button's red-tinted fill. */
  onDanger: "#ffd9d9",
  /** Deep red: the hot chip's fill and the red text on the critical banner's white buttons and badge. */
  alertDeep: "#7f1d1d",
  /** The critical banner's white button under the pointer. */
  alertTint: "#fee2e2",
  alertBanner: "#5b1414",
  alertBannerBorder: "#b91c1c",
  /** The warm chip's fill and the warm tag's text. */
  warmFill: "#7c2d12",
  warmText: "#ffedd5",
  /** Text of a "related" chip (supervisor violet tint). */
  relatedText: "#ddd6fe",
  switchThumb: "#c3ccd8",
  /** An audit entry's removed and added values. */
  diffRemoved: "#fca5a5",
  diffAdded: "#86efac",
  /** The user menu's avatar gradient. */
  avatarFrom: "#1f3a52",
  avatarTo: "#2b2f55",
  /** Fill of the map legend's ring swatches (waste containers are drawn as rings). */
  legendRing: "#3a4553",
  /** Text on a bright filled background (primary buttons, the spinner inside them, priority chips). */
  onBright: "#0b0f14",
  /**
   * The dark panel colour behind translucent layers over the map (map panels, tooltips, the playback bar, the
   * attribution): the surface's value, but not a theme key, so it stays dark where .field-theme turns --surface white.
   */
  overlay: "#0e131a",
  /** Behind a modal dialog and a map that is loading or failed. */
  scrim: "#04070b",
  white: "#ffffff",
  black: "#000000",
} as const satisfies Record<string, THex>;

/** /field is read outdoors in sunlight: near-black on white, overriding the dark theme under .field-theme. */
export const FIELD_COLOR = {
  bg: "#ffffff",
  surface: "#ffffff",
  surfaceRaised: "#eef1f4",
  surfaceHover: "#e2e7ec",
  border: "#aeb8c4",
  borderStrong: "#3d4854",
  text: "#0a0d12",
  textMuted: "#27313c",
  textFaint: "#3f4a56",
  accent: "#0047ab",
  ok: "#0a6b37",
  warn: "#8a4b00",
  alert: "#b3261e",
  inputBg: "#ffffff",
  /** The crew's own route and position on the assignment map. */
  route: "#0057d9",
  incident: "#d11a1a",
  /** The assignment map's canvas before the basemap draws. */
  mapCanvas: "#0b1220",
  /** Tinted fills under near-black text: outbox rows, problems, unit status, priority chips. */
  alertSurface: "#fdecea",
  alertFill: "#ffd3cc",
  warnSurface: "#fff6d6",
  warnFill: "#ffe27a",
  /** The P2 chip: between the red P1 and the yellow P3. */
  urgentFill: "#ffb020",
  infoSurface: "#eaf1ff",
  infoFill: "#cfe0ff",
  okSurface: "#d6f5e3",
  /** Placeholders and disabled controls: still legible in sunlight, clearly not active. */
  textDisabled: "#5d6773",
  borderDisabled: "#9aa4af",
  avatar: "#0b3a6e",
} as const satisfies Record<string, THex>;

export const ROLE_COLOR = {
  operator: "#4cc2ff",
  supervisor: "#b197fc",
  field: "#5eead4",
  admin: "#fbbf24",
} as const satisfies Record<TRole, THex>;
export const FIELD_ROLE_COLOR = { field: "#00695c" } as const satisfies Partial<Record<TRole, THex>>;

export const SEVERITY_COLOR = {
  critical: "#f87171",
  major: "#fb923c",
  minor: "#facc15",
  warning: "#7dd3fc",
} as const satisfies Record<TAlertSeverity, THex>;

/** Other agencies' CAP warnings on the map, by CAP severity; the map also writes the severity word beside each area. */
export const CAP_SEVERITY_COLOR = {
  Extreme: "#e879f9",
  Severe: "#f87171",
  Moderate: "#fb923c",
  Minor: "#facc15",
  Unknown: "#94a3b8",
} as const satisfies Record<TCapSeverity, THex>;

export const PRIORITY_COLOR = {
  P1: "#ef4444",
  P2: "#fb923c",
  P3: "#facc15",
  P4: "#60a5fa",
} as const satisfies Record<z.infer<typeof ZIncidentPriority>, THex>;

/** Readable as text on the dark panels; the status word is always written next to the colour. */
export const UNIT_STATUS_COLOR = {
  available: "#34d399",
  dispatched: "#fbbf24",
  enRoute: "#fb923c",
  onScene: "#c084fc",
  returning: "#93c5fd",
  outOfService: "#94a3b8",
} as const satisfies Record<TUnitStatus, THex>;

export const UNIT_TYPE_COLOR = {
  police: "#3b82f6",
  fire: "#ef4444",
  ems: "#ec4899",
  sanitation: "#84cc16",
  utility: "#f59e0b",
} as const satisfies Record<TUnitType, THex>;

export const WASTE_STATUS_COLOR = {
  ok: "#080c12",
  lidOpen: "#38bdf8",
  vandalised: "#c084fc",
  burning: "#ff2e63",
} as const satisfies Record<TWasteContainer["status"], THex>;

/** Zone outlines on the zone editor's map, by kind; the list and the map's labels name the kind as well. */
export const ZONE_KIND_COLOR = {
  district: "#e2e8f0",
  policeBeat: "#4cc2ff",
  fireArea: "#fb923c",
  maintenanceArea: "#a3e635",
} as const satisfies Record<TZoneKind, THex>;

/** Stops of the map's "fine → needs attention" ramps (components/map/layers/color-scales.ts). */
export const RAMP_COLOR = {
  green: "#34d399",
  yellow: "#facc15",
  orange: "#fb923c",
  red: "#ef4444",
  blue: "#60a5fa",
  violet: "#c084fc",
  noData: "#5b6573",
} as const satisfies Record<string, THex>;

/**
 * Declared domains' map colours (lib/domains/definitions name a palette or a tone, never a colour).
 * sequential: the upper half of viridis (colour-blind safe and monotonic in lightness, so it also reads in
 * grey), starting at its blue so the lowest values stay visible over the dark basemap. diverging: ColorBrewer
 * RdYlBu reversed in use (low = red, mid = pale, high = blue), safe for the common colour-vision deficiencies.
 */
export const DOMAIN_SCALE_COLOR = {
  sequential: ["#3e4a89", "#31688e", "#26828e", "#1f9e89", "#35b779", "#90d743", "#fde725"],
  diverging: ["#d73027", "#fc8d59", "#fee090", "#e0f3f8", "#91bfdb", "#4575b4"],
} as const satisfies Record<TDomainPalette, readonly THex[]>;

export const DOMAIN_STATUS_COLOR = {
  ok: "#fde68a",
  muted: "#5b6573",
  warn: "#fb923c",
  critical: "#ef4444",
  info: "#60a5fa",
} as const satisfies Record<TDomainStatusTone, THex>;

/** Few → many on /analysis: cool blue through amber to red, readable over the dark basemap. */
export const HOTSPOT_COLORS = ["#2563eb", "#38bdf8", "#facc15", "#fb923c", "#ef4444", "#be123c"] as const satisfies readonly THex[];

/** Map-only colours: labels, casings and lines drawn over the basemap. */
export const MAP_COLOR = {
  /** Cyan: apart from the traffic ramp (green–red), feeders (blue–violet) and the selection accent. */
  dispatchRoute: "#22d3ee",
  routePreview: "#f8fafc",
  casing: "#080b10",
  label: "#f1f5f9",
  parkingOutline: "#e2e8f0",
  outline: "#ffffff",
  markerRim: "#0a0e14",
  incidentLabelBg: "#280c0c",
  pin: "#4cc2ff",
} as const satisfies Record<string, THex>;

/** Recharts draws SVG, so the charts take these rather than CSS variables. */
export const CHART_COLOR = {
  p50: COLOR.accent,
  p90: ROLE_COLOR.supervisor,
  target: COLOR.warn,
  grid: COLOR.border,
  axis: COLOR.textMuted,
  tooltipBackground: COLOR.surfaceRaised,
  tooltipBorder: COLOR.borderStrong,
  text: COLOR.text,
  /** The band under the pointer across a chart. */
  cursor: "rgb(255 255 255 / 0.04)",
} as const;

/** One series per reason in the dead-letter counts chart (/dead-letters); the legend names each. */
export const DEAD_LETTER_REASON_COLOR = {
  invalid_json: RAMP_COLOR.red,
  schema: RAMP_COLOR.orange,
  unknown_entity: RAMP_COLOR.yellow,
  wrong_topic: RAMP_COLOR.violet,
  asset_kind_mismatch: ROLE_COLOR.field,
  time: RAMP_COLOR.blue,
  empty: RAMP_COLOR.green,
  too_large: SEVERITY_COLOR.warning,
  apply_failed: UNIT_TYPE_COLOR.ems,
  other: RAMP_COLOR.noData,
} as const satisfies Record<TDeadLetterReasonKind, THex>;

export const FONT_FAMILY = {
  sans: 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  mono: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace',
} as const;

/** The type scale, px: every stylesheet sizes text with these steps (stylesheets.test.ts); display is for big figures (KPI tiles, the field unit card). */
export const FONT_SIZE = { xs: 11, sm: 12, base: 13, md: 15, lg: 17, xl: 20, xxl: 24, display: 28 } as const;

/** Spacing steps, px. */
export const SPACE = { 1: 4, 2: 8, 3: 12, 4: 16, 5: 20, 6: 24, 8: 32 } as const;

export const RADIUS = { sm: 4, md: 6, lg: 8, panel: 10, sheet: 14, pill: 999 } as const;

export const SHADOW = {
  raised: "0 12px 32px rgb(0 0 0 / 0.45), 0 2px 6px rgb(0 0 0 / 0.3)",
  fieldRaised: "0 8px 24px rgb(10 13 18 / 0.18), 0 2px 6px rgb(10 13 18 / 0.12)",
} as const;

/** Stacking order of the control room's overlays, lowest first. */
export const Z_INDEX = { mapOverlay: 1, floating: 5, drawer: 6, sheet: 7, banner: 10, tooltip: 20 } as const;

/** Layout sizes the screens share. */
export const LAYOUT = { topBarHeight: 56, queueWidth: 340, queueWidthTablet: 300, drawerWidth: 380 } as const;

/** Browser chrome colour (the viewport's theme-color). */
export const THEME_COLOR: THex = "#0a0e14";

export type TRgb = readonly [number, number, number];

/** "#4cc2ff" → [76, 194, 255], for deck.gl colour accessors. */
export function rgbOf(hex: THex | string): TRgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Every key of a palette mapped to its RGB triple. */
export function rgbTable<K extends string>(palette: Record<K, string>): Record<K, TRgb> {
  return Object.fromEntries(Object.entries<string>(palette).map(([key, hex]) => [key, rgbOf(hex)])) as Record<K, TRgb>;
}

/** "#4cc2ff", 200 → [76, 194, 255, 200]. */
export function rgbaOf(hex: THex | string, alpha = 255): [number, number, number, number] {
  return [...rgbOf(hex), alpha];
}
