import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

export interface Machine {
  cores: number;
  cpu: string;
  ramGiB: number;
  node: string;
  date: string;
  /** 1-minute load average when the bench started: other work on a shared box shows up here. */
  load: number;
}

/** What the numbers were measured on; they mean little without it. */
export function describeMachine(): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    // not Linux: os.cpus() is good enough
  }
  let cores = os.availableParallelism?.() ?? os.cpus().length;
  try {
    cores = Number(execSync('nproc', { encoding: 'utf8' }).trim()) || cores;
  } catch {
    // nproc missing: keep Node's count
  }
  return {
    cores,
    cpu,
    ramGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    load: Math.round(os.loadavg()[0] * 100) / 100,
  };
}
