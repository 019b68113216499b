import { LayerSwitchRow } from "@/components/map/layer-row";

type TZoneOutlinesRowProps = { inputId: string; shown: boolean; setShown: (shown: boolean) => void; count: number | null };

/** The layer panel's switch for the zones' outlines (districts, beats, response areas), under the live layers. */
export function ZoneOutlinesRow({ inputId, shown, setShown, count }: TZoneOutlinesRowProps) {
  return (
    <LayerSwitchRow
      as="div"
      inputId={inputId}
      switchTestId="toggle-zones"
      label="Zone boundaries"
      description={
        shown && count !== null
          ? `${count} zones outlined in their kind's colour, named at city zoom.`
          : "Districts, police beats, fire and maintenance areas."
      }
      isOn={shown}
      onSwitch={setShown}
    />
  );
}
