/** `mesh help <topic>` pages are built from the data they describe; `mesh help <command>` is commander's help. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { ExitCode } from '../../src/errors.js';
import { POD_OWNER_KINDS } from '../../src/core/model/pods.js';
import { commands } from '../../src/commands/index.js';
import { HELP_TOPICS, OUTPUT_FORMAT_MEANINGS, outputFlags } from '../../src/commands/help-topics.js';

describe('mesh help <topic>', () => {
  it('lists the topics in mesh --help and mesh help help', async () => {
    expect(HELP_TOPICS).toEqual(['exit-codes', 'output-formats', 'pod-argument']);
    const root = await runCli(['--help']);
    expect(root.stdout).toMatch(/help \[topic\.\.\.\]\s+Show help for a command, or a topic:\s+exit-codes, output-formats, pod-argument/);
    expect(root.stdout).not.toContain('help [command]');
    const self = await runCli(['help', 'help']);
    expect(self.code).toBe(0);
    expect(self.stdout).toContain('Usage: mesh help [options] [topic...]');
  });

  it('exit-codes: one row per ExitCode, with its number, name and a meaning', async () => {
    const r = await runCli(['help', 'exit-codes']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    for (const [name, code] of Object.entries(ExitCode)) expect(r.stdout).toMatch(new RegExp(`^ +${code}  ${name} +\\S.+$`, 'm'));
    expect(r.stdout).toMatch(/^ {2}79 {2}IssuesFound +the command ran fine and its result is negative/m);
  });

  it("output-formats: each command's -o choices and default, from its flags; every offered format explained", async () => {
    const r = await runCli(['help', 'output-formats']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}mesh version +-o text\|short\|json\|yaml \(default text\)$/m);
    expect(r.stdout).toMatch(/^ {2}mesh analyze +-o log\|json\|yaml\|sarif \(default log\)$/m);
    expect(r.stdout).toMatch(/^ {2}mesh proxy-config bootstrap +-o short\|json\|yaml \(default json\)$/m);
    expect(r.stdout).toMatch(/^ {2}mesh kube-inject +-o: write the result to this file/m);
    const flags = await outputFlags(commands);
    expect(flags.length).toBeGreaterThan(10);
    for (const f of flags) expect(r.stdout).toContain(`  ${f.command} `);
    for (const format of new Set(flags.flatMap((f) => f.choices ?? []))) {
      expect(OUTPUT_FORMAT_MEANINGS[format], `format ${format} needs a meaning`).toBeTruthy();
      expect(r.stdout).toMatch(new RegExp(`^ {2}${format} +\\S`, 'm'));
    }
  });

  it('pod-argument: the syntax, and every kind prefix parsePodArgument accepts', async () => {
    const r = await runCli(['help', 'pod-argument']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<name>.<namespace>');
    expect(r.stdout).toContain('<kind>/<name>[.<namespace>]');
    for (const [prefix, { kind }] of Object.entries(POD_OWNER_KINDS)) expect(r.stdout).toMatch(new RegExp(`^ {2}${kind} .*(?<= |^)${prefix}/( |$)`, 'm'));
  });
});

describe("mesh help <command> (commander's help, as before)", () => {
  it.each([['install'], ['proxy-config', 'cluster'], ['pc'], ['profile']])('mesh help %s prints what --help prints', async (...words) => {
    const viaHelp = await runCli(['help', ...words]);
    const viaFlag = await runCli([...words, '--help']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(viaHelp.stdout).toMatch(/^Usage: mesh /);
  });

  it('mesh help alone prints the program help', async () => {
    const r = await runCli(['help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await runCli(['--help'])).stdout);
  });

  it('names the topics and commands for an unknown word, with the nearest one (exit 64)', async () => {
    const r = await runCli(['help', 'exit-code']);
    expect(r.code).toBe(64);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^error: no help topic or command "exit-code" \(topics: exit-codes, output-formats, pod-argument; commands: precheck, .*\)\nhint: did you mean "mesh help exit-codes"\?\n$/,
    );
  });
});
