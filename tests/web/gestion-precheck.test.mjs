// The gestionnaire's page and what the pre-check found: the flag filters of
// the work list, the refusal comment prefilled from the INE verdict, and
// « Marquer complet » / « Marquer incomplet » with the server's refusal shown;
// once nothing is left to examine in a dossier, the next one opens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  desktop, eventually, launchBrowser, referenceFiles, startService, textOf,
} from './harness.mjs';

const WAIT = { timeout: 60_000 };

// Uploads `paths` as the candidate, waits for the pre-check, transmits.
async function sendAndTransmit(service, id, code, paths) {
  const token = service.token('candidat', id);
  const form = new FormData();
  for (const path of paths) form.append('file', new Blob([readFileSync(path)]), basename(path));
  const upload = await fetch(`${service.baseUrl}/api/v1/candidatures/${id}/pieces/${code}/files`,
    { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  assert.equal(upload.status, 202, await upload.text());
  await eventually(`${id}/${code} processed`, async () => {
    const { json } = await service.api('GET', `/api/v1/candidatures/${id}`, { token });
    return json.pieces.find((p) => p.code === code).processing === 'done';
  });
  const transmitted = await service.api('POST', `/api/v1/candidatures/${id}/transmit`, { token });
  assert.equal(transmitted.status, 200, transmitted.text);
}

test('flags filter the work list; the refusal comment comes from the INE verdict', async () => {
  const service = await startService({ workers: 2 });
  const browser = await launchBrowser();
  try {
    const files = referenceFiles();
    // The scan carries 1234567890V: declaring another INE makes it « différent ».
    await service.createCandidature('INE-AUTRE', [['releve_bac', true]], '0123456789M');
    await service.createCandidature('INE-BON', [['releve_bac', true]]);
    await sendAndTransmit(service, 'INE-AUTRE', 'releve_bac', files.releve_bac);
    await sendAndTransmit(service, 'INE-BON', 'releve_bac', files.releve_bac);

    const context = await browser.newContext(desktop);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${service.baseUrl}/gestion/#token=${service.token('gestionnaire')}`);
    const item = (id) => page.locator(`#liste tbody tr[data-id="${id}"]`);
    await item('INE-BON').waitFor(WAIT);
    await item('INE-AUTRE').waitFor(WAIT);
    assert.match(await textOf(item('INE-AUTRE').locator('.flags')), /INE différent/);
    assert.equal(await item('INE-BON').locator('.flags').count(), 0);

    // The candidate sees the same finding: accepted « avec réserve », and why.
    const candidate = await context.newPage();
    await candidate.goto(`${service.baseUrl}/candidat/INE-AUTRE#token=${service.token('candidat', 'INE-AUTRE')}`);
    const reserve = candidate.locator('.piece-card[data-code="releve_bac"] .result.ok.reserve');
    await reserve.waitFor(WAIT);
    assert.equal(await textOf(reserve.locator('.result-title')), 'Pièce acceptée avec réserve');
    assert.match(await textOf(reserve), /ne correspond pas à celui de votre profil \(0123456789M\)/);
    await candidate.close();

    await page.getByLabel('INE différent').check();
    await item('INE-BON').waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await item('INE-AUTRE').count(), 1);
    assert.equal(await textOf(page.locator('#nombre')), '1 dossier');
    await page.getByLabel('INE illisible').check();  // any of the two
    await page.getByLabel('INE différent').uncheck();
    await eventually('no dossier with an unreadable INE', async () =>
      /Aucun dossier/.test(await textOf(page.locator('#nombre'))));
    await page.getByLabel('INE illisible').uncheck();
    await item('INE-BON').waitFor(WAIT);

    await item('INE-AUTRE').locator('.open-dossier').click();
    const releve = page.locator('.review-card[data-code="releve_bac"]');
    await releve.waitFor(WAIT);
    assert.match(await textOf(releve.locator('.facts')), /Différent : lu 1234567890V, déclaré 0123456789M/);
    assert.equal(await releve.getByLabel('Motif du refus (envoyé au candidat)').inputValue(),
      'INE différent de celui déclaré');

    // Complet only once every pièce is validated: the server's sentence is shown.
    await page.getByRole('button', { name: 'Marquer complet' }).click();
    const actionError = page.locator('.dossier-head .card-error');
    await actionError.waitFor(WAIT);
    assert.ok((await textOf(actionError)).length > 10);
    assert.equal(await textOf(page.locator('.dossier-head .status-badge')), 'Réceptionné');

    // Validating the only pièce completes the dossier, and the next one of
    // the list opens; the complete one can be reopened.
    await releve.getByRole('button', { name: 'Valider', exact: true }).click();
    await page.locator('#dossier-titre').filter({ hasText: 'Dossier INE-BON' }).waitFor(WAIT);
    await item('INE-AUTRE').waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByLabel('Statut', { exact: true }).selectOption('CO');
    await item('INE-AUTRE').locator('.open-dossier').click();
    await page.locator('#dossier-titre').filter({ hasText: 'Dossier INE-AUTRE' }).waitFor(WAIT);
    assert.equal(await textOf(page.locator('.dossier-head .status-badge')), 'Complet');
    await page.getByRole('button', { name: 'Marquer incomplet' }).click();
    await eventually('dossier Incomplet', async () =>
      (await textOf(page.locator('.dossier-head .status-badge'))) === 'Incomplet');
    assert.equal(await actionError.isHidden(), true);
    await context.close();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await service.stop();
  }
});
