// The acceptance scenario, through the pages the binary serves: a candidate
// sends phone photos and a 600-dpi scan, watches the upload and the result,
// answers « Non concerné » and transmits; a gestionnaire refuses a pièce;
// the candidate replaces it and transmits again. Screenshots of both pages
// at desktop and phone widths go to docs/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  desktop, launchBrowser, phone, referenceFiles, screenshot, startService, textOf,
} from './harness.mjs';

const ID = 'L1-2025-0042';
const WAIT = { timeout: 60_000 };

// Polls `probe` until it returns a truthy value (then returns it), or fails
// with `what` after the timeout: conditions, never fixed sleeps.
async function eventually(what, probe, { timeout = 60_000, every = 100 } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) assert.fail(`${what} (last: ${last})`);
    await new Promise((resolve) => { setTimeout(resolve, every); });
  }
}

// Script errors and CSP refusals (reported on the console) fail the test.
function watchErrors(page, errors) {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text()))
      errors.push(`console: ${message.text()}`);
  });
}

async function openPage(browser, options, url, errors) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  watchErrors(page, errors);
  await page.goto(url);
  return { context, page };
}

const card = (page, code) => page.locator(`.piece-card[data-code="${code}"]`);

// The <img> of a thumbnail has really loaded an image.
async function thumbnailLoaded(scope) {
  const image = scope.locator('img.thumbnail');
  await image.waitFor(WAIT);
  return eventually('thumbnail loaded', () => image.evaluate((img) => img.complete && img.naturalWidth > 0));
}

async function assertNoHorizontalOverflow(page) {
  const [scrollWidth, innerWidth] = await page.evaluate(
    () => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scrollWidth <= innerWidth, `page is ${scrollWidth} px wide in a ${innerWidth} px window`);
}

// Presses Tab until the focused element matches `selector`; fails after `max`.
async function tabTo(page, selector, max = 60) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

// Records every value/max the <progress> of a card takes.
async function recordProgress(page, code) {
  await page.evaluate((pieceCode) => {
    const progress = document.querySelector(`.piece-card[data-code="${pieceCode}"] progress`);
    window.progressSamples = [];
    const sample = () => window.progressSamples.push(
      { value: Number(progress.getAttribute('value')), max: Number(progress.getAttribute('max')) });
    new MutationObserver(sample).observe(progress, { attributes: true, attributeFilter: ['value', 'max'] });
  }, code);
}

