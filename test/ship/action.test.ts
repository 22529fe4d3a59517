/**
 * action.yml as GitHub runs it: each step's `run` script under `bash --noprofile --norc -eo pipefail`, with the
 * env GitHub sets (GITHUB_OUTPUT per step, GITHUB_STEP_SUMMARY, RUNNER_TEMP, the action path) and the step's
 * `env:` map evaluated from the inputs and earlier steps' outputs. The expressions action.yml may use are
 * the few this runner understands; any other one fails the test, so the file cannot drift out of its reach.
 * The action is the repository itself (built, dependencies installed), so its install step finds it installed.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = join(ROOT, 'fixtures', 'sample-manifest.csv');
const AS_OF = '2026-11-28';

interface Step {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
}
interface ActionYml {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

interface Run {
  /** Each step: whether it ran, its exit code and output. */
  steps: { name: string; ran: boolean; code: number; stdout: string; stderr: string }[];
  outputs: Record<string, string>;
  summary: string;
  /** The action failed (a step exited non-zero). */
  failed: boolean;
}

function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) out[line.slice(0, at)] = line.slice(at + 1);
  }
  return out;
}

/** Runs the composite action's steps in `workspace` with these inputs, as the runner would. */
function runAction(workspace: string, given: Record<string, string>): Run {
  for (const name of Object.keys(given)) expect(action.inputs, `input ${name}`).toHaveProperty(name);
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    if (spec.required) expect(given, `required input ${name}`).toHaveProperty(name);
    inputs[name] = given[name] ?? spec.default ?? '';
  }
  const temp = mkdtempSync(join(tmpdir(), 'dualscreen-runner-'));
  const summaryFile = join(temp, 'step-summary.md');
  writeFileSync(summaryFile, '');
  const stepOutputs: Record<string, Record<string, string>> = {};

  const value = (path: string): string => {
    const [context, ...rest] = path.split('.');
    if (context === 'inputs' && rest.length === 1 && rest[0]! in inputs) return inputs[rest[0]!]!;
    if (path === 'github.action_path') return ROOT;
    if (context === 'steps' && rest.length === 3 && rest[1] === 'outputs') return stepOutputs[rest[0]!]?.[rest[2]!] ?? '';
    throw new Error(`action.yml: expression "${path}" is not one this test understands`);
  };
  const evaluate = (text: string): string => text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, path: string) => value(path));
  const condition = (expr: string): boolean => {
    const m = /^([\w.-]+)\s*(==|!=)\s*'([^']*)'$/.exec(expr.trim());
    if (!m) throw new Error(`action.yml: condition "${expr}" is not one this test understands`);
    return (value(m[1]!) === m[3]) === (m[2] === '==');
  };

  const run: Run = { steps: [], outputs: {}, summary: '', failed: false };
  action.runs.steps.forEach((step, i) => {
    const ran = !run.failed && (step.if === undefined || condition(step.if));
    if (!ran) {
      run.steps.push({ name: step.name, ran, code: 0, stdout: '', stderr: '' });
      return;
    }
    // the only action the composite uses sets up Node.js, and only when asked to
    expect(step.uses, `step "${step.name}" uses an action, which this test cannot run`).toBeUndefined();
    expect(step.shell).toBe('bash');
    const script = join(temp, `step-${i}.sh`);
    writeFileSync(script, step.run!);
    const outputFile = join(temp, `output-${i}`);
    writeFileSync(outputFile, '');
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: temp,
      NO_COLOR: '1',
    };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = evaluate(String(v));
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, encoding: 'utf8' });
    if (step.id) stepOutputs[step.id] = readOutputs(outputFile);
    run.steps.push({ name: step.name, ran, code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr });
    if (r.status !== 0) run.failed = true;
  });
  for (const [name, { value: expr }] of Object.entries(action.outputs)) run.outputs[name] = evaluate(expr);
  run.summary = readFileSync(summaryFile, 'utf8');
  return run;
}

