/** Shown until the page may play sound (browsers need a tap first), so a new job is heard, not just seen. */
export function SoundPrompt({ onEnable }: { onEnable: () => void }) {
  return (
    <div className="crew-sound">
      <p>Tap to hear new assignments.</p>
      <button type="button" className="crew-button crew-button--secondary" onClick={onEnable} data-testid="field-enable-sound">
        Enable sound
      </button>
    </div>
  );
}