// « Transmettre mon dossier », then « Transmettre » in the confirmation.
async function transmitAndConfirm(page, transmit) {
  await transmit.click();
  const dialog = page.getByRole('dialog', { name: 'Transmettre votre dossier ?' });
  await dialog.getByRole('button', { name: 'Transmettre', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function candidateStatus(page) {
  return textOf(page.locator('#statut'));
}

test('candidate sends, gestionnaire refuses, candidate replaces and transmits again', async () => {
  const service = await startService({ workers: 2 });
  const browser = await launchBrowser();
  const errors = [];
  try {
    await service.createCandidature(ID,
      [['releve_bac', true], ['bulletins', true], ['complementaires', false]]);
    const files = referenceFiles();
    const candidateUrl = () => `${service.baseUrl}/candidat/${ID}#token=${service.token('candidat', ID)}`;

    // 1. The page takes the token out of the address bar and shows the dossier.
    const { context, page } = await openPage(browser, desktop, candidateUrl(), errors);
    await card(page, 'bulletins').waitFor(WAIT);
    assert.equal(new URL(page.url()).hash, '', 'the token left the address bar');
    assert.equal(await candidateStatus(page), 'En attente');
    const transmit = page.getByRole('button', { name: 'Transmettre mon dossier' });
    assert.equal(await transmit.isDisabled(), true, 'nothing sent yet: transmission disabled');
    assert.match(await textOf(page.locator('#transmettre-raison')), /Pièces à déposer/);
    assert.match(await textOf(card(page, 'bulletins').locator('.limits')),
      /PDF ou image \(JPEG, PNG.*\d+ Mo par fichier. Le PDF obtenu est réduit par le service à 2 Mo maximum/);

    // The keyboard reaches the file chooser of a card.
    await page.evaluate(() => document.activeElement?.blur());
    await tabTo(page, '.piece-card[data-code="bulletins"] input[type="file"]');

    // 2a. The three phone photos for « Bulletins de notes », listed, reordered.
    const bulletins = card(page, 'bulletins');
    await bulletins.locator('input[type="file"]').setInputFiles(files.bulletins);
    const names = () => bulletins.locator('.chosen-name').allInnerTexts();
    // The page reads each file's first bytes before listing it.
    await eventually('the three photos listed', async () => (await names()).length === 3);
    assert.match(await textOf(bulletins.locator('.chosen-files')), /1,7 Mo/);
    const [first, second, third] = files.bulletins.map((path) => path.split('/').pop());
    await bulletins.getByRole('button', { name: `Descendre « ${first} »` }).click();
    assert.deepEqual(await names(), [second, first, third]);
    // The focus follows the moved file: Monter puts it back.
    assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('down')));
    await bulletins.getByRole('button', { name: `Monter « ${first} »` }).click();
    assert.deepEqual(await names(), [first, second, third]);
    // The keyboard reaches « Envoyer » from the chooser.
    await bulletins.locator('input[type="file"]').focus();
    await tabTo(page, '.piece-card[data-code="bulletins"] button.send');
    await page.keyboard.press('Enter');
    await bulletins.locator('.result.ok').waitFor(WAIT);
    const bulletinsResult = await textOf(bulletins.locator('.result.ok'));
    assert.match(bulletinsResult, /3 fichiers fusionnés/);
    assert.match(bulletinsResult, /3 pages/);
    assert.match(bulletinsResult, /compressée? de \d+(,\d)? Mo à \d+(,\d)? (ko|Mo)/);
    await thumbnailLoaded(bulletins);

    // 2b. The 600-dpi scan over a throttled upload: the bar moves, then ends full.
    const releve = card(page, 'releve_bac');
    await releve.locator('input[type="file"]').setInputFiles(files.releve_bac);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions',
      { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 2_000_000 });
    await recordProgress(page, 'releve_bac');
    await releve.getByRole('button', { name: 'Envoyer' }).click();
    await eventually('progress text while sending',
      async () => /Mo sur 9,8 Mo envoyés/.test(await textOf(releve.locator('.progress-text'))));
    await releve.locator('.upload-ack').waitFor(WAIT);
    await cdp.send('Network.emulateNetworkConditions',
      { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const samples = await page.evaluate(() => window.progressSamples);
    assert.ok(samples.some((s) => s.value > 0 && s.value < s.max),
      `an intermediate value was shown: ${JSON.stringify(samples.slice(0, 20))}`);
    const last = samples[samples.length - 1];
    assert.ok(last.max > 9_000_000 && last.value === last.max, `ends at 100 %: ${JSON.stringify(last)}`);

    // The result: accepted, compressed, INE checked, a first-page preview.
    await releve.locator('.result.ok').waitFor(WAIT);
    const releveResult = await textOf(releve.locator('.result.ok'));
    assert.match(releveResult, /compressée? de 9,8 Mo à/);
    assert.match(releveResult, /INE vérifié : 1234567890V/);
    assert.equal(await releve.locator('.ine-conforme').count(), 1);
    await thumbnailLoaded(releve);
    // Deposited, not yet transmitted with the dossier.
    assert.equal(await textOf(releve.locator('.status-badge')), 'Déposée');

    // « Voir le PDF » opens the merged PDF from a blob: URL.
    await bulletins.getByRole('button', { name: 'Voir le PDF' }).click();
    const viewer = page.locator('dialog.pdf-viewer');
    await viewer.waitFor(WAIT);
    assert.match(await viewer.locator('iframe').getAttribute('src'), /^blob:/);
    await viewer.getByRole('button', { name: 'Fermer' }).click();
    await viewer.waitFor({ state: 'hidden' });

    // 2c. Still one pièce to answer: transmission disabled, the reason named.
    assert.equal(await transmit.isDisabled(), true);
    assert.match(await textOf(page.locator('#transmettre-raison')), /Pièces complémentaires/);
    await card(page, 'complementaires').getByRole('button', { name: 'Non concerné par cette pièce' }).click();
    await eventually('complementaires Non concerné', async () =>
      (await textOf(card(page, 'complementaires').locator('.status-badge'))) === 'Non concerné');
    await eventually('transmission enabled', async () => !(await transmit.isDisabled()));
    await transmitAndConfirm(page, transmit);
    await eventually('status Réceptionné', async () => (await candidateStatus(page)) === 'Réceptionné');
    assert.equal(await textOf(releve.locator('.status-badge')), 'Transmise');
    assert.equal(await transmit.isDisabled(), true, 'transmitted: nothing more to transmit');

    // « Télécharger mon dossier »: the whole dossier, fetched with the token.
    const [download] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.getByRole('button', { name: 'Télécharger mon dossier' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `${ID}-dossier.pdf`);
    const pdf = await readFile(await download.path());
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    await screenshot(page, 'candidat-desktop');

    // Phone width: one column, nothing wider than the screen.
    const onPhone = await openPage(browser, phone, candidateUrl(), errors);
    await card(onPhone.page, 'bulletins').locator('.result.ok').waitFor(WAIT);
    await thumbnailLoaded(card(onPhone.page, 'bulletins'));
    await thumbnailLoaded(card(onPhone.page, 'releve_bac'));
    await assertNoHorizontalOverflow(onPhone.page);
    await screenshot(onPhone.page, 'candidat-phone');
    await onPhone.context.close();

    // 3. The gestionnaire finds the dossier among those to examine and refuses « Bulletins ».
    const gestionUrl = () => `${service.baseUrl}/gestion/#token=${service.token('gestionnaire')}`;
    const gestion = await openPage(browser, desktop, gestionUrl(), errors);
    const gpage = gestion.page;
    assert.equal(await gpage.locator('#filtre-statut').inputValue(), 'RE', 'À examiner by default');
    const item = gpage.locator(`.worklist-item[data-id="${ID}"]`);
    await item.waitFor(WAIT);
    assert.match(await textOf(item), /Réceptionné/);
    await item.click();
    await gpage.getByRole('heading', { name: `Dossier ${ID}` }).waitFor(WAIT);
    assert.equal(await gpage.evaluate(() => document.activeElement?.id), 'dossier-titre',
      'the focus moves to the opened dossier');
    const review = (code) => gpage.locator(`.review-card[data-code="${code}"]`);
    await thumbnailLoaded(review('releve_bac'));
    await thumbnailLoaded(review('bulletins'));
    const releveFacts = await textOf(review('releve_bac').locator('.facts'));
    assert.match(releveFacts, /9,8 Mo → \d+ ko/);
    assert.match(releveFacts, /Conforme : 1234567890V/);
    assert.match(await textOf(review('bulletins').locator('.facts')), /3 pages/);

    // A refusal needs a reason.
    const reason = review('bulletins').getByLabel('Motif du refus (envoyé au candidat)');
    await reason.fill('');
    await review('bulletins').getByRole('button', { name: 'Refuser' }).click();
    assert.match(await textOf(review('bulletins').locator('.card-error')), /Indiquez le motif du refus/);
    const comment = 'Bulletins illisibles : photographiez chaque page à plat, sans reflet.';
    await reason.fill(comment);
    assert.equal(await review('bulletins').locator('.card-error').isHidden(), true,
      'typing a reason clears the error');
    await screenshot(gpage, 'gestion-desktop');
    await review('bulletins').getByRole('button', { name: 'Refuser' }).click();
    await eventually('dossier Incomplet', async () =>
      (await textOf(gpage.locator('.dossier-head .status-badge'))) === 'Incomplet');
    await eventually('pièce Refusée', async () =>
      (await textOf(review('bulletins').locator('.status-badge'))) === 'Refusée');
    // Incomplet now: the dossier left the list « À examiner ».
    await item.waitFor({ state: 'detached', timeout: 10_000 });

    const gphone = await openPage(browser, phone, gestionUrl(), errors);
    await gphone.page.locator('#filtre-statut').selectOption('IN');
    await gphone.page.locator(`.worklist-item[data-id="${ID}"]`).click();
    await thumbnailLoaded(gphone.page.locator('.review-card[data-code="bulletins"]'));
    await assertNoHorizontalOverflow(gphone.page);
    await screenshot(gphone.page, 'gestion-phone');
    await gphone.context.close();
    await gestion.context.close();

    // 4. The candidate sees the refusal and its reason, replaces the pièce, transmits again.
    await page.reload();
    await bulletins.locator('.refusal').waitFor(WAIT);
    assert.equal(await candidateStatus(page), 'Incomplet');
    assert.equal(await textOf(bulletins.locator('.status-badge')), 'Refusée');
    assert.equal(await textOf(bulletins.locator('.refusal-comment')), comment);
    assert.equal(await transmit.isDisabled(), true);
    assert.match(await textOf(page.locator('#transmettre-raison')),
      /Pièce refusée à remplacer : « Bulletins de notes »/);
    await screenshot(page, 'candidat-refusee-desktop');

    await bulletins.locator('input[type="file"]').setInputFiles([...files.bulletins].reverse());
    await bulletins.getByRole('button', { name: 'Envoyer' }).click();
    await eventually('new version processed and Déposée', async () =>
      (await bulletins.locator('.result.ok').count()) === 1 &&
      (await textOf(bulletins.locator('.status-badge'))) === 'Déposée');
    assert.equal(await bulletins.locator('.refusal').isHidden(), true);
    await thumbnailLoaded(bulletins);
    await eventually('transmission enabled again', async () => !(await transmit.isDisabled()));
    await transmitAndConfirm(page, transmit);
    await eventually('status Réceptionné again', async () => (await candidateStatus(page)) === 'Réceptionné');
    await context.close();

    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await service.stop();
  }
});
