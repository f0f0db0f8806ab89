import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { nextRestartDelay, supervise, type RestartPolicy } from '@/scripts/supervise';

const policy: RestartPolicy = { maxRestarts: 3, windowMs: 60_000, firstDelayMs: 1000, maxDelayMs: 3000 };

describe('restart policy', () => {
  it('waits longer after each recent restart and gives up past the bound', () => {
    expect(nextRestartDelay([], 0, policy)).toBe(1000);
    expect(nextRestartDelay([0], 10, policy)).toBe(2000);
    expect(nextRestartDelay([0, 10], 20, policy)).toBe(3000);
    expect(nextRestartDelay([0, 10, 20], 30, policy)).toBeNull();
  });

  it('forgets restarts older than the window', () => {
    expect(nextRestartDelay([0, 10, 20], 60_010, policy)).toBe(2000);
  });
});

const node = (code: string) => () => spawn(process.execPath, ['-e', code], { stdio: 'ignore' });

describe('supervise', () => {
  it('starts a server that dies again, with a Russian log line, and gives up after the bound', async () => {
    const lines: string[] = [];
    let starts = 0;
    const server = supervise({
      name: 'Сервер',
      start: () => {
        starts += 1;
        return node('process.exit(3)')();
      },
      log: (line) => lines.push(line),
      policy: { ...policy, maxRestarts: 2, firstDelayMs: 10, maxDelayMs: 20 },
    });
    expect(await server.done).toBe(3);
    expect(starts).toBe(3);
    expect(lines[0]).toBe('Сервер неожиданно завершился (код 3) — перезапуск через 0,01 с');
    expect(lines.at(-1)).toMatch(/^Сервер завершился \(код 3\) и перезапускался уже 2 раза .* перезапуски прекращены/);
  });

  it('restarts a server killed by the system (out of memory) and stops it on a signal without restarting', async () => {
    const lines: string[] = [];
    let starts = 0;
    const server = supervise({
      name: 'Сервер',
      start: () => {
        starts += 1;
        const child = node('setInterval(() => {}, 1000)')();
        if (starts === 1) setTimeout(() => child.kill('SIGKILL'), 50);
        return child;
      },
      log: (line) => lines.push(line),
      policy: { ...policy, firstDelayMs: 10 },
    });
    while (starts < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines).toEqual(['Сервер неожиданно завершился (сигнал SIGKILL) — перезапуск через 0,01 с']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await server.stop('SIGTERM');
    expect(starts).toBe(2);
  });
});
