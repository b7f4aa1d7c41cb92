// `npm run screenshots`: builds and packages the extension, starts the provisioned code-server (VS Code
// 1.100.3 for the browser) with the .vsix installed, fresh user settings and a throw-away copy of samples/,
// drives it with playwright-core in headless Debian Chromium and writes the README's PNGs to docs/images/.
//
// Environment:
//   READOUT_LENS_SHOTS   comma-separated shot names to take (default: all), e.g. "hover-entity,topic-tree"
//   READOUT_LENS_DEBUG   1 = print code-server's log on failure
//   READOUT_LENS_SKIP_PROVISION  1 = do not run scripts/provision.sh first (a worktree sharing another
//                        checkout's provisioned code-server and Chromium)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { chromiumArgs, chromiumPath, ensureCodeServer, root, startCodeServer } from './lib/code-server.mjs';

const require = createRequire(import.meta.url);
const say = (msg) => console.log(`[screenshots] ${msg}`);
const vsix = path.join(root, 'dist-vsix', 'readout-lens.vsix');
const outDir = path.join(root, 'docs', 'images');
const SEED = 'kishida-biden-2023-05-19.readout';
// Two fictional sides' readouts of one call (the integration fixtures), for the compare screenshot.
const PAIR = ['pair-a.readout', 'pair-b.readout'].map((f) => path.join(root, 'test', 'fixtures', 'workspace', f));
// Fictional readouts over three years (the timeline integration fixtures), for the timeline and tracked wording.
const TIMELINE_FIXTURES = path.join(root, 'test', 'fixtures', 'timeline');
const TRACKED = 'peace and stability across the Meridian Strait';
const VIEWPORT = { width: 1400, height: 860 };
const only = (process.env.READOUT_LENS_SHOTS || '').split(',').map((s) => s.trim()).filter(Boolean);
const wanted = (name) => !only.length || only.includes(name);

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const commandTitle = (id) => {
  const c = (manifest.contributes?.commands ?? []).find((x) => x.command === id);
  return c && `${c.category ? `${c.category}: ` : ''}${c.title}`;
};
const compareCommand = (manifest.contributes?.commands ?? []).find((c) => c.command === 'readoutLens.compareWith');

function settings(theme) {
  return {
    'workbench.colorTheme': theme,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.layoutControl.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'git.openRepositoryInParentFolders': 'never',
    'git.enabled': false,
    'security.workspace.trust.enabled': false,
    'window.zoomLevel': 0,
    'window.commandCenter': false,
    'chat.commandCenter.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.ignoreRecommendations': true,
    'extensions.autoCheckUpdates': false,
    'editor.minimap.enabled': false,
    'editor.fontSize': 14,
    'editor.hover.delay': 200,
    'editor.cursorBlinking': 'solid',
    'editor.renderLineHighlight': 'none',
    'editor.occurrencesHighlight': 'off',
    'editor.selectionHighlight': false,
    'editor.stickyScroll.enabled': false,
    'workbench.editor.enablePreview': false,
  };
}

function makeWorkspace() {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-lens-shots-'));
  const ws = path.join(base, 'samples');
  fs.cpSync(path.join(root, 'samples'), ws, { recursive: true });
  if (compareCommand) for (const f of PAIR.filter((p) => fs.existsSync(p))) fs.copyFileSync(f, path.join(ws, path.basename(f)));
  if (fs.existsSync(TIMELINE_FIXTURES)) {
    fs.mkdirSync(path.join(ws, 'timeline'));
    for (const f of fs.readdirSync(TIMELINE_FIXTURES).filter((f) => f.endsWith('.readout'))) fs.copyFileSync(path.join(TIMELINE_FIXTURES, f), path.join(ws, 'timeline', f));
  }
  return { base, ws };
}