const step = (run: Run, name: string): Run['steps'][number] => run.steps.find((s) => s.name === name)!;

/** A repository checkout with order batches in it. */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dualscreen-workspace-'));
  for (const [name, from] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    copyFileSync(from, join(dir, name));
  }
  return realpathSync(dir);
}

/** The same screen run directly, for the expected counts. */
function direct(cwd: string, file: string): { summary: Record<string, number>; rows: { line: number; verdict: string }[] } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'dualscreen.js'), 'screen', file, '--format', 'json', '--as-of', AS_OF, '--fail-on', 'none', '-q'], {
    cwd,
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { summary: Record<string, number>; rows: { line: number; verdict: string }[] };
}

interface Sarif {
  version: string;
  runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
}

describe('the GitHub Action (action.yml)', { timeout: 120_000 }, () => {
  it('is a composite action whose scripts read inputs from env only, never ${{ }} inside a script', () => {
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) if (step.run) expect(step.run, step.name).not.toContain('${{');
    // the only `uses:` step is the optional Node.js set-up
    expect(action.runs.steps.filter((s) => s.uses).map((s) => [s.uses?.split('@')[0], s.if])).toEqual([['actions/setup-node', "inputs.node-version != ''"]]);
  });

  it('screens the globbed manifests, annotates, writes SARIF and the job summary, sets the counts and fails the step on a prohibited row', () => {
    const ws = workspace({ 'orders/2026/batch 12.csv': SAMPLE });
    writeFileSync(join(ws, 'orders', 'notes.txt'), 'not a manifest\n');
    const run = runAction(ws, { files: 'orders/**/*.csv', 'as-of': AS_OF });
    const expected = direct(ws, 'orders/2026/batch 12.csv');

    const screen = step(run, 'Screen');
    const fail = step(run, 'Fail on the exit code');
    expect(screen.code, screen.stderr).toBe(0);
    expect(run.outputs['exit-code']).toBe('1');
    expect(expected.summary.rows).toBe(20);
    expect(expected.summary.prohibited).toBeGreaterThan(0);
    for (const k of ['rows', 'prohibited', 'license', 'review', 'clear', 'rejected']) expect(run.outputs[k], k).toBe(String(expected.summary[k]));

    // the log: one annotation per flagged row, on the manifest's line
    const annotations = screen.stdout.split('\n').filter((l) => /^::(error|warning|notice) file=orders\/2026\/batch 12\.csv,line=\d+/.test(l));
    expect(annotations.length).toBe(expected.rows.length);

    // SARIF for code scanning: prohibited rows are errors at their lines, paths relative to the repository root
    expect(run.outputs.sarif).toBe(join(ws, 'dualscreen.sarif'));
    const sarif = JSON.parse(readFileSync(run.outputs.sarif!, 'utf8')) as Sarif;
    expect(sarif.version).toBe('2.1.0');
    const errorLines = new Set(sarif.runs[0]!.results.filter((r) => r.level === 'error').map((r) => r.locations[0]!.physicalLocation.region.startLine));
    expect([...errorLines].sort()).toEqual(expected.rows.filter((r) => r.verdict === 'prohibited').map((r) => r.line).sort());
    expect(new Set(sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri))).toEqual(new Set(['orders/2026/batch%2012.csv']));

    // the job summary is the markdown report
    expect(run.summary).toContain(`### dualscreen: 20 rows · ${expected.summary.prohibited} prohibited ·`);
    expect(run.summary).toContain('**Fails:**');
    expect(run.summary).toMatch(/\| orders\/2026\/batch 12\.csv:\d+ \|/);
    expect(existsSync(run.outputs.report!)).toBe(true);

    // and the step fails after all that, with the exit code
    expect(fail).toMatchObject({ ran: true, code: 1 });
    expect(fail.stdout).toContain(`::error::dualscreen: rows at or above fail-on (prohibited ${expected.summary.prohibited}`);
    expect(run.failed).toBe(true);
  });

  it('passes with fail-on none and writes the further reports asked for', () => {
    const ws = workspace({ 'orders/a.csv': SAMPLE, 'orders/b.csv': SAMPLE });
    const run = runAction(ws, { files: 'orders/a.csv\n  orders/b.csv  \n', 'fail-on': 'none', 'as-of': AS_OF, outputs: 'junit=reports/junit.xml\ncsv=reports/annotated.csv', sarif: '', format: 'text' });
    expect(step(run, 'Screen').stderr).toBe('');
    expect(run.failed).toBe(false);
    expect(run.outputs['exit-code']).toBe('0');
    expect(run.outputs.rows).toBe('40');
    expect(run.outputs.sarif).toBe('');
    expect(existsSync(join(ws, 'dualscreen.sarif'))).toBe(false);
    expect(readFileSync(join(ws, 'reports', 'junit.xml'), 'utf8')).toContain('<testsuite');
    expect(readFileSync(join(ws, 'reports', 'annotated.csv'), 'utf8').split('\n').filter(Boolean)).toHaveLength(41);
    expect(step(run, 'Fail on the exit code').ran).toBe(false);
    expect(run.summary).toContain('### dualscreen: 40 rows');
    expect(run.summary).not.toContain('**Fails:**');
  });

  it('screens with your own packs beside the bundled ones, or alone with bundled-rules false', () => {
    const ws = workspace({ 'orders/a.csv': SAMPLE });
    writeFileSync(join(ws, 'orders', 'a.csv'), `${readFileSync(SAMPLE, 'utf8').trimEnd()}\nSO-9001,Unobtainium widget,,,1,pcs,1,USD,CN,CN,Germany,Muster GmbH,Muster GmbH,\n`);
    mkdirSync(join(ws, 'rules-local'));
    writeFileSync(
      join(ws, 'rules-local', 'widgets.yaml'),
      [
        'id: test-widgets',
        'version: "2026.11.28"',
        'dataAsOf: 2026-11-28',
        'title: Test pack (not a real control)',
        'sources: [{ id: TEST, title: Test source, date: 2026-11-28 }]',
        'items:',
        '  - { id: test.item.widget, title: { en: Unobtainium widgets }, source: TEST, keywords: { en: [unobtainium widget] }, effective: { from: 2026-01-01 } }',
        '',
      ].join('\n'),
    );
    const bundled = direct(ws, 'orders/a.csv').summary;
    const beside = runAction(ws, { files: 'orders/a.csv', rules: 'rules-local', 'fail-on': 'none', 'as-of': AS_OF, sarif: '' });
    expect(beside.outputs.prohibited).toBe(String(bundled.prohibited));
    expect(beside.outputs.review).toBe(String(bundled.review! + 1));
    const alone = runAction(ws, { files: 'orders/a.csv', rules: 'rules-local', 'bundled-rules': 'false', 'fail-on': 'none', 'as-of': AS_OF, sarif: '' });
    expect(alone.outputs.prohibited).toBe('0');
    expect(alone.outputs.license).toBe('0');
    expect(alone.summary).toContain('test-widgets');
    expect(alone.summary).not.toContain('cn-measures');
  });

  it('fails with exit 2 and says so when a glob matches no manifest', () => {
    const ws = workspace({ 'orders/a.csv': SAMPLE });
    const run = runAction(ws, { files: 'orders/a.csv\nshipments/*.csv' });
    expect(run.outputs['exit-code']).toBe('2');
    expect(step(run, 'Screen').stdout).toContain('::error::dualscreen: no file matches "shipments/*.csv"');
    expect(run.summary).toContain('dualscreen could not screen (exit 2)');
    expect(step(run, 'Fail on the exit code')).toMatchObject({ ran: true, code: 2 });
  });
});
