import type { TAlertFlap } from "@/lib/contracts/alerts";
import { Chip } from "@/components/ui/chip";
import { describeFlapping } from "./alert-labels";

/** "Flapping · 7 changes in 10 min": one alert that keeps opening and clearing, counted instead of raised again. */
export function FlappingChip({ flap }: { flap: TAlertFlap }) {
  return (
    <Chip
      appearance="tag"
      tone="warm"
      data-testid="flapping-chip"
      title={`Opened and cleared ${flap.total} times since it began to flap; it stops flapping after ${flap.windowMinutes} min without a change`}
    >
      {describeFlapping(flap)}
    </Chip>
  );
}
