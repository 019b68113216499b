/** Two short beeps, generated: no audio file to ship or fetch. */
const TONE_HZ = [880, 1175] as const;
const BEEP_S = 0.16;
const GAP_S = 0.08;
const VOLUME = 0.18;

let context: AudioContext | null = null;

/**
 * Plays the critical-alert tone. Browsers keep audio suspended until the page has had a
 * user gesture; before that this is silent (the banner still shows), never an error.
 */
export function playAlertTone(): void {
  if (typeof window === "undefined" || typeof window.AudioContext !== "function") return;
  context ??= new window.AudioContext();
  const audio = context;
  void audio.resume().catch(() => undefined);
  const start = audio.currentTime + 0.02;
  TONE_HZ.forEach((hz, i) => {
    const at = start + i * (BEEP_S + GAP_S);
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = "sine";
    oscillator.frequency.value = hz;
    // Short ramps avoid clicks at the start and end of each beep.
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(VOLUME, at + 0.015);
    gain.gain.linearRampToValueAtTime(0, at + BEEP_S);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + BEEP_S + 0.02);
  });
}