/** 1-based line and column of the first occurrence of `needle` (plus `delta` characters) in `file`. */
function lineColOf(file, needle, delta = 0) {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not found in ${path.basename(file)}`);
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length;
  const col = before.length - before.lastIndexOf('\n');
  return `${line}:${col}`;
}

async function main() {
  if (!process.env.READOUT_LENS_SKIP_PROVISION) execFileSync('bash', [path.join(root, 'scripts', 'provision.sh'), '--no-vscode'], { stdio: 'inherit' });
  say('building and packaging the extension');
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
  ensureCodeServer();
  fs.mkdirSync(outDir, { recursive: true });

  const { base, ws } = makeWorkspace();
  const serverLog = [];
  const cs = await startCodeServer({ extraArgs: [vsix], userSettings: settings('Default Dark Modern'), log: (s) => serverLog.push(s) });
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
  const cleanup = async () => {
    await browser.close().catch(() => {});
    cs.stop();
    fs.rmSync(base, { recursive: true, force: true });
  };
  process.once('SIGINT', () => cleanup().then(() => process.exit(130)));
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const remote = (p) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
    const url = `http://127.0.0.1:${cs.port}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify([['openFile', remote(path.join(ws, SEED))]]))}`;
    say(`code-server on 127.0.0.1:${cs.port}; opening the seed in headless Chromium`);
    await page.goto(url);
    await shots(page, ws).catch(async (err) => {
      const file = path.join(os.tmpdir(), 'readout-lens-screenshots-failure.png');
      await page.screenshot({ path: file }).then(() => say(`the page at the failure: ${file}`), () => {});
      throw err;
    });
  } catch (err) {
    if (process.env.READOUT_LENS_DEBUG) console.error(serverLog.join(''));
    throw err;
  } finally {
    await cleanup();
  }

  async function shots(page, ws) {
    const seedPath = path.join(ws, SEED);
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-lines').getByText('Kishida', { exact: false }).first().waitFor({ timeout: 60000 });
    // The language is readout, the analysis has run (status bar summary) and the extension is idle.
    await page.locator('.statusbar-item', { hasText: /^Readout$/ }).first().waitFor({ timeout: 30000 });
    await page.locator('.statusbar-item', { hasText: /Firm \d+/ }).first().waitFor({ timeout: 30000 });
    await settle(page);

    const take = async (name) => {
      await clearNotifications(page);
      const file = path.join(outDir, `${name}.png`);
      await page.screenshot({ path: file });
      say(`wrote docs/images/${name}.png (${(fs.statSync(file).size / 1024).toFixed(0)} KB)`);
    };

    await goTo(page, '1:1');
    if (wanted('seed-dark')) await take('seed-dark');

    if (wanted('hover-entity')) {
      await goTo(page, lineColOf(seedPath, '(IPEF)', 2));
      await showHover(page, /Indo-Pacific Economic Framework/);
      await take('hover-entity');
      await page.keyboard.press('Escape');
    }

    if (wanted('hover-cue')) {
      await goTo(page, lineColOf(seedPath, 'agreed to continue imposing sanctions', 2));
      await showHover(page, /firm/i);
      await take('hover-cue');
      await page.keyboard.press('Escape');
    }

    if (wanted('diagnostics')) {
      await goTo(page, lineColOf(seedPath, 'The two leaders exchanged views on regional'));
      await runCommand(page, 'Problems: Focus on Problems View');
      const problems = page.locator('.markers-panel');
      await problems.locator('.monaco-list-row', { hasText: /commitment/i }).first().waitFor({ timeout: 20000 });
      await settle(page);
      await take('diagnostics');
      await runCommand(page, 'View: Hide Panel');
    }

    if (wanted('topic-tree')) {
      await runCommand(page, 'Readout Lens: Focus on Topics View');
      const sidebar = page.locator('.part.sidebar');
      const topics = sidebar.locator('.pane', { has: page.locator('.pane-header', { hasText: /^\s*Topics/i }) });
      await topics.locator('.monaco-list-row').nth(3).waitFor({ timeout: 20000 });
      await widenSidebar(page, 470);
      // All topics collapsed, then the cursor on the IPEF sentence: the view follows it (followCursor).
      await topics.locator('.pane-header .action-label[aria-label^="Collapse All"]').click();
      await goTo(page, lineColOf(seedPath, 'Biden and Kishida shared the recognition', 5));
      await topics.locator('.monaco-list-row.selected', { hasText: /shared the recognition|economic order/ }).first().waitFor({ timeout: 10000 }).catch(() => say('the Topics view did not reveal the statement under the cursor'));
      await settle(page);
      await take('topic-tree');
      await runCommand(page, 'View: Close Primary Side Bar');
    }

    if (wanted('compare')) {
      if (!compareCommand) {
        say('skipping compare.png: the readoutLens.compareWith command is not contributed (yet)');
      } else if (!PAIR.every((f) => fs.existsSync(f))) {
        say('skipping compare.png: test/fixtures/workspace/pair-a.readout and pair-b.readout are missing');
      } else {
        await quickOpen(page, path.basename(PAIR[0]));
        await editor.locator('.view-lines', { hasText: 'Norland' }).waitFor({ timeout: 20000 });
        await runCommand(page, `${compareCommand.category ? `${compareCommand.category}: ` : ''}${compareCommand.title}`, { opensQuickInput: true });
        // The command asks for the other side's readout in a quick pick of the workspace's readouts.
        const input = page.locator('.quick-input-widget input');
        await input.fill(path.basename(PAIR[1]));
        await page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: path.basename(PAIR[1]) }) }).first().click();
        await input.waitFor({ state: 'hidden' });
        const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
        await view.locator('body *').first().waitFor({ timeout: 20000 });
        await settle(page, 1500);
        await take('compare');
        await runCommand(page, 'View: Close All Editors');
        await quickOpen(page, SEED);
        await editor.locator('.view-lines').getByText('Kishida', { exact: false }).first().waitFor({ timeout: 20000 });
      }
    }

    if (wanted('corpus-view')) {
      const analyse = commandTitle('readoutLens.analyzeWorkspace');
      if (!analyse || !(manifest.contributes?.views?.readoutLens ?? []).some((v) => v.id === 'readoutLens.corpus')) say('skipping corpus-view.png: no Corpus view contributed');
      else {
        await runCommand(page, analyse);
        await runCommand(page, 'Readout Lens: Focus on Corpus View');
        const sidebar = page.locator('.part.sidebar');
        const pane = sidebar.locator('.pane', { has: page.locator('.pane-header', { hasText: /^\s*Corpus/i }) });
        await pane.locator('.monaco-list-row', { hasText: /\d+ readouts?/ }).first().waitFor({ timeout: 60000 });
        await widenSidebar(page, 560);
        await foldOtherViews(sidebar, ['Topics', 'Commitments', 'Entities', 'Tracked Wording']);
        // The counterpart with most readouts, opened to its readouts with their counts and topics.
        const group = pane.locator('.monaco-list-row[aria-expanded="false"]').first();
        if (await group.count()) await group.click();
        await settle(page);
        await take('corpus-view');
        await runCommand(page, 'View: Close Primary Side Bar');
      }
    }

    const webviewFrame = () => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');

    if (wanted('timeline')) {
      const title = commandTitle('readoutLens.showTimeline');
      if (!title || !fs.existsSync(TIMELINE_FIXTURES)) say('skipping timeline.png: no Show Timeline command or no test/fixtures/timeline');
      else {
        // A phrase per year: the palette's quick pick of what to chart, the phrase, then the period.
        await runCommand(page, title, { opensQuickInput: true });
        await pickRow(page, /Phrase…/);
        const input = page.locator('.quick-input-widget input');
        await page.locator('.quick-input-widget .quick-input-title', { hasText: 'phrase' }).waitFor({ timeout: 10000 });
        await input.fill(TRACKED);
        await page.keyboard.press('Enter');
        await pickRow(page, /Per year/);
        await input.waitFor({ state: 'hidden' });
        const view = webviewFrame();
        await view.locator('table.data').waitFor({ timeout: 60000 });
        // The 2024 point of the hedged line, with the statements behind it listed.
        await view.locator('table.data button.select', { hasText: '2024' }).click();
        await view.locator('button.statement').first().waitFor({ timeout: 20000 });
        await view.locator('circle.point.hedged[data-period="2024"]').focus();
        await settle(page, 1500);
        await take('timeline');
        await runCommand(page, 'View: Close All Editors');
      }
    }

    if (wanted('tracked-wording')) {
      const title = commandTitle('readoutLens.trackAcrossReadouts');
      if (!title || !fs.existsSync(TIMELINE_FIXTURES)) say('skipping tracked-wording.png: no Track Across Readouts command or no test/fixtures/timeline');
      else {
        const name = 'norland-estmark-2023-02-10.readout';
        await quickOpen(page, name);
        await editor.locator('.view-lines', { hasText: 'Meridian' }).waitFor({ timeout: 20000 });
        await goTo(page, lineColOf(path.join(ws, 'timeline', name), TRACKED));
        for (let i = 0; i < TRACKED.length; i++) await page.keyboard.press('Shift+ArrowRight');
        await runCommand(page, title);
        const sidebar = page.locator('.part.sidebar');
        const pane = sidebar.locator('.pane', { has: page.locator('.pane-header', { hasText: /Tracked Wording/i }) });
        await pane.locator('.monaco-list-row', { hasText: /as tracked/ }).first().waitFor({ timeout: 60000 });
        await widenSidebar(page, 560);
        await foldOtherViews(sidebar, ['Topics', 'Commitments', 'Entities', 'Corpus']);
        await pane.locator('.monaco-list-row', { hasText: /^\s*By year/ }).first().click();
        await pane.locator('.monaco-list-row', { hasText: /^\s*2024/ }).first().waitFor({ timeout: 10000 });
        await settle(page);
        await take('tracked-wording');
        await runCommand(page, 'View: Close Primary Side Bar');
        await runCommand(page, 'View: Close All Editors');
        await quickOpen(page, SEED);
        await editor.locator('.view-lines').getByText('Kishida', { exact: false }).first().waitFor({ timeout: 20000 });
      }
    }

    if (wanted('seed-light')) {
      await runCommand(page, 'Preferences: Color Theme', { opensQuickInput: true });
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await page.waitForTimeout(300);
      await input.fill('Default Light Modern');
      // 1.100 labels the theme "Light Modern" and shows its setting value "Default Light Modern" beside it.
      await page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: /^(Default )?Light Modern$/ }) }).first().click();
      // The workbench element carries the theme type: "vs" (light), "vs-dark" or "hc-black".
      await page.locator('.monaco-workbench.vs:not(.vs-dark)').waitFor({ state: 'attached', timeout: 20000 });
      await goTo(page, '1:1');
      await settle(page);
      await take('seed-light');
    }
  }
}

