/**
 * The one golden-file runner (docs/development.md). A suite folder holds cases named by their files:
 *
 *   <case>.args      flags on one line (optional when there is an input)
 *   <case>.in.<ext>  the input (optional when there are args)
 *   <case>.out.<ext> expected stdout, one file per output format (`<case>.out.verbose.txt` for a variant)
 *   <case>.err.txt   expected stderr or failure report
 *
 * Each case becomes one test, found by listing the folder; one more test fails on an output or a stray file that
 * belongs to no case. `MESH_UPDATE_GOLDEN=1` rewrites outputs (vitest.config.ts turns on snapshot update), and in CI
 * a missing output fails, because vitest writes no new snapshots there.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** One golden case: its name and the paths of its files. */
export interface GoldenCase {
  /** The file-name stem shared by the case's files. */
  name: string;
  /** The suite folder (absolute). */
  dir: string;
  /** The tokens of `<case>.args` (double-quoted tokens kept whole); empty when there is no args file. */
  args: string[];
  /** Absolute path of `<case>.in.<ext>`, when the case has one. */
  input: string | undefined;
  /** Absolute path of one of the case's files: `file('out.yaml')` is `<dir>/<case>.out.yaml`. */
  file(suffix: string): string;
}

/** Options of a golden suite. */
export interface GoldenSuiteOptions {
  /** Entries of the folder that are neither cases nor the test file (shared fixtures, nested suites). */
  ignore?: readonly string[];
}

/** Splits `name.args.in.json`-style file names into case name and role; undefined for a file outside the convention. */
const ROLE = /^(?<name>[^.]+)\.(?<role>args|in\.[\w.]+|out\.[\w.]+|err\.txt)$/;

/** Splits an args line on whitespace, keeping "double quoted" tokens together. */
export function splitArgs(line: string): string[] {
  return [...line.trim().matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

/** The cases of a suite folder, sorted: every name that has an args file or an input. */
export function listCases(dir: string): GoldenCase[] {
  const entries = readdirSync(dir).sort();
  const names = new Set<string>();
  for (const f of entries) {
    const m = ROLE.exec(f);
    if (m && (m.groups!.role === 'args' || m.groups!.role!.startsWith('in.'))) names.add(m.groups!.name!);
  }
  return [...names].sort().map((name) => {
    const argsFile = join(dir, `${name}.args`);
    const input = entries.find((f) => f.startsWith(`${name}.in.`));
    return {
      name,
      dir,
      args: existsSync(argsFile) ? splitArgs(readFileSync(argsFile, 'utf8')) : [],
      input: input === undefined ? undefined : join(dir, input),
      file: (suffix: string) => join(dir, `${name}.${suffix}`),
    };
  });
}

/** Files of the folder that belong to no case or follow no role of the convention. */
export function orphans(dir: string, options: GoldenSuiteOptions = {}): string[] {
  const known = new Set(listCases(dir).map((c) => c.name));
  return readdirSync(dir)
    .sort()
    .filter((f) => {
      if (f.endsWith('.test.ts') || options.ignore?.includes(f)) return false;
      if (statSync(join(dir, f)).isDirectory()) return true; // a folder must be listed in `ignore`
      const m = ROLE.exec(f);
      return !m || !known.has(m.groups!.name!);
    });
}

/** Compares `actual` with a golden file (rewritten under MESH_UPDATE_GOLDEN=1). */
export async function expectGolden(actual: string, file: string): Promise<void> {
  await expect(actual).toMatchFileSnapshot(file);
}

/** Like expectGolden, for an output a case may not have: compared when there is output or the file exists. */
export async function expectOptionalGolden(actual: string, file: string): Promise<void> {
  if (actual !== '' || existsSync(file)) await expectGolden(actual, file);
}

/** Declares a golden suite: one test per case in `dir`, plus the orphan check. */
export function goldenSuite(title: string, dir: string, run: (c: GoldenCase) => Promise<void>, options: GoldenSuiteOptions = {}): void {
  describe(title, () => {
    const cases = listCases(dir);
    it('has cases', () => expect(cases.length).toBeGreaterThan(0));
    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => run(c));
    it('has no orphaned or stray golden files', () => expect(orphans(dir, options)).toEqual([]));
  });
}
