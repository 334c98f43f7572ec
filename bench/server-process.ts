import { spawn, type ChildProcess } from 'node:child_process';

/** A server the bench started as its own OS process, found by the URL it prints when it listens. */
export type ServerProcess = {
  url: string;
  child: ChildProcess;
  /** The last lines it printed, for error messages. */
  output(): string;
  stop(): Promise<void>;
};

const KEEP_CHARS = 20_000;

/**
 * Runs `node --import tsx <entry>` with `env` and resolves once it prints "listening on <url>";
 * rejects with its output if it exits or stays silent for `timeoutMs`.
 */
export function startServerProcess(
  entry: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
  execArgv: string[] = [],
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...execArgv, '--import', 'tsx', entry], {
    cwd: process.cwd(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-KEEP_CHARS);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${entry} did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = () => {
      const match = /listening on (https?:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      resolve({ url: match[1]!, child, output: () => output, stop });
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited (${code}) before listening:\n${output}`));
    };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
}
