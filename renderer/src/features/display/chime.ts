/** A two-note "ding-dong" through Web Audio: the call's signal where no Chinese voice exists. */
export function playChime(ctx: AudioContext): Promise<void> {
  const notes: [number, number][] = [
    [659.25, 0], // E5
    [523.25, 0.45], // C5
  ];
  const start = ctx.currentTime + 0.05;
  for (const [freq, offset] of notes) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.5, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.9);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start + offset);
    osc.stop(start + offset + 1);
  }
  return new Promise((resolve) => setTimeout(resolve, 1500));
}
