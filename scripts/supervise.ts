/**
 * Keeps a server process running: when it dies without being asked to stop (out of memory, a crash), it is
 * started again after a growing pause (1 s, 2 s, 4 s … at most 30 s), with a Russian log line. More than
 * `maxRestarts` restarts within `windowMs` means something is broken beyond a restart: the supervisor gives up
 * and reports the last exit. A signal (Ctrl+C, systemd stop) is passed to the process, which is not restarted;
 * neither is a process that ends by SIGINT/SIGTERM or with code 0 on its own.
 */
import type { ChildProcess } from 'node:child_process';
import { formatNumber, pluralize } from '@/lib/format/ru';

export interface RestartPolicy {
  maxRestarts: number;
  windowMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { maxRestarts: 5, windowMs: 10 * 60_000, firstDelayMs: 1000, maxDelayMs: 30_000 };

/** The pause before the next restart given the times of earlier restarts, or null when it is time to give up. */
export function nextRestartDelay(restarts: readonly number[], now: number, policy: RestartPolicy = DEFAULT_RESTART_POLICY): number | null {
  const recent = restarts.filter((time) => now - time < policy.windowMs).length;
  if (recent >= policy.maxRestarts) return null;
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** recent);
}

export interface Supervisor {
  /** Stops the process with `signal` and resolves with its exit code; no restart follows. */
  stop(signal: NodeJS.Signals): Promise<number>;
  /** Resolves when the supervisor is done: stopped, or given up (then with a non-zero code). */
  done: Promise<number>;
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `сигнал ${signal}` : `код ${code ?? 0}`;
}

export function supervise(options: {
  name: string;
  start: () => ChildProcess;
  log: (message: string) => void;
  policy?: RestartPolicy;
}): Supervisor {
  const policy = options.policy ?? DEFAULT_RESTART_POLICY;
  const restarts: number[] = [];
  let child: ChildProcess;
  let stopping = false;
  let pending: NodeJS.Timeout | undefined;
  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => (finish = resolve));

  const launch = () => {
    child = options.start();
    child.on('exit', (code, signal) => {
      // Asked to stop from outside (Ctrl+C reaches the whole process group; systemd stops the whole unit).
      const deliberate = signal === 'SIGINT' || signal === 'SIGTERM' || (signal === null && code === 0);
      if (stopping || deliberate) return finish(code ?? 0);
      const now = Date.now();
      const delay = nextRestartDelay(restarts, now, policy);
      if (delay === null) {
        options.log(
          `${options.name} завершился (${describeExit(code, signal)}) и перезапускался уже ` +
            `${pluralize(policy.maxRestarts, ['раз', 'раза', 'раз'])} за ${formatNumber(policy.windowMs / 60_000)} мин — ` +
            'перезапуски прекращены, нужна проверка администратора',
        );
        return finish(code || 1);
      }
      restarts.push(now);
      options.log(`${options.name} неожиданно завершился (${describeExit(code, signal)}) — перезапуск через ${formatNumber(delay / 1000)} с`);
      pending = setTimeout(() => {
        pending = undefined;
        if (!stopping) launch();
      }, delay);
    });
  };
  launch();

  return {
    done,
    stop(signal) {
      if (!stopping) {
        stopping = true;
        if (pending) {
          clearTimeout(pending);
          finish(0);
        } else if (child.exitCode !== null || child.signalCode !== null) finish(child.exitCode ?? 0);
        else child.kill(signal);
      }
      return done;
    },
  };
}
