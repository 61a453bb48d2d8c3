/** Small pieces every `kiosk` command shares: number options and a progress bar on stderr. */
import { SingleBar } from 'cli-progress';

export const number = (value: string) => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new Error(`"${value}" is not a number.`);
  return parsed;
};

/** Drawn on stderr, so `--json` output on stdout stays one clean line. */
export function progress(total: number, label: string): SingleBar {
  const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total} {eta_formatted} left`, stream: process.stderr, hideCursor: true });
  bar.start(total, 0);
  return bar;
}
