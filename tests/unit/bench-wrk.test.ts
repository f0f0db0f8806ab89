import { describe, expect, it } from 'vitest';
import { parseWrk, wrkDuration } from '@/scripts/bench-wrk';

const report = (tail: string) => `Running 2s test @ http://127.0.0.1:3400/public/bench-static
  1 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   191.74ms  152.72ms 633.85ms   84.89%
    Req/Sec   385.71    135.15   555.00     71.43%
  Latency Distribution
     50%  115.30ms
     75%  194.50ms
     90%  445.13ms
     99%    1.26s
  595 requests in 2.01s, 8.54MB read
${tail}Requests/sec:    296.30
Transfer/sec:      4.25MB
`;

describe("reading wrk's report", () => {
  it('reads durations in any unit as milliseconds', () => {
    expect(wrkDuration('950.00us')).toBeCloseTo(0.95);
    expect(wrkDuration('115.30ms')).toBe(115.3);
    expect(wrkDuration('1.26s')).toBe(1260);
    expect(wrkDuration('2.00m')).toBe(120_000);
    expect(wrkDuration('')).toBeNaN();
  });

  it('takes requests per second, p50, p99 and counts every failed request', () => {
    expect(parseWrk(report(''))).toEqual({ requestsPerSecond: 296.3, p50: 115.3, p99: 1260, errors: 0 });
    const failed = parseWrk(report('  Socket errors: connect 0, read 2, write 1, timeout 12\n  Non-2xx or 3xx responses: 5\n'));
    expect(failed.errors).toBe(20);
  });
});
