// Durations as the CLI and the collector's environment take them: `90m`, `24h`, `7d`, `2w`.

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `24h` -> milliseconds. Throws with the value received and the form allowed. */
export function parseDuration(text: string, what = 'duration'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$/.exec(text);
  if (!m) throw new Error(`${what} must be a number followed by s, m, h, d or w (for example 24h or 7d), got '${text}'`);
  return Number(m[1]) * UNITS[m[2]];
}

/** Milliseconds -> a short human form (`36h`, `2d`). */
export function formatDuration(ms: number): string {
  if (ms % UNITS.d === 0 && ms >= 2 * UNITS.d) return `${ms / UNITS.d}d`;
  if (ms % UNITS.h === 0) return `${ms / UNITS.h}h`;
  if (ms % UNITS.m === 0) return `${ms / UNITS.m}m`;
  return `${Math.round(ms / 1000)}s`;
}
