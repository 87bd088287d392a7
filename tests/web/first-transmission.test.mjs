// A candidate on a phone, on the last day, transmits for the first time:
// the summary and the deadline at the top, « Déposée » (not « Transmise »)
// before the transmission, a relevé whose INE could not be found accepted
// « avec réserve » in orange, the conditional pièce's sentence, the
// confirmation dialog (« Annuler » sends nothing), then the récépissé with
// the SHA-256 of each PDF sent, still there after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  eventually, launchBrowser, phone, referenceFiles, screenshot, startService, textOf,
} from './harness.mjs';

const ID = 'L1-2025-0207';
const WAIT = { timeout: 60_000 };
const TIMEZONE = 'Europe/Paris';
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
  'septembre', 'octobre', 'novembre', 'décembre'];

// Today in Paris: "YYYY-MM-DD" and « 3 décembre 2026 ».
function parisToday() {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: TIMEZONE, year: 'numeric', month: '2-digit', day: '2-digit',
  }).formatToParts(new Date()).map((p) => [p.type, p.value]));
  const day = Number(parts.day);
  return {
    iso: `${parts.year}-${parts.month}-${parts.day}`,
    words: `${day === 1 ? '1er' : day} ${MONTHS[Number(parts.month) - 1]} ${parts.year}`,
  };
}

const card = (page, code) => page.locator(`.piece-card[data-code="${code}"]`);

