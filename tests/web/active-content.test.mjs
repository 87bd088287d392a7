// A candidate's PDF can do nothing in the pages. The pipeline removes the
// active content of every pièce (the fixture carries JavaScript on open, a
// launch, attachments, XFA, forms and a URI link to an address nothing
// listens on); a signed PDF keeps its scripts but is never handed to the
// browser's PDF viewer. Every PDF served is opened from both pages, and no
// dialog appears, no page opens and nothing asks for the PDF's addresses.
// A control shows that the viewer does run the unprocessed fixture's
// scripts, so that the silence means something.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { desktop, eventually, fixtureBytes, launchBrowser, startService } from './harness.mjs';

const WAIT = { timeout: 60_000 };
const ID = 'ACTIF-0001';
const PDF_ADDRESS = '127.0.0.1:9/';  // the fixture's URI and SubmitForm targets

async function upload(service, code, name, bytes) {
  const token = service.token('candidat', ID);
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const response = await fetch(`${service.baseUrl}/api/v1/candidatures/${ID}/pieces/${code}/files`,
    { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  assert.equal(response.status, 202, await response.text());
  await eventually(`${code} processed`, async () => {
    const { json } = await service.api('GET', `/api/v1/candidatures/${ID}`, { token });
    return json.pieces.find((p) => p.code === code).processing === 'done';
  });
}

// Everything a page, its frames and the viewer do that a PDF could cause.
function watch(context, page) {
  const seen = { dialogs: [], requests: [], pages: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  context.on('request', (request) => {
    if (request.url().includes(PDF_ADDRESS)) seen.requests.push(request.url());
  });
  context.on('page', (opened) => seen.pages.push(opened.url()));
  return seen;
}

// Shows `bytes` in a frame from a blob: URL, as pdf-viewer.js would if it
// gave the PDF to the viewer, and lets the viewer run for a while.
async function showInFrame(page, bytes) {
  await page.evaluate(async (base64) => {
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const frame = document.createElement('iframe');
    frame.className = 'test-frame';
    frame.src = URL.createObjectURL(new Blob([data], { type: 'application/pdf' }));
    document.body.append(frame);
  }, Buffer.from(bytes).toString('base64'));
  await page.waitForTimeout(3000);
  await page.evaluate(() => document.querySelector('.test-frame')?.remove());
}

// « Ouvrir le PDF » / « Voir le PDF » on a pièce, then the viewer closed.
async function openAndClose(page, card, buttonName) {
  await card.getByRole('button', { name: buttonName }).click();
  const viewer = page.locator('dialog.pdf-viewer[open]');
  await viewer.waitFor(WAIT);
  await page.waitForTimeout(3000);  // time for the viewer to load and run what it would
  const shownInFrame = await viewer.locator('iframe.viewer-frame').isVisible();
  const notice = await viewer.locator('.viewer-notice').isVisible()
    ? await viewer.locator('.viewer-notice').innerText() : '';
  await viewer.getByRole('button', { name: 'Fermer' }).click();
  await viewer.waitFor({ state: 'hidden', timeout: 10_000 });
  return { shownInFrame, notice };
}

test('no script, launch, submission or link of a PDF runs in either page', async () => {
  const service = await startService({ workers: 2 });
  const browser = await launchBrowser();
  try {
    const active = fixtureBytes('active-content');
    const signed = fixtureBytes('signed-active-content');
    await service.createCandidature(ID, [['cv', true], ['lettre_motivation', true]]);
    await upload(service, 'cv', 'cv.pdf', active);
    await upload(service, 'lettre_motivation', 'attestation.pdf', signed);
    const token = service.token('candidat', ID);
    const transmitted = await service.api('POST', `/api/v1/candidatures/${ID}/transmit`, { token });
    assert.equal(transmitted.status, 200, transmitted.text);
    const { json } = await service.api('GET', `/api/v1/candidatures/${ID}`, { token });
    const report = (code) => json.pieces.find((p) => p.code === code).report;
    assert.ok(report('cv').active_content_removed.includes('javascript'));
    assert.ok(report('cv').active_content_removed.includes('link'));
    assert.deepEqual(report('lettre_motivation').active_content_kept, ['javascript', 'reset_form']);

    const context = await browser.newContext({ ...desktop, acceptDownloads: true });
    const page = await context.newPage();
    const seen = watch(context, page);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // The control: the viewer runs the scripts of the PDF as uploaded.
    await page.goto(`${service.baseUrl}/gestion/#token=${service.token('gestionnaire')}`);
    await showInFrame(page, active);
    assert.ok(seen.dialogs.length > 0, 'the viewer should have run the fixture’s scripts');
    seen.dialogs.length = 0;
    seen.requests.length = 0;
    seen.pages.length = 0;

    // The gestionnaire: the work list flag, both pièces, the dossier.
    const item = page.locator(`.worklist-item[data-id="${ID}"]`);
    await item.waitFor(WAIT);
    assert.match(await item.locator('.flags').innerText(), /Contenu actif/);
    await item.click();
    const cv = page.locator('.review-card[data-code="cv"]');
    const lettre = page.locator('.review-card[data-code="lettre_motivation"]');
    await cv.waitFor(WAIT);
    assert.match(await cv.locator('.facts').innerText(), /Contenait du JavaScript.*retiré/);
    assert.match(await lettre.locator('.facts').innerText(),
      /PDF signé\s*: contient du JavaScript.*conservé tel quel/);
    const cvShown = await openAndClose(page, cv, 'Ouvrir le PDF');
    assert.equal(cvShown.shownInFrame, true);
    const lettreShown = await openAndClose(page, lettre, 'Ouvrir le PDF');
    assert.equal(lettreShown.shownInFrame, false);
    assert.match(lettreShown.notice, /PDF signé\s*: contient du JavaScript/);

    const gestionnaire = service.token('gestionnaire');
    const dossier = await fetch(`${service.baseUrl}/api/v1/candidatures/${ID}/dossier.pdf`,
      { headers: { Authorization: `Bearer ${gestionnaire}` } });
    assert.equal(dossier.status, 200);
    await showInFrame(page, Buffer.from(await dossier.arrayBuffer()));
    const processed = await fetch(`${service.baseUrl}/api/v1/candidatures/${ID}/pieces/cv/pdf`,
      { headers: { Authorization: `Bearer ${gestionnaire}` } });
    await showInFrame(page, Buffer.from(await processed.arrayBuffer()));

    // The candidate's page.
    await page.goto(`${service.baseUrl}/candidat/${ID}#token=${token}`);
    const card = (code) => page.locator(`.piece-card[data-code="${code}"]`);
    await card('cv').getByRole('button', { name: 'Voir le PDF' }).waitFor(WAIT);
    assert.equal((await openAndClose(page, card('cv'), 'Voir le PDF')).shownInFrame, true);
    assert.equal(
      (await openAndClose(page, card('lettre_motivation'), 'Voir le PDF')).shownInFrame, false);

    assert.deepEqual(seen.dialogs, []);
    assert.deepEqual(seen.requests, []);
    assert.deepEqual(seen.pages, []);
    await context.close();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await service.stop();
  }
});
