/**
 * The alarm tone, generated with Web Audio (nothing to download, works offline): a two-tone
 * square-wave burst repeated while the alarm sounds.
 *
 * Browsers start audio only after a user gesture. A desk has one (the sign-in click); a wall that
 * restarts on its own may not, so the status says `blocked` until the first key or tap, and kiosk
 * browsers should run with `--autoplay-policy=no-user-gesture-required` (see client/README).
 */
export type SoundStatus = 'off' | 'playing' | 'blocked' | 'unsupported';

const burstEveryMs = 3_000;
const tones = [880, 660, 880, 660, 880, 660];
const toneS = 0.16;
const volume = 0.2;

type AudioCtor = typeof AudioContext;

export function createAlarmSound(onStatus: (status: SoundStatus) => void) {
  const Ctor: AudioCtor | undefined = (globalThis as { AudioContext?: AudioCtor }).AudioContext;
  let context: AudioContext | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  let master: GainNode | null = null;
  let wanted = false;
  let status: SoundStatus = Ctor ? 'off' : 'unsupported';

  const report = (next: SoundStatus) => {
    if (next !== status) onStatus((status = next));
  };

  function burst() {
    if (!context || context.state !== 'running') return;
    const gain = context.createGain();
    gain.gain.value = volume;
    gain.connect(context.destination);
    master = gain;
    let t = context.currentTime + 0.02;
    for (const frequency of tones) {
      const osc = context.createOscillator();
      osc.type = 'square';
      osc.frequency.value = frequency;
      osc.connect(gain);
      osc.start(t);
      osc.stop(t + toneS);
      t += toneS + 0.02;
    }
    // Disconnect when done so a night of bursts leaves no audio nodes behind.
    setTimeout(() => gain.disconnect(), (t - context.currentTime) * 1000 + 100);
  }

  const onGesture = () => resume();

  function check() {
    if (!context || !wanted) return;
    if (context.state === 'running') {
      window.removeEventListener('pointerdown', onGesture);
      window.removeEventListener('keydown', onGesture);
      if (status !== 'playing') {
        report('playing');
        burst();
      }
    } else {
      report('blocked');
    }
  }

  function resume() {
    if (!context || !wanted) return;
    // A blocked resume() may stay pending rather than fail, so the state is also checked shortly after.
    context.resume().then(check, check);
    setTimeout(check, 300);
  }

  return {
    start() {
      if (!Ctor || wanted) return;
      wanted = true;
      context ??= new Ctor();
      window.addEventListener('pointerdown', onGesture);
      window.addEventListener('keydown', onGesture);
      timer = setInterval(burst, burstEveryMs);
      resume();
    },
    stop() {
      if (!wanted) return;
      wanted = false;
      clearInterval(timer);
      timer = undefined;
      window.removeEventListener('pointerdown', onGesture);
      window.removeEventListener('keydown', onGesture);
      master?.gain.setValueAtTime(0, context?.currentTime ?? 0);
      master = null;
      report(Ctor ? 'off' : 'unsupported');
    },
    status: () => status,
  };
}
