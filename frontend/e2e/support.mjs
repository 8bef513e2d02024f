// Helpers for the end-to-end tests: fixture data over REST (HTTP Basic as admin) and a headless Chromium.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
export const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD;
export const SCREENSHOTS = join(here, 'screenshots');
export const TMP = join(here, '.tmp');
/** A dispatcher the server's SEV3 policy names in escalate-to (unset: that check is skipped). */
export const ESCALATION_LEAD = process.env.E2E_ESCALATION_LEAD ? { username: process.env.E2E_ESCALATION_LEAD, password: process.env.E2E_ESCALATION_LEAD_PASSWORD } : undefined;
/** Generous, bounded waits: routing and live messages may take a couple of seconds. */
export const LIVE_TIMEOUT = Number(process.env.E2E_LIVE_TIMEOUT ?? 45_000);

const adminAuth = () => 'Basic ' + Buffer.from(`admin:${ADMIN_PASSWORD}`).toString('base64');

/** A REST call as admin; throws with the server's answer on anything but 2xx. */
export async function admin(method, path, body, { auth = adminAuth() } = {}) {
  const res = await fetch(BASE_URL + path, {
    method,
    headers: { Authorization: auth, Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : undefined;
}

export function basic(username, password) {
  return 'Basic ' + Buffer.from(`${username}:${password}`).toString('base64');
}

/** Polls until fn() returns a truthy value (no fixed sleeps). */
export async function eventually(fn, { timeout = LIVE_TIMEOUT, interval = 250, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

export async function waitForServer() {
  await eventually(
    async () => {
      const res = await fetch(`${BASE_URL}/actuator/health`);
      return res.ok && (await res.json()).status === 'UP';
    },
    { timeout: 120_000, interval: 1000, what: `${BASE_URL}/actuator/health to be UP` },
  );
}

/** Customer, system, a uniquely qualified engineer and three accounts, all with fresh ids. */
export async function createFixture() {
  const s = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const password = `E2e-pass-${s}-Zz9!`;
  const word = `zorblax${s}`; // a term only this engineer's profile and this test's incident share
  const customer = await admin('POST', '/api/customers', { id: `e2e-cust-${s}`, name: `E2E Customer ${s}` });
  const system = await admin('POST', `/api/customers/${encodeURIComponent(customer.id)}/systems`, {
    id: `e2e-sys-${s}`,
    name: `Flux line ${s}`,
    product: `Fluxomatic ${word}`,
    version: '9.1',
    site: { label: 'E2E plant', lat: 52.37, lon: 4.89 },
    tags: ['e2e', word],
  });
  const engineer = await admin('POST', '/api/engineers', {
    id: `e2e-eng-${s}`,
    name: `Erin Engineer ${s}`,
    email: `erin-${s}@example.test`,
    skills: [word, `${word} overheating`],
    systems: [{ systemId: system.id, level: 5 }],
    certifications: [{ name: `Fluxomatic ${word} master` }],
    base: { lat: 52.37, lon: 4.9 },
    timeZone: 'Europe/Amsterdam',
    maxActive: 5,
  });
  const users = {
    customer: { username: `e2e-cust-${s}`, password, role: 'CUSTOMER', customerId: customer.id },
    engineer: { username: `e2e-eng-${s}`, password, role: 'ENGINEER', engineerId: engineer.id },
    dispatcher: { username: `e2e-disp-${s}`, password, role: 'DISPATCHER' },
  };
  for (const u of Object.values(users)) await admin('POST', '/api/users', u);
  return { s, word, customer, system, engineer, users };
}

/** Headless Chromium from Debian, with its config/cache/data and profile kept under e2e/.tmp. */
export async function launchBrowser() {
  mkdirSync(TMP, { recursive: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const run = mkdtempSync(join(TMP, 'run-'));
  for (const d of ['config', 'cache', 'data', 'tmp']) mkdirSync(join(run, d), { recursive: true });
  // Playwright puts its fresh user-data-dir under os.tmpdir(), which follows TMPDIR.
  process.env.TMPDIR = join(run, 'tmp');
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    env: { ...process.env, XDG_CONFIG_HOME: join(run, 'config'), XDG_CACHE_HOME: join(run, 'cache'), XDG_DATA_HOME: join(run, 'data'), HOME: run },
    timeout: 60_000,
  });
}

/** A page in its own browser context (own cookies), logging console errors and failed API calls. */
export async function newPage(browser, name, options = {}) {
  const context = await browser.newContext({ baseURL: BASE_URL, ...options });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`[${name}] page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.log(`[${name}] console: ${m.text()}`));
  page.on('response', (r) => r.status() >= 500 && console.log(`[${name}] ${r.status()} ${r.request().method()} ${r.url()}`));
  return page;
}

export async function signIn(page, { username, password }) {
  await page.goto('/signin');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 20_000 });
}

/** Waits until the one STOMP connection says "Live". */
export async function waitLive(page) {
  await page.locator('[data-testid="connection"][data-state="connected"]').waitFor({ timeout: LIVE_TIMEOUT });
}

export async function shot(page, name) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Marks the document so a later check can prove the page was not reloaded. */
export async function markNoReload(page) {
  await page.evaluate(() => {
    window.__e2eNoReload = true;
  });
}
export async function stillSameDocument(page) {
  return page.evaluate(() => window.__e2eNoReload === true);
}

/** Creates the dispatcher account unless it exists (another test may have made it, with the same password). */
export async function ensureDispatcher({ username, password }) {
  await admin('POST', '/api/users', { username, password, role: 'DISPATCHER' }).catch((e) => {
    if (!/→ 409/.test(e.message)) throw e;
  });
}

/** Best effort: takes the fixture engineer off duty so a later run's incidents are not offered to them. */
export async function offDuty(user) {
  await admin('PUT', '/api/me/status', { status: 'OFF_DUTY' }, { auth: basic(user.username, user.password) }).catch((e) => console.log(`(cleanup) ${e.message}`));
}
