import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { canAnnotate } from '../../lib/activation/sites';
import { fileParam } from '../../lib/viewer/file-param';
import { EXTENSION_DIR, REPORTS } from './harness';

// The real `npm run build:firefox`, checked by Mozilla's own linter (web-ext lint, which runs
// addons-linter as addons.mozilla.org does). There is no Firefox here to run the build in.
const ROOT = resolve(__dirname, '../..');
const FIREFOX_DIR = join(ROOT, '.output/firefox-mv3');

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: { resources: string[]; matches: string[] }[];
  background?: Record<string, unknown>;
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: unknown };
  };
}

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}
interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const list = (messages: LintMessage[]) =>
  messages.map((m) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}`).join('\n') ||
  '(none)';

function runLint(): LintReport {
  const run = spawnSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', FIREFOX_DIR, '--output', 'json', '--no-config-discovery'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } },
  );
  // web-ext exits non-zero when there are errors; the report is on stdout either way.
  const json = run.stdout.slice(run.stdout.indexOf('{'));
  if (!json) throw new Error(`web-ext lint printed no report:\n${run.stderr}`);
  return JSON.parse(json) as LintReport;
}

let firefox: Manifest;
let lint: LintReport | undefined;
const lintReport = () => (lint ??= runLint());

beforeAll(() => {
  const build = spawnSync('npm', ['run', 'build:firefox'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:firefox failed:\n${build.stdout}\n${build.stderr}`);
  firefox = readManifest(FIREFOX_DIR);
}, 180_000);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('Firefox build', () => {
  it('passes web-ext lint with no errors', () => {
    const { errors, warnings } = lintReport();
    expect(errors, `web-ext lint errors:\n${list(errors)}\nwarnings:\n${list(warnings)}`).toEqual([]);
  }, 120_000);

  it('leaves web-ext lint nothing to warn about in its manifest', () => {
    // The warnings left are about bundled libraries' code (Preact's innerHTML, pdf.js's eval
    // test and worker import): see the README.
    const { warnings, notices } = lintReport();
    const onManifest = [...warnings, ...notices].filter((m) => m.file === 'manifest.json');
    expect(onManifest, `web-ext lint on manifest.json:\n${list(onManifest)}`).toEqual([]);
  }, 120_000);

  it('asks Firefox for the same permissions as Chrome and no more', () => {
    const chrome = readManifest(EXTENSION_DIR);
    const sorted = (values: string[] = []) => [...values].sort();
    expect(sorted(firefox.permissions)).toEqual(sorted(chrome.permissions));
    expect(sorted(firefox.host_permissions)).toEqual(sorted(chrome.host_permissions));
    expect(sorted(firefox.optional_host_permissions)).toEqual(sorted(chrome.optional_host_permissions));
    const matches = (m: Manifest) => sorted(m.content_scripts?.flatMap((c) => c.matches));
    expect(matches(firefox)).toEqual(matches(chrome));
    const reachable = (m: Manifest) =>
      (m.web_accessible_resources ?? []).map(({ resources, matches }) => ({ resources, matches }));
    expect(reachable(firefox)).toEqual(reachable(chrome));
    // Firefox's own settings stay out of Chrome's manifest.
    expect(chrome.browser_specific_settings).toBeUndefined();
  });

  it('names itself to Firefox, collects no data, and needs a Firefox with highlights', () => {
    const gecko = firefox.browser_specific_settings?.gecko;
    // A stable id keeps the database and the user's grants across updates.
    expect(gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    // The CSS Custom Highlight API, which paints every highlight, came in Firefox 140.
    expect(Number.parseFloat(gecko?.strict_min_version ?? '0')).toBeGreaterThanOrEqual(140);
    // Firefox runs an MV3 background as an event page, not a service worker.
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
  });

  it('redirects Ofsted report addresses to the viewer, which Firefox may open', async () => {
    const base = 'moz-extension://5b1e0c6e-0f5f-4c52-9d39-0ad0f3a2e1a7/';
    const rules: {
      action: { type: string; redirect?: { regexSubstitution?: string } };
      condition: { regexFilter?: string; resourceTypes?: string[]; isUrlFilterCaseSensitive?: boolean };
    }[] = [];
    vi.stubGlobal('browser', {
      runtime: { id: 'ofsted-annotator@test', getURL: (path: string) => base + path.replace(/^\//, '') },
      declarativeNetRequest: {
        updateDynamicRules: async ({ addRules = [] }: { addRules?: typeof rules }) =>
          void rules.push(...addRules),
      },
    });
    const { openReportsInViewer } = await import('../../lib/background/open-reports');
    await openReportsInViewer();

    expect(rules).toHaveLength(1);
    const [rule] = rules;
    expect(rule!.action.type).toBe('redirect');
    // Only pages: the viewer's own download of the file must go through.
    expect(rule!.condition.resourceTypes).toEqual(['main_frame']);

    // As Firefox applies it (ExtensionDNR: regexFilter, then \0-\9 in regexSubstitution).
    const filter = new RegExp(
      rule!.condition.regexFilter!,
      rule!.condition.isUrlFilterCaseSensitive ? '' : 'i',
    );
    const redirect = (url: string) => {
      const found = filter.exec(url);
      return (
        found &&
        rule!.action.redirect!.regexSubstitution!.replace(/\\(.)/g, (_, c: string) =>
          c === '\\' ? c : (found[Number(c)] ?? ''),
        )
      );
    };
    for (const report of [
      REPORTS.devon2025.url,
      'https://files.api.ofsted.gov.uk/v1/file/50276862?x=1&y=2',
    ]) {
      const target = redirect(report);
      expect(target?.startsWith(`${base}viewer.html?file=`), String(target)).toBe(true);
      expect(fileParam(target!)).toBe(report);
    }
    for (const other of [
      'https://www.gov.uk/report.pdf',
      'https://files.ofsted.gov.uk.example.com/v1/file/1',
      'http://files.ofsted.gov.uk/v1/file/1',
    ]) {
      expect(redirect(other)).toBeNull();
    }

    // Firefox redirects a request only with the host permission for its address (granted at
    // install from Firefox 127), and lets a page follow the redirect only to a web-accessible page.
    expect(firefox.permissions).toContain('declarativeNetRequestWithHostAccess');
    expect(firefox.host_permissions).toEqual(
      expect.arrayContaining(['https://files.ofsted.gov.uk/*', 'https://files.api.ofsted.gov.uk/*']),
    );
    expect(firefox.web_accessible_resources).toContainEqual({
      resources: ['viewer.html'],
      matches: expect.arrayContaining(['https://*/*', 'http://*/*']),
    });
    expect(existsSync(join(FIREFOX_DIR, 'viewer.html'))).toBe(true);
  });

  it('offers no "Switch on" on the sites where Firefox lets no extension in', () => {
    for (const url of ['https://addons.mozilla.org/en-GB/firefox/', 'https://support.mozilla.org/kb/x']) {
      expect(canAnnotate(url)).toBe(false);
    }
    expect(canAnnotate('https://www.devon.gov.uk/childrens-services/')).toBe(true);
    expect(canAnnotate('https://www.mozilla.org/en-GB/firefox/')).toBe(true);
  });
});
