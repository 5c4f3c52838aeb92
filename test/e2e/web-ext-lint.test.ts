import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DIST } from './drivers.js';

interface LintReport {
  count: number;
  summary: { errors: number; notices: number; warnings: number };
  errors: { code: string; message: string }[];
  warnings: { code: string; message: string }[];
}

describe('the Firefox build', () => {
  it('passes web-ext lint with no errors and no warnings', async () => {
    const bin = join(process.cwd(), 'node_modules', '.bin', 'web-ext');
    const { stdout } = await promisify(execFile)(bin, ['lint', '--source-dir', join(DIST, 'firefox'), '--output', 'json'], {
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout: string }) => error);
    const report = JSON.parse(stdout) as LintReport;
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.warnings.map((w) => `${w.code}: ${w.message}`)).toEqual([]);
  });
});
