/** Reading wrk's report (`wrk --latency`) for the benchmark scripts. Pure. */

export interface Measured {
  requestsPerSecond: number;
  /** Latency percentiles, ms. */
  p50: number;
  p99: number;
  /** Failed requests: socket errors, time-outs and answers other than 2xx/3xx. */
  errors: number;
}

/** «88.96ms», «1.26s», «950.00us» → milliseconds. */
export function wrkDuration(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) return NaN;
  const value = Number(match[1]);
  return { us: value / 1000, ms: value, s: value * 1000, m: value * 60_000 }[match[2] as 'us' | 'ms' | 's' | 'm'];
}

/** The figures of wrk's report (`--latency`): requests per second, p50, p99, failed requests. */
export function parseWrk(report: string): Measured {
  const number = (pattern: RegExp) => Number(pattern.exec(report)?.[1] ?? NaN);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(report);
  return {
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    p50: wrkDuration(/^\s+50%\s+(\S+)/m.exec(report)?.[1] ?? ''),
    p99: wrkDuration(/^\s+99%\s+(\S+)/m.exec(report)?.[1] ?? ''),
    errors: (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0) + (Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(report)?.[1] ?? 0)),
  };
}

