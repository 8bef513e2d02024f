import type { Offer } from '../../lib/types';

let ctx: AudioContext | undefined;

/** Browsers only allow sound after a user gesture: call this from a click to unlock audio. */
export function unlockAudio(): void {
  try {
    const AC = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!AC) return;
    ctx ??= new AC();
    if (ctx.state === 'suspended') void ctx.resume();
  } catch {
    /* no audio on this device */
  }
}

/** A short two-tone beep. */
export function beep(): void {
  unlockAudio();
  if (!ctx || ctx.state !== 'running') return;
  const t = ctx.currentTime;
  for (const [i, freq] of [880, 1175].entries()) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, t + i * 0.18);
    gain.gain.exponentialRampToValueAtTime(0.2, t + i * 0.18 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + i * 0.18 + 0.16);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t + i * 0.18);
    osc.stop(t + i * 0.18 + 0.17);
  }
}

export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

/** Shows a system notification for a new offer when the user granted permission. */
export function notifyOffer(offer: Pick<Offer, 'offerId' | 'severity' | 'title' | 'systemId'>): void {
  if (!notificationsSupported() || Notification.permission !== 'granted') return;
  try {
    const n = new Notification(`${offer.severity} offer: ${offer.title}`, {
      body: `System ${offer.systemId} — open Switchboard to accept or decline.`,
      tag: `offer-${offer.offerId}`,
    });
    n.onclick = () => {
      window.focus();
      n.close();
    };
  } catch {
    /* some platforms only allow notifications from a service worker */
  }
}
