// What a candidate sees when something is refused before any processing: a
// link whose token is wrong (401), a Word file (refused by the page itself,
// in the words the server's 415 uses).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { desktop, launchBrowser, phone, startService, textOf } from './harness.mjs';

const ID = 'L1-2025-0077';
const WAIT = { timeout: 30_000 };

test('a link with a bad token shows how to get a new one, on both pages', async () => {
  const service = await startService({ workers: 1 });
  const browser = await launchBrowser();
  try {
    await service.createCandidature(ID, [['cv', true]]);
    const context = await browser.newContext(desktop);
    const page = await context.newPage();
    await page.goto(`${service.baseUrl}/candidat/${ID}#token=abc.def`);
    const access = page.locator('#acces');
    await access.waitFor(WAIT);
    assert.match(await textOf(access), /lien d'accès a expiré ou est incomplet : reconnectez-vous à eCandidat/);
    assert.equal(new URL(page.url()).hash, '', 'even a bad token leaves the address bar');
    assert.equal(await page.locator('#dossier').isHidden(), true);

    // A candidat token does not open the gestionnaire's page either (403: its message).
    await page.goto(`${service.baseUrl}/gestion/#token=${service.token('candidat', ID)}`);
    await page.locator('#liste-erreur').waitFor(WAIT);
    assert.match(await textOf(page.locator('#liste-erreur')), /Votre accès ne permet pas cette opération/);

    const gestion = await browser.newContext(phone);
    const gpage = await gestion.newPage();
    await gpage.goto(`${service.baseUrl}/gestion/`);
    await gpage.locator('#acces').waitFor(WAIT);
    assert.match(await textOf(gpage.locator('#acces')), /reconnectez-vous à eCandidat/);
    await context.close();
    await gestion.close();
  } finally {
    await browser.close();
    await service.stop();
  }
});

test('a Word file is refused before it is sent, the same as at the door', async () => {
  const service = await startService({ workers: 1 });
  const browser = await launchBrowser();
  try {
    await service.createCandidature(ID, [['lettre_motivation', true]]);
    // The start of a .docx: a ZIP whose first entry is word/document.xml.
    const docx = Buffer.concat([
      Buffer.from('504b0304140006000800000021', 'hex'),
      Buffer.from('word/document.xml<w:document/>'),
    ]);
    const token = service.token('candidat', ID);

    // What the server says to this file, asked directly: the page names the
    // file the same way.
    const form = new FormData();
    form.append('file', new Blob([docx]), 'lettre.docx');
    const direct = await fetch(`${service.baseUrl}/api/v1/candidatures/${ID}/pieces/lettre_motivation/files`,
      { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
    assert.equal(direct.status, 415);
    const { message } = await direct.json();
    assert.match(message, /document Word/);

    const context = await browser.newContext(desktop);
    const page = await context.newPage();
    let uploads = 0;
    page.on('request', (request) => { if (request.url().endsWith('/files')) uploads += 1; });
    await page.goto(`${service.baseUrl}/candidat/${ID}#token=${token}`);
    const card = page.locator('.piece-card[data-code="lettre_motivation"]');
    await card.waitFor(WAIT);
    await card.locator('input[type="file"]').setInputFiles({
      name: 'lettre.docx', buffer: docx,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const refused = card.locator('.refused-files');
    await refused.waitFor(WAIT);
    assert.match(await textOf(refused),
      /Le fichier « lettre\.docx » est un document Word \(\.docx\) : déposez un PDF/);
    assert.match(await textOf(refused), /« Enregistrer sous » ou « Exporter » au format PDF/);
    // Nothing was sent nor stored: the pièce is still waiting, nothing to send.
    assert.equal(uploads, 0);
    assert.equal(await textOf(card.locator('.status-badge')), 'En attente');
    assert.equal(await card.locator('.chosen-name').count(), 0);
    assert.equal(await card.getByRole('button', { name: 'Envoyer' }).isHidden(), true);
    await context.close();
  } finally {
    await browser.close();
    await service.stop();
  }
});