/** Lets renders, semantic tokens and decorations land; the UI has no single "idle" signal to wait for. */
async function settle(page, ms = 800) {
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 60);
  await page.waitForTimeout(ms);
}

/** Runs a command from the palette (F1): picks the row whose label is exactly `title`. */
async function runCommand(page, title, { opensQuickInput = false } = {}) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) })
    .first();
  await row.waitFor({ timeout: 10000 });
  await row.click();
  if (!opensQuickInput) await input.waitFor({ state: 'hidden' });
}

/** Folds the named views of the side bar, so the one shot has its height. */
async function foldOtherViews(sidebar, names) {
  for (const name of names) {
    const header = sidebar.locator('.pane-header.expanded', { hasText: new RegExp(`^\\s*${name}\\b`, 'i') });
    if (await header.count()) await header.first().click();
  }
}

/** Picks the row of the open quick pick whose label matches. */
async function pickRow(page, label) {
  const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: label }) }).first();
  await row.waitFor({ timeout: 20000 });
  await row.click();
}

/** Quick Open (Ctrl+P): opens a workspace file by name. */
async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: name }) }).first().click();
  await input.waitFor({ state: 'hidden' });
}

/** Go to Line (Ctrl+G in the web workbench) and put the cursor at "line:column". */
async function goTo(page, where) {
  await page.locator('.editor-instance .monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${where}`);
  await page.waitForTimeout(150);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

async function showHover(page, expected) {
  await runCommand(page, 'Show or Focus Hover');
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: expected }).first();
  await hover.waitFor({ state: 'visible', timeout: 15000 });
  await page.waitForTimeout(400);
}

async function clearNotifications(page) {
  const toasts = page.locator('.notifications-toasts .notification-toast');
  if (await toasts.count()) {
    await runCommand(page, 'Notifications: Clear All Notifications');
    await page.waitForTimeout(300);
  }
}

/** Drags the side bar's sash so long topic and statement labels show. */
async function widenSidebar(page, width) {
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (!sidebar || sidebar.width >= width) return;
  const x = sidebar.x + sidebar.width;
  const y = sidebar.y + sidebar.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + (width - sidebar.width), y, { steps: 8 });
  await page.mouse.up();
}

main().then(
  () => say('done'),
  (err) => {
    console.error(`[screenshots] FAILED: ${err.message ?? err}`);
    process.exit(1);
  },
);
