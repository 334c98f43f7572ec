import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import type { Meta } from './results';

/** The commit the tree is at, or null outside a git checkout; a dirty tree is marked. */
function readGitCommit(): string | null {
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' });
  if (head.status !== 0) return null;
  const status = spawnSync('git', ['status', '--porcelain'], { encoding: 'utf8' });
  const dirty = status.status === 0 && status.stdout.trim() !== '';
  return `${head.stdout.trim()}${dirty ? '-dirty' : ''}`;
}

/** Where and when the figures were taken: they only compare with figures from the same machine. */
export function collectMeta(quick: boolean, now = new Date()): Meta {
  const cpu = cpus();
  return {
    date: now.toISOString(),
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cpuCount: cpu.length,
    memoryMb: Math.round(totalmem() / 1024 / 1024),
    node: process.version,
    quick,
    gitCommit: readGitCommit(),
  };
}
