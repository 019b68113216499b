import { CrewButton } from "./crew-button";
import styles from "./sound-prompt.module.css";

/** Shown until the page may play sound (browsers need a tap first), so a new job is heard, not just seen. */
export function SoundPrompt({ onEnable }: { onEnable: () => void }) {
  return (
    <div className={styles.sound}>
      <p>Tap to hear new assignments.</p>
      <CrewButton variant="secondary" onClick={onEnable} data-testid="field-enable-sound">
        Enable sound
      </CrewButton>
    </div>
  );
}
