// End-to-end: an incident flows live from the customer's form to the engineer's offer to the dispatcher's board.
// Needs a running server: BASE_URL (default http://localhost:8080) and ADMIN_PASSWORD (password of "admin").
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN_PASSWORD,
  BASE_URL,
  ESCALATION_LEAD,
  LIVE_TIMEOUT,
  TMP,
  admin,
  basic,
  createFixture,
  ensureDispatcher,
  eventually,
  launchBrowser,
  markNoReload,
  newPage,
  offDuty,
  shot,
  signIn,
  stillSameDocument,
  waitForServer,
  waitLive,
} from './support.mjs';

describe(`Switchboard UI against ${BASE_URL}`, { timeout: 300_000 }, () => {
  let browser;
  let fx;
  const pages = {};

  before(async () => {
    assert.ok(ADMIN_PASSWORD, 'ADMIN_PASSWORD must be set to the password of user "admin"');
    await waitForServer();
    fx = await createFixture();
    browser = await launchBrowser();
    pages.customer = await newPage(browser, 'customer');
    pages.engineer = await newPage(browser, 'engineer', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, permissions: ['notifications'] });
    pages.dispatcher = await newPage(browser, 'dispatcher', { viewport: { width: 1440, height: 900 } });
  });

  after(async () => {
    if (fx) await offDuty(fx.users.engineer);
    if (browser) {
      // what every console looked like at the end, to debug a failure
      for (const [name, page] of Object.entries(pages)) await page.screenshot({ path: join(TMP, `last-${name}.png`), fullPage: true }).catch(() => {});
      await browser.close();
    }
  });

  test('an incident opened by the customer is offered, accepted and shown as ASSIGNED everywhere without reload', async () => {
    const { customer, engineer, dispatcher } = pages;
    const title = `Fluxomatic ${fx.word} overheating on line ${fx.s}`;

    // engineer (phone-sized) signs in and goes AVAILABLE
    await signIn(engineer, fx.users.engineer);
    await engineer.waitForURL('**/engineer');
    await waitLive(engineer);
    await engineer.getByRole('button', { name: 'Available', exact: true }).click();
    await engineer.locator('button[aria-pressed="true"]', { hasText: 'Available' }).waitFor();
    await eventually(async () => (await admin('GET', `/api/engineers/${fx.engineer.id}`)).status === 'AVAILABLE', { what: 'engineer AVAILABLE on the server' });
    const overflow = await engineer.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `engineer console must fit a 390px screen (overflows by ${overflow}px)`);

    // dispatcher watches the board
    await signIn(dispatcher, fx.users.dispatcher);
    await dispatcher.waitForURL('**/dispatch');
    await dispatcher.getByRole('heading', { name: 'Live board' }).waitFor();
    await waitLive(dispatcher);
    await markNoReload(dispatcher);

    // customer opens an incident through the form
    await signIn(customer, fx.users.customer);
    await customer.waitForURL('**/customer');
    await waitLive(customer);
    await customer.getByRole('link', { name: 'Open an incident' }).first().click();
    await customer.getByRole('heading', { name: 'Open an incident' }).waitFor();
    await customer.getByLabel('System').selectOption(fx.system.id);
    await customer.getByLabel('Severity').selectOption('SEV2');
    await customer.getByLabel('Title').fill(title);
    await customer.getByLabel('Description').fill(`The ${fx.word} unit trips every few minutes; the flux capacitor reads 140°C. PLC shows alarm 42.`);
    await customer.getByRole('button', { name: 'Open incident' }).click();
    await customer.waitForURL(/\/customer\/incidents\/[^/]+$/, { timeout: 20_000 });
    const incidentId = decodeURIComponent(new URL(customer.url()).pathname.split('/').pop());
    await customer.getByRole('heading', { name: title }).waitFor();
    await markNoReload(customer);

    // the dispatcher's board shows it live
    await dispatcher.locator(`.board-card[data-incident-id="${incidentId}"]`).waitFor({ timeout: LIVE_TIMEOUT });

    // the offer reaches the engineer live; they accept
    const offer = engineer.locator(`li.offer[data-incident-id="${incidentId}"]`);
    await offer.waitFor({ timeout: LIVE_TIMEOUT });
    assert.match(await offer.innerText(), new RegExp(fx.word));
    assert.match(await offer.innerText(), /expires (in|due)|expires/);
    await offer.getByRole('button', { name: 'Accept' }).click();
    await engineer.waitForURL(`**/engineer/incidents/${encodeURIComponent(incidentId)}`);
    await engineer.locator(`article.incident[data-status="ASSIGNED"]`).waitFor({ timeout: LIVE_TIMEOUT });

    // the customer's page turns ASSIGNED without a reload
    await customer.locator(`article.incident[data-incident-id="${incidentId}"][data-status="ASSIGNED"]`).waitFor({ timeout: LIVE_TIMEOUT });
    assert.ok(await stillSameDocument(customer), 'customer page must update without reload');
    assert.match(await customer.getByTestId('assignee').innerText(), new RegExp(`${fx.engineer.id}|${fx.engineer.name}`));

    // and the dispatcher's board too
    await dispatcher.locator(`.board-card[data-incident-id="${incidentId}"][data-status="ASSIGNED"]`).waitFor({ timeout: LIVE_TIMEOUT });
    assert.ok(await stillSameDocument(dispatcher), 'board must update without reload');

    // a deep link survives a reload
    await customer.reload();
    await customer.locator(`article.incident[data-incident-id="${incidentId}"][data-status="ASSIGNED"]`).waitFor();

    // screenshots of the three consoles
    await shot(customer, 'customer-incident');
    await engineer.getByRole('link', { name: 'Console', exact: true }).click();
    await engineer.locator(`.incident-row[data-incident-id="${incidentId}"]`).waitFor();
    // without a schedule the engineer is always on duty, and the console says so
    await engineer.getByTestId('duty-status').waitFor();
    assert.match(await engineer.getByTestId('duty-status').innerText(), /On duty/);
    await shot(engineer, 'engineer-console');

    // presence changes reach the board live (ENGINEER_STATUS)
    await engineer.getByRole('button', { name: 'Busy', exact: true }).click();
    await dispatcher.locator(`.presence-list li[data-engineer-id="${fx.engineer.id}"][data-status="BUSY"]`).waitFor({ timeout: LIVE_TIMEOUT });
    assert.ok(await stillSameDocument(dispatcher), 'board must update without reload');
  });

  test('the dispatcher sees recommended engineers with reasons for the incident', async () => {
    const { dispatcher } = pages;
    const list = await admin('GET', `/api/incidents?customerId=${encodeURIComponent(fx.customer.id)}&limit=5`);
    const incident = list.items.find((i) => i.systemId === fx.system.id);
    assert.ok(incident, 'the incident of the first test exists');
    await dispatcher.goto(`/dispatch/incidents/${encodeURIComponent(incident.id)}`);
    await dispatcher.getByRole('heading', { name: 'Recommended engineers' }).waitFor();
    const rec = dispatcher.locator(`li.rec[data-engineer-id="${fx.engineer.id}"]`);
    await rec.waitFor({ timeout: LIVE_TIMEOUT });
    await rec.getByText('Why this engineer').click();
    await rec.locator('.reasons li').first().waitFor();
    await shot(dispatcher, 'dispatcher-incident');
  });

  test('the dispatcher broadcasts an escalated incident, is told why when nobody qualifies, and the engineer sees the offer live', async () => {
    const { dispatcher, engineer } = pages;
    await engineer.goto('/engineer');
    await waitLive(engineer);
    await engineer.getByRole('button', { name: 'Off duty', exact: true }).click();
    await eventually(async () => (await admin('GET', `/api/engineers/${fx.engineer.id}`)).status === 'OFF_DUTY', { what: 'engineer OFF_DUTY on the server' });

    // the dispatcher the SEV3 policy names in escalate-to is told in person, on whatever page they are
    let lead;
    if (ESCALATION_LEAD) {
      await ensureDispatcher(ESCALATION_LEAD);
      lead = pages.lead = await newPage(browser, 'lead', { viewport: { width: 1280, height: 800 } });
      await signIn(lead, ESCALATION_LEAD);
      await lead.goto('/dispatch/engineers');
      await waitLive(lead);
    }

    // with the only qualified engineer off duty, routing escalates at once
    const incident = await admin(
      'POST',
      '/api/incidents',
      { systemId: fx.system.id, severity: 'SEV3', title: `Fluxomatic ${fx.word} stalls at start-up ${fx.s}`, description: `The ${fx.word} drive will not start.` },
      { auth: basic(fx.users.customer.username, fx.users.customer.password) },
    );
    await eventually(async () => (await admin('GET', `/api/incidents/${incident.id}`)).status === 'ESCALATED', { what: 'the incident to escalate' });
    if (lead) {
      const notice = lead.locator(`.escalation-notices li[data-incident-id="${incident.id}"]`);
      await notice.waitFor({ timeout: LIVE_TIMEOUT });
      assert.match(await notice.innerText(), /No qualified engineer is available/);
      await notice.getByRole('link', { name: incident.id }).click();
      await lead.locator(`article.incident[data-incident-id="${incident.id}"]`).waitFor();
    }

    await dispatcher.goto(`/dispatch/incidents/${encodeURIComponent(incident.id)}`);
    await dispatcher.locator(`article.incident[data-status="ESCALATED"]`).waitFor();
    const broadcast = dispatcher.getByRole('button', { name: 'Broadcast to every qualified engineer' });

    // nobody to ring: the server's reason is shown and nothing changes
    await broadcast.click();
    const refused = dispatcher.locator('.steering .alert-error');
    await refused.waitFor();
    assert.match(await refused.innerText(), /Not broadcast.*409/s);
    assert.ok((await refused.innerText()).split('\n').length > 1, 'the problem detail is shown under its title');
    assert.equal((await admin('GET', `/api/incidents/${incident.id}`)).status, 'ESCALATED');

    // the engineer comes back; the broadcast with a reason rings them live
    await engineer.getByRole('button', { name: 'Available', exact: true }).click();
    await eventually(async () => (await admin('GET', `/api/engineers/${fx.engineer.id}`)).status === 'AVAILABLE', { what: 'engineer AVAILABLE on the server' });
    await markNoReload(engineer);
    await dispatcher.getByLabel('Reason (optional)').fill(`all hands ${fx.s}`);
    await broadcast.click();
    await dispatcher.getByText('Offered to every qualified engineer; the first to accept takes it.').waitFor();
    await engineer.locator(`li.offer[data-incident-id="${incident.id}"]`).waitFor({ timeout: LIVE_TIMEOUT });
    assert.ok(await stillSameDocument(engineer), 'the offer arrives without reload');

    // the timeline says who broadcast and why
    const entry = dispatcher.locator('.timeline li[data-type="BROADCAST"]');
    await entry.waitFor({ timeout: LIVE_TIMEOUT });
    assert.match(await entry.innerText(), new RegExp(`Broadcast to every qualified engineer[\\s\\S]*all hands ${fx.s}[\\s\\S]*by ${fx.users.dispatcher.username}`));
    await shot(dispatcher, 'dispatcher-broadcast');
  });

  test('the dispatcher edits an engineer’s week and adds an override; the engineer sees and changes their own', async () => {
    const { dispatcher, engineer } = pages;
    const note = `e2e leave ${fx.s}`;
    await dispatcher.goto(`/dispatch/engineers?q=${encodeURIComponent(fx.word)}`);
    await dispatcher.locator(`li.hit[data-engineer-id="${fx.engineer.id}"]`).getByRole('link', { name: fx.engineer.name }).click();
    await dispatcher.waitForURL(`**/dispatch/engineers/${encodeURIComponent(fx.engineer.id)}`);
    await dispatcher.getByRole('heading', { name: 'Schedule', exact: true }).waitFor();
    assert.equal(await dispatcher.getByLabel('Time zone').inputValue(), 'Europe/Amsterdam');

    // a bad time is caught in the form, before the server
    await dispatcher.getByLabel('Monday working hours').fill('8am-5pm');
    await dispatcher.getByRole('button', { name: 'Save week' }).click();
    await dispatcher.getByText('"8am" is not a time of day like 08:00').waitFor();

    await dispatcher.getByLabel('Monday working hours').fill('08:00-12:00, 13:00-17:00');
    await dispatcher.getByLabel('Saturday on call').fill('22:00-06:00');
    await dispatcher.getByRole('button', { name: 'Save week' }).click();
    await dispatcher.getByText('Week saved.').waitFor();

    await dispatcher.getByLabel('From', { exact: true }).fill('2030-01-07T08:00');
    await dispatcher.getByLabel('To', { exact: true }).fill('2030-01-08T08:00');
    await dispatcher.getByLabel('Kind', { exact: true }).selectOption('OFF_DUTY');
    await dispatcher.getByLabel('Note', { exact: true }).fill(note);
    await dispatcher.getByRole('button', { name: 'Add override' }).click();
    await dispatcher.locator('.override-list li', { hasText: note }).waitFor();

    // the server has it, and a reload shows it
    const saved = await admin('GET', `/api/engineers/${fx.engineer.id}/schedule`);
    assert.deepEqual(saved.workingHours.MONDAY, [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '17:00' }]);
    assert.deepEqual(saved.onCall.SATURDAY, [{ from: '22:00', to: '06:00' }]);
    const override = saved.overrides.find((o) => o.note === note);
    assert.ok(override, 'the override is stored');
    assert.equal(override.kind, 'OFF_DUTY');
    assert.equal(Date.parse(override.from), new Date(2030, 0, 7, 8).getTime(), 'the browser’s local time is sent as an instant');
    await dispatcher.reload();
    await dispatcher.locator('.override-list li', { hasText: note }).waitFor();
    assert.equal(await dispatcher.getByLabel('Monday working hours').inputValue(), '08:00–12:00, 13:00–17:00');
    assert.equal(await dispatcher.getByLabel('Saturday on call').inputValue(), '22:00–06:00');
    await dispatcher.getByTestId('schedule-now').waitFor();
    await shot(dispatcher, 'dispatcher-schedule');

    // the engineer sees the same schedule on their phone and takes the override back
    await engineer.getByRole('link', { name: 'My schedule', exact: true }).click();
    await engineer.waitForURL('**/engineer/schedule');
    const mine = engineer.locator('.override-list li', { hasText: note });
    await mine.waitFor();
    assert.equal(await engineer.getByLabel('Monday working hours').inputValue(), '08:00–12:00, 13:00–17:00');
    const overflow = await engineer.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `the schedule must fit a 390px screen (overflows by ${overflow}px)`);
    await shot(engineer, 'engineer-schedule');
    await mine.getByRole('button', { name: /^Delete override/ }).click();
    await mine.waitFor({ state: 'detached' });
    assert.equal((await admin('GET', `/api/engineers/${fx.engineer.id}/schedule`)).overrides.some((o) => o.note === note), false);

    // on call by an override around now: the board's "On call now" lists them
    const day = 24 * 3600_000;
    await admin('POST', `/api/engineers/${fx.engineer.id}/schedule/overrides`, { from: new Date(Date.now() - day).toISOString(), to: new Date(Date.now() + day).toISOString(), kind: 'ON_CALL', note: 'e2e cover' });
    await dispatcher.goto('/dispatch');
    await dispatcher.locator(`.on-call-panel li[data-engineer-id="${fx.engineer.id}"][data-mode="ON_CALL"]`).waitFor();
    await shot(dispatcher, 'dispatcher-board');
  });

  test('engineer search finds the engineer by a skill typed in the typeahead', async () => {
    const { dispatcher } = pages;
    await dispatcher.goto('/dispatch/engineers');
    const box = dispatcher.getByRole('combobox', { name: 'Search engineers' });
    await box.fill(fx.word);
    await dispatcher.getByRole('button', { name: 'Search', exact: true }).click();
    await dispatcher.waitForURL(/\/dispatch\/engineers\?q=/);
    await dispatcher.locator(`.search-results:not(.stale) li.hit[data-engineer-id="${fx.engineer.id}"]`).waitFor({ timeout: LIVE_TIMEOUT });
    await shot(dispatcher, 'dispatcher-search');
  });

  test('the server’s validation messages are shown on the incident form', async () => {
    const { customer } = pages;
    await customer.goto('/customer/new');
    await customer.getByRole('heading', { name: 'Open an incident' }).waitFor();
    await customer.getByRole('button', { name: 'Open incident' }).click();
    await customer.locator('.alert-error').first().waitFor();
    // the field messages from the problem's `errors` sit at their fields
    await customer.locator('.field-invalid', { has: customer.getByLabel('Title') }).locator('.field-error').waitFor();
    assert.match(new URL(customer.url()).pathname, /\/customer\/new$/);
  });

  test('a customer who opens dispatcher pages gets the 403 page', async () => {
    const { customer } = pages;
    for (const path of ['/dispatch', '/dispatch/engineers', '/admin/users']) {
      await customer.goto(path);
      await customer.getByRole('heading', { name: 'Forbidden' }).waitFor();
    }
    await customer.goto('/no/such/page');
    await customer.getByRole('heading', { name: 'Page not found' }).waitFor();
  });

  test('signing out ends the session', async () => {
    const { customer } = pages;
    await customer.goto('/customer');
    await customer.getByRole('button', { name: 'Sign out' }).click();
    await customer.waitForURL('**/signin');
    await customer.goto('/customer/systems');
    await customer.waitForURL(/\/signin\?next=%2Fcustomer%2Fsystems/);
    await customer.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  test('the admin console lists what the fixture created', async () => {
    const page = await newPage(browser, 'admin', { viewport: { width: 1440, height: 900 } });
    pages.admin = page;
    await signIn(page, { username: 'admin', password: ADMIN_PASSWORD });
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    await page.getByRole('cell', { name: fx.customer.id, exact: true }).waitFor();
    await shot(page, 'admin');

    // NDJSON import in parts of one line: the bad third line is reported with its own line number
    await page.getByRole('link', { name: 'Import NDJSON…' }).click();
    const ndjson = [
      JSON.stringify({ type: 'customer', id: `e2e-imp-a-${fx.s}`, name: 'Imported A' }),
      JSON.stringify({ type: 'customer', id: `e2e-imp-b-${fx.s}`, name: 'Imported B' }),
      'this is not json',
    ].join('\n');
    await page.getByLabel('NDJSON file').setInputFiles({ name: 'import.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(ndjson) });
    await page.getByLabel('Lines per request').fill('1');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Progress: 3 of 3 parts').waitFor();
    const rejected = page.getByRole('table', { name: 'Rejected lines' });
    await rejected.getByRole('cell', { name: '3', exact: true }).waitFor();
    await page.getByText('Imported: 2 customers').waitFor();
    await shot(page, 'admin-import');
  });
});
