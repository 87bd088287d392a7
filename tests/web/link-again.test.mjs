// The candidate's link works again: the token of the address is traded for
// the service's session cookie, so the page opened later from the history,
// a bookmark or a new tab (no fragment any more) still shows the dossier,
// and no request carries the token. A fresh link pasted into an open page
// works without a reload; the récépissé's PDF is a plain link the cookie
// opens. « Oublier ce lien sur cet appareil » ends it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { eventually, launchBrowser, phone, startService, textOf } from './harness.mjs';

const ID = 'L1-2025-0311';
const WAIT = { timeout: 30_000 };

// Every API request of the page, with its Authorization header if any.
function watchApi(page) {
  const seen = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/'))
      seen.push({ method: request.method(), path: new URL(request.url()).pathname,
        authorization: request.headers().authorization ?? null });
  });
  return seen;
}

test('the link works again from a new tab; a pasted link works without reload', async () => {
  const service = await startService({ workers: 1 });
  const browser = await launchBrowser();
  try {
    await service.createCandidature(ID, [['complementaires', false]]);
    const context = await browser.newContext(phone);
    const first = await context.newPage();
    const seen = watchApi(first);
    await first.goto(`${service.baseUrl}/candidat/${ID}#token=${service.token('candidat', ID)}`);
    await first.locator('.piece-card[data-code="complementaires"]').waitFor(WAIT);
    assert.equal(new URL(first.url()).hash, '', 'the token left the address bar');
    // The token went once, to open the session; the API calls rely on the cookie.
    assert.deepEqual(seen.filter((r) => r.authorization).map((r) => `${r.method} ${r.path}`),
      [`POST /api/v1/candidatures/${ID}/session`]);
    assert.ok(seen.some((r) => r.method === 'GET' && r.path === `/api/v1/candidatures/${ID}`));
    const cookies = await context.cookies(service.baseUrl + `/api/v1/candidatures/${ID}`);
    const session = cookies.find((c) => c.name === 'dossier_candidat');
    assert.ok(session, 'a session cookie was set');
    assert.equal(session.httpOnly, true);
    assert.equal(session.path, `/api/v1/candidatures/${ID}`);

    // A new tab, the address without its fragment (history, bookmark).
    const again = await context.newPage();
    const seenAgain = watchApi(again);
    await again.goto(`${service.baseUrl}/candidat/${ID}`);
    await again.locator('.piece-card[data-code="complementaires"]').waitFor(WAIT);
    assert.equal(await again.locator('#acces').isHidden(), true);
    assert.ok(seenAgain.every((r) => !r.authorization), 'no token sent by the reopened page');

    // The reopened page acts with the cookie alone: « Non concerné », the
    // transmission, then the récépissé's PDF through its plain link.
    await again.getByRole('button', { name: 'Non concerné par cette pièce' }).click();
    const transmit = again.getByRole('button', { name: 'Transmettre mon dossier' });
    await transmit.waitFor(WAIT);
    await eventually('transmission enabled', async () => !(await transmit.isDisabled()));
    await transmit.click();
    await again.getByRole('dialog').getByRole('button', { name: 'Transmettre', exact: true }).click();
    const receipt = again.locator('#recepisse');
    await receipt.waitFor(WAIT);
    const link = receipt.getByRole('link', { name: 'Télécharger le récépissé (PDF)' });
    assert.equal(await link.getAttribute('href'), `/api/v1/candidatures/${ID}/recepisse.pdf`);
    const [download] = await Promise.all([again.waitForEvent('download', WAIT), link.click()]);
    assert.equal(download.suggestedFilename(), `${ID}-recepisse.pdf`);
    assert.equal((await readFile(await download.path())).subarray(0, 5).toString(), '%PDF-');
    assert.ok(seenAgain.every((r) => !r.authorization), 'the cookie alone, still');

    // Another browser (no cookie): the expired-link sentence; a fresh link
    // pasted into this open page then works without a reload.
    const other = await browser.newContext(phone);
    const lost = await other.newPage();
    await lost.goto(`${service.baseUrl}/candidat/${ID}`);
    const access = lost.locator('#acces');
    await access.waitFor(WAIT);
    assert.match(await textOf(access), /lien d'accès a expiré ou est incomplet/);
    await lost.evaluate(() => { window.sameDocument = true; });
    await lost.evaluate((fresh) => { window.location.hash = `token=${fresh}`; },
      service.token('candidat', ID));
    await lost.locator('.piece-card[data-code="complementaires"]').waitFor(WAIT);
    assert.equal(await access.isHidden(), true);
    assert.equal(await lost.evaluate(() => window.sameDocument), true, 'no reload happened');
    assert.equal(new URL(lost.url()).hash, '');

    // « Oublier ce lien sur cet appareil »: the next visit has no access.
    await lost.getByRole('button', { name: 'Oublier ce lien sur cet appareil' }).click();
    await access.waitFor(WAIT);
    assert.match(await textOf(access), /Ce lien a été oublié sur cet appareil/);
    await lost.goto(`${service.baseUrl}/candidat/${ID}`);
    await access.waitFor(WAIT);
    assert.match(await textOf(access), /lien d'accès a expiré/);
    // The first browser still has its own session.
    await again.reload();
    await again.locator('.piece-card[data-code="complementaires"]').waitFor(WAIT);
    await other.close();
    await context.close();
  } finally {
    await browser.close();
    await service.stop();
  }
});
