// What the browser tests stand on: a real dossierd (its own database schema
// on the MariaDB that scripts/test.sh starts, its own data directory), tokens
// minted by `dossier token`, the reference dossier's files from
// `dossier-fixtures`, and Debian's Chromium driven by playwright-core.
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const buildDir = resolve(process.env.BUILD_DIR || join(repoRoot, 'build'));
export const screenshotDir = join(repoRoot, 'docs', 'screenshots');

function testDatabaseUrl() {
  const base = process.env.DOSSIER_TEST_DB;
  if (!base) throw new Error('DOSSIER_TEST_DB is not set: run scripts/test.sh (it starts MariaDB)');
  const url = new URL(base);
  url.pathname = `/t_web_${randomBytes(4).toString('hex')}`;
  return url.toString();
}

// Starts build/dossierd on a free port and resolves once it logged "started".
export async function startService({ workers = 2, args = [] } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'dossier-web-'));
  const db = testDatabaseUrl();
  // WEB_DIR=server/web serves the pages from the tree, without a rebuild.
  const web = process.env.WEB_DIR ? ['--web-dir', resolve(process.env.WEB_DIR)] : [];
  const child = spawn(join(buildDir, 'dossierd'),
    ['--port', '0', '--data-dir', dataDir, '--db', db, '--workers', String(workers), ...web,
      ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  const port = await new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`dossierd did not start:\n${log}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      log += chunk;
      const started = log.split('\n').find((line) => line.includes('"event":"started"'));
      if (started) {
        clearTimeout(timer);
        resolvePort(Number(JSON.parse(started).port));
      }
    });
    child.on('exit', (code) => reject(new Error(`dossierd exited (${code}):\n${log}`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const service = {
    baseUrl,
    dataDir,
    log: () => log,
    // `sub`: the holder's login, recorded in the history of what they do.
    token(role, candidature, { sub } = {}) {
      const flags = ['token', '--role', role, '--data-dir', dataDir];
      if (candidature) flags.push('--candidature', candidature);
      if (sub) flags.push('--sub', sub);
      return execFileSync(join(buildDir, 'dossier'), flags).toString().trim();
    },
    async api(method, path, { token, json, headers = {} } = {}) {
      const init = { method, headers: { ...headers } };
      if (token) init.headers.Authorization = `Bearer ${token}`;
      if (json !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(json);
      }
      const response = await fetch(baseUrl + path, init);
      const text = await response.text();
      let body = null;
      try { body = JSON.parse(text); } catch { body = null; }
      return { status: response.status, json: body, text, headers: response.headers };
    },
    // PUT /api/v1/candidatures/{id} as admin; `pieces`: [[code, mandatory], …];
    // `dateLimite`: "YYYY-MM-DD".
    async createCandidature(id, pieces, ine = '1234567890V', { dateLimite } = {}) {
      const response = await service.api('PUT', `/api/v1/candidatures/${id}`, {
        token: service.token('admin'),
        json: {
          formation: 'Licence Mathématiques — L1', ine, email: 'camille.martin@example.org',
          pieces: pieces.map(([code, mandatory]) => ({ code, mandatory })),
          ...(dateLimite ? { date_limite: dateLimite } : {}),
        },
      });
      if (response.status !== 201 && response.status !== 200)
        throw new Error(`PUT candidature ${id}: ${response.status} ${response.text}`);
      return response.json;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.on('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return service;
}

// The reference dossier on disk, generated once per build directory:
// { cv: [paths…], lettre_motivation, releve_bac (a 600-dpi scan, ~10 Mo),
//   bulletins (three 12-megapixel phone photos), identite }.
export function referenceFiles() {
  const dir = join(buildDir, 'web-fixtures');
  if (!existsSync(join(dir, 'bulletins'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync(join(buildDir, 'dossier-fixtures'), ['reference', dir], { stdio: 'ignore' });
  }
  const files = {};
  for (const code of readdirSync(dir)) {
    files[code] = readdirSync(join(dir, code)).sort().map((name) => join(dir, code, name));
  }
  return files;
}

// The bytes of one document of `dossier-fixtures one KIND` (a PDF with
// active content, an encrypted one…), drawn afresh.
export function fixtureBytes(kind) {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-fixture-'));
  try {
    const path = join(dir, `${kind}.pdf`);
    execFileSync(join(buildDir, 'dossier-fixtures'), ['one', kind, path]);
    return readFileSync(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    // Root in a container has no user namespace for Chromium's sandbox, and
    // a container's /dev/shm is often too small for its renderer.
    args: [
      '--disable-dev-shm-usage',
      ...(process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : []),
    ],
  });
}

export const desktop = { viewport: { width: 1280, height: 900 }, locale: 'fr-FR' };
export const phone = {
  viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  locale: 'fr-FR',
};

// Full-page screenshot into docs/screenshots/NAME.png (linked from the README);
// `fullPage: false` for what the screen shows (an open dialog).
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage });
}

// The visible text of `locator`, its white space folded.
export async function textOf(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

// Waits until `probe` answers true; fails with `what` after `timeout` ms.
export async function eventually(what, probe, { timeout = 60_000, every = 100 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > end) assert.fail(what);
    await new Promise((resolve) => { setTimeout(resolve, every); });
  }
}
