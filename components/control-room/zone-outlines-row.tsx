import { cx } from "@/components/ui/class-names";
import { Switch } from "@/components/ui/switch";
import rowStyles from "@/components/map/layer-row.module.css";

type TZoneOutlinesRowProps = { inputId: string; shown: boolean; setShown: (shown: boolean) => void; count: number | null };

/** The layer panel's switch for the zones' outlines (districts, beats, response areas), under the live layers. */
export function ZoneOutlinesRow({ inputId, shown, setShown, count }: TZoneOutlinesRowProps) {
  return (
    <div className={cx(rowStyles.row, !shown && rowStyles.off)}>
      <div className={rowStyles.head}>
        <Switch
          id={inputId}
          data-testid="toggle-zones"
          checked={shown}
          onChange={(event) => setShown(event.target.checked)}
          aria-describedby={`${inputId}-desc`}
        />
        <label htmlFor={inputId} className={rowStyles.label}>
          Zone boundaries
        </label>
      </div>
      <p className={rowStyles.description} id={`${inputId}-desc`}>
        {shown && count !== null
          ? `${count} zones outlined in their kind's colour, named at city zoom.`
          : "Districts, police beats, fire and maintenance areas."}
      </p>
    </div>
  );
}
