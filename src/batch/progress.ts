// Progress on stderr (stdout is data): a redrawn line on a terminal — done/total, rate, ETA,
// failures so far — and off a terminal nothing until the one-line tally at the end.

/** Seconds as `1:05` or `1:02:03`. */
export function clock(s: number): string {
  if (!Number.isFinite(s)) return '–';
  const t = Math.round(s);
  const h = Math.floor(t / 3600), m = Math.floor((t % 3600) / 60), sec = t % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}

/** What the bar shows. */
export interface Tally {
  done: number;
  /** Sellers known so far; null while a --by file is still being read. */
  total: number | null;
  notOk: number;
  resumed: number;
}

/** The progress line, fitted to `cols`: `[####----] 412/10000 (4%) · 95.3/s · ETA 1:40 · 3 not ok`. */
export function progressLine(t: Tally, seconds: number, cols = 100): string {
  const rate = seconds > 0 ? t.done / seconds : 0;
  const parts: string[] = [t.total ? `${t.done}/${t.total} (${Math.floor((100 * t.done) / t.total)}%)` : `${t.done} sellers`, `${rate.toFixed(1)}/s`];
  if (t.total) parts.push(`ETA ${rate > 0 ? clock((t.total - t.done) / rate) : '–'}`);
  parts.push(`${t.notOk} not ok`);
  if (t.resumed) parts.push(`${t.resumed} resumed`);
  const text = parts.join(' · ');
  const width = Math.min(24, cols - 1 - text.length - 3);
  if (!t.total || width < 5) return text.slice(0, cols - 1);
  const fill = Math.round(Math.min(1, t.done / t.total) * width);
  return `[${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${text}`;
}

/** A throttled progress line on a TTY stream; inert elsewhere. */
export class Progress {
  private last = 0;
  private shown = false;
  private readonly start = performance.now();
  constructor(private readonly out: NodeJS.WriteStream = process.stderr, private readonly enabled = Boolean(out.isTTY)) {}

  /** Seconds since the start. */
  get seconds(): number {
    return (performance.now() - this.start) / 1000;
  }

  /** Redraw (at most 10 times a second unless `force`). */
  update(t: Tally, force = false): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    this.out.write(`\r\x1b[K${progressLine(t, this.seconds, this.out.columns ?? 100)}`);
    this.shown = true;
  }

  /** A message above the bar (or just a line when there is no bar). */
  note(text: string): void {
    this.clear();
    this.out.write(`${text}\n`);
  }

  /** Remove the bar. */
  clear(): void {
    if (this.shown) this.out.write('\r\x1b[K');
    this.shown = false;
  }
}