test('summary, deadline, réserve, confirmation and récépissé on a phone', async () => {
  const service = await startService({ workers: 2 });
  const browser = await launchBrowser();
  try {
    const today = parisToday();
    await service.createCandidature(ID,
      [['releve_bac', true], ['cv', true], ['complementaires', false]], '1234567890V',
      { dateLimite: today.iso });
    const token = service.token('candidat', ID);
    const context = await browser.newContext({ ...phone, timezoneId: TIMEZONE });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const transmits = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/transmit')) transmits.push(request);
    });
    await page.goto(`${service.baseUrl}/candidat/${ID}#token=${token}`);
    await card(page, 'cv').waitFor(WAIT);

    // The top of the page: nothing deposited yet, the last day.
    assert.equal(await textOf(page.locator('#avancement')), '0 pièce sur 3 déposée.');
    assert.equal(await textOf(page.locator('#date-limite')),
      `À transmettre au plus tard aujourd’hui, ${today.words} : c’est le dernier jour.`);
    // The conditional pièce says it must be deposited or declared « non concerné ».
    const complementaires = card(page, 'complementaires');
    assert.match(await textOf(complementaires.locator('.conditional-note')),
      /Déposez cette pièce, ou cliquez sur « Non concerné par cette pièce ».*nécessaire pour transmettre/);
    assert.equal(await textOf(complementaires.locator('.requirement')), 'si vous êtes concerné');

    // The CV, deposited: « Déposée », not « Transmise ».
    const files = referenceFiles();
    await card(page, 'cv').locator('input[type="file"]').setInputFiles(files.cv);
    await card(page, 'cv').getByRole('button', { name: 'Envoyer' }).click();
    await card(page, 'cv').locator('.result.ok').waitFor(WAIT);
    assert.equal(await textOf(card(page, 'cv').locator('.status-badge')), 'Déposée');

    // A letter given as the relevé: accepted, but no INE on it: « avec réserve », in orange.
    const releve = card(page, 'releve_bac');
    await releve.locator('input[type="file"]').setInputFiles(files.lettre_motivation);
    await releve.getByRole('button', { name: 'Envoyer' }).click();
    const reserve = releve.locator('.result.ok.reserve');
    await reserve.waitFor(WAIT);
    assert.equal(await textOf(reserve.locator('.result-title')), 'Pièce acceptée avec réserve');
    assert.match(await textOf(reserve), /aucun INE n'a été trouvé|l'INE n'a pas pu être lu/);
    const [color, background] = await reserve.evaluate((node) => [
      getComputedStyle(node.querySelector('.result-title')).color,
      getComputedStyle(node).backgroundColor,
    ]);
    assert.equal(color, 'rgb(122, 67, 0)', 'the title is orange-brown, not green');
    assert.equal(background, 'rgb(255, 242, 219)');
    assert.equal(await textOf(releve.locator('.status-badge')), 'Déposée');
    assert.match(await textOf(page.locator('#transmettre-reserve')),
      /1 pièce acceptée avec réserve \(« Relevé de notes du baccalauréat »\).*la scolarité pourra vous demander un document plus lisible.*Vous pouvez tout de même transmettre/);
    assert.equal(await textOf(page.locator('#avancement')), '2 pièces sur 3 déposées.');

    await complementaires.getByRole('button', { name: 'Non concerné par cette pièce' }).click();
    await eventually('summary counts the pièce declared non concerné', async () =>
      (await textOf(page.locator('#avancement'))) ===
        '2 pièces sur 3 déposées, 1 déclarée non concernée.');
    await screenshot(page, 'candidat-phone-avant-transmission');

    // The confirmation lists what will be sent; « Annuler » sends nothing.
    const transmit = page.getByRole('button', { name: 'Transmettre mon dossier' });
    await eventually('transmission enabled', async () => !(await transmit.isDisabled()));
    await transmit.click();
    const dialog = page.getByRole('dialog', { name: 'Transmettre votre dossier ?' });
    await dialog.waitFor(WAIT);
    const listed = (await dialog.locator('.confirm-piece').allInnerTexts())
      .map((text) => text.replace(/\s+/g, ' ').trim());
    assert.equal(listed.length, 3);
    assert.match(listed[0], /^Relevé de notes du baccalauréat \d+ pages?, acceptée avec réserve$/);
    assert.match(listed[1], /^CV \d+ pages?$/);
    assert.equal(listed[2], 'Pièces complémentaires non concerné');
    await screenshot(page, 'candidat-phone-confirmation', { fullPage: false });
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(transmits.length, 0, 'Annuler sent nothing');
    assert.equal(await textOf(page.locator('#statut')), 'En attente');

    // Confirmed: transmitted, then the récépissé.
    await transmit.click();
    await dialog.getByRole('button', { name: 'Transmettre', exact: true }).click();
    const receipt = page.locator('#recepisse');
    await receipt.waitFor(WAIT);
    assert.equal(transmits.length, 1);
    assert.equal(await textOf(page.locator('#statut')), 'Réceptionné');
    assert.equal(await textOf(card(page, 'cv').locator('.status-badge')), 'Transmise');
    assert.match(await textOf(receipt.locator('#recepisse-date')),
      new RegExp(`Dossier transmis le ${today.words} à \\d{1,2} h \\d{2}`));

    // Each pièce: its pages and the SHA-256 of the very PDF the service keeps.
    for (const code of ['releve_bac', 'cv']) {
      const line = receipt.locator(`.receipt-piece[data-code="${code}"]`);
      assert.match(await textOf(line.locator('.receipt-pages')), /^\d+ pages?$/);
      const full = await line.locator('.sha256-full').textContent();
      const pdf = await fetch(`${service.baseUrl}/api/v1/candidatures/${ID}/pieces/${code}/pdf`,
        { headers: { Authorization: `Bearer ${token}` } });
      const expected = createHash('sha256').update(Buffer.from(await pdf.arrayBuffer())).digest('hex');
      assert.equal(full, expected, `SHA-256 of ${code}`);
      assert.equal(await line.locator('.sha256-short').getAttribute('title'), expected);
      assert.ok(expected.startsWith((await line.locator('.sha256-short').textContent()).replace('…', '')));
    }
    assert.match(await textOf(receipt.locator('.receipt-piece[data-code="complementaires"]')),
      /non concerné/);
    await screenshot(page, 'candidat-phone-recepisse');

    // The récépissé's PDF downloads.
    const [download] = await Promise.all([
      page.waitForEvent('download', WAIT),
      receipt.getByRole('link', { name: 'Télécharger le récépissé (PDF)' }).click(),
    ]);
    const bytes = await readFile(await download.path());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');

    // Reloaded (no token in the address any more): the récépissé is still there.
    await page.reload();
    await receipt.waitFor(WAIT);
    assert.match(await textOf(receipt), /Dossier transmis le/);
    assert.equal(await page.locator('#date-limite').isHidden(), true, 'transmitted: no deadline');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await browser.close();
    await service.stop();
  }
});
