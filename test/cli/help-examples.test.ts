/**
 * Every example printed by `--help` must parse as written: the same flags, aliases, choices and argument counts as
 * the command really has. Each `mesh …` invocation in an example (also after a pipe or inside `<(…)`) is split
 * like a shell would and handed to commander; the command's body never runs, because the context factory stops the
 * run at the point where commander has accepted the line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommanderError } from 'commander';
import { buildProgram } from '../../src/cli.js';
import { commands } from '../../src/commands/index.js';
import type { AnyCommandSpec } from '../../src/commands/types.js';
import type { CliIO } from '../../src/context.js';

/** Thrown by the context factory: commander accepted the line and was about to run the command. */
class Accepted extends Error {}

/** Every (command path, example line) pair of the tree. */
function examplesOf(specs: readonly AnyCommandSpec[], path: string[] = []): Array<{ command: string; example: string }> {
  return specs.flatMap((spec) => [
    ...(spec.examples ?? []).filter((line) => !line.trimStart().startsWith('#')).map((example) => ({ command: [...path, spec.name].join(' '), example })),
    ...examplesOf(spec.subcommands ?? [], [...path, spec.name]),
  ]);
}

/** The mesh invocations in one example line, each as argv without `mesh`. */
function meshInvocations(line: string): string[][] {
  const words = shellWords(line);
  const runs: string[][] = [];
  let current: string[] | undefined;
  for (const word of words) {
    if (word === 'mesh') {
      if (current) runs.push(current);
      current = [];
    } else if (['|', '&&', '||', ';', ')', '>', '<(', '$('].includes(word) || word.startsWith('>')) {
      if (current) runs.push(current);
      current = undefined;
    } else if (current) current.push(word);
  }
  if (current) runs.push(current);
  return runs;
}

/** Splits a line into words as a POSIX shell would for these examples: quotes, and `|`, `<(`, `$(`, `)` as words. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | undefined;
  const flush = (): void => {
    if (word) words.push(word);
    word = '';
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === ' ' || c === '\t') flush();
    else if ((c === '<' || c === '$') && line[i + 1] === '(') {
      flush();
      words.push(`${c}(`);
      i++;
    } else if (c === '|' || c === ')' || c === ';') {
      flush();
      words.push(c);
    } else word += c;
  }
  flush();
  return words;
}

/** Parses argv with the real program; resolves to `accepted` or to commander's complaint. */
async function parse(argv: string[]): Promise<string> {
  let complaint = '';
  const io: CliIO = {
    out: () => {},
    err: (s) => void (complaint += s),
    readStdin: () => Promise.resolve(Buffer.alloc(0)),
    env: {},
    stdoutIsTTY: false,
    stderrIsTTY: false,
  };
  const program = buildProgram(io, { exitCode: 0 }, () => {
    throw new Accepted();
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    // A group without a body prints its help and sets the exit code: no example should be that.
    return `not run: ${complaint.trim().split('\n')[0] ?? ''}`;
  } catch (error) {
    if (error instanceof Accepted) return 'accepted';
    if (error instanceof CommanderError && (error.code === 'commander.helpDisplayed' || error.code === 'commander.help')) return 'accepted';
    return complaint.trim() || (error instanceof Error ? error.message : String(error));
  }
}

/** Command lines in the shell code blocks of README.md and docs/: lines that start with `mesh` (or `$ mesh`). */
function documentedLines(): Array<{ file: string; line: string }> {
  const root = join(import.meta.dirname, '../..');
  const docs = [
    'README.md',
    ...readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md'))
      .map((f) => join('docs', f)),
  ];
  return docs.flatMap((file) => {
    let fenced = false;
    const lines: Array<{ file: string; line: string }> = [];
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .forEach((text, index) => {
        if (text.trimStart().startsWith('```')) fenced = !fenced;
        else if (fenced && /^\s*(\$ )?mesh\s/.test(text)) lines.push({ file: `${file}:${index + 1}`, line: text.replace(/\s#\s.*$/, '') });
      });
    return lines;
  });
}

const documented = documentedLines().flatMap(({ file, line }) => meshInvocations(line).map((argv) => ({ file, line, argv })));

const cases = examplesOf(commands).flatMap(({ command, example }) => meshInvocations(example).map((argv) => ({ command, example, argv })));

describe('help examples', () => {
  it('finds examples to check in every command that has a body', () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  it('splits pipelines and process substitutions into mesh invocations', () => {
    expect(meshInvocations("kubectl apply -f <(mesh kube-inject -f app.yaml) | mesh validate -f - -o 'json'")).toEqual([
      ['kube-inject', '-f', 'app.yaml'],
      ['validate', '-f', '-', '-o', 'json'],
    ]);
  });

  it('rejects a line commander would reject, so that the check can fail', async () => {
    expect(await parse(['validate', '--no-such-flag'])).toMatch(/unknown option/);
    expect(await parse(['proxy-config', 'cluster', '-o', 'xml'])).toMatch(/invalid/);
  });

  it.each(documented)('$file: $line', async ({ argv }) => {
    expect(await parse(argv)).toBe('accepted');
  });

  it.each(cases)('$command: $example', async ({ argv }) => {
    expect(await parse(argv)).toBe('accepted');
  });
});
