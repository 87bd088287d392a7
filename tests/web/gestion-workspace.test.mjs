// The gestionnaire's workspace on a desktop: 70 dossiers in a table that is
// searched (accents ignored), sorted by its headers and paged, the view kept
// in the address (reload, back button); the keyboard flow (j/k, Entrée, v,
// r, the next dossier opening by itself, ? for the help); the selection's
// bulk actions (complet / incomplet with a refusal per dossier, the ZIP of
// the dossiers, the CSV of the selection); the history of a dossier with
// the gestionnaire's login. Screenshots of the list at 1366×768 and
// 1920×1080, of a dossier with its history and of the help.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  desktop, eventually, fixtureBytes, launchBrowser, referenceFiles, screenshot, startService, textOf,
} from './harness.mjs';

const WAIT = { timeout: 60_000 };
const FORMATIONS = ['Licence Mathématiques — L1', 'Licence Psychologie — L1',
  'Master Droit des affaires — M1', 'BUT Informatique — 1re année'];
const NOMS = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand',
  'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand',
  'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Lefebvre', 'Mercier', 'Dupont',
  'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc',
  'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas', 'Perrin', 'Morin', 'Mathieu', 'Clément',
  'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin', 'Masson', 'Sanchez', 'Gérard',
  'Nguyen', 'Boyer', 'Denis', 'Lemaire', 'Duval', 'Joly', 'Gautier', 'Roger', 'Roche', 'Roy',
  'Noël'];
const PRENOMS = ['Camille', 'Léa', 'Hugo', 'Chloé', 'Lucas', 'Manon', 'Nathan', 'Inès', 'Théo',
  'Jade', 'Louis', 'Emma', 'Maël', 'Zoé', 'Noé', 'Anaïs'];
const HELENE = 37;  // the one « Hélène », dossier C-037

// A valid INE (BEA): ten digits and their key letter.
function beaIne(number) {
  const digits = String(number).padStart(10, '0');
  return digits + 'ABCDEFGHJKLMNPRSTUVWXYZ'[Number(BigInt(digits) % 23n)];
}

// The names of the entries of a ZIP, read from its central directory, and
// whether each is stored (method 0).
function zipEntries(bytes) {
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end -= 1;
  assert.ok(end >= 0, 'no end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i += 1) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50, 'central directory header');
    const method = bytes.readUInt16LE(at + 10);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    entries.push({ name: bytes.toString('utf8', at + 46, at + 46 + nameLength), method });
    at += 46 + skip;
  }
  return entries;
}

describe('the gestionnaire’s workspace', () => {
  let service;
  let browser;
  let admin;
  let gestionnaire;
  const people = {};  // id → {nom, prenom}

  async function put(id, { nom, prenom, ine, formation, pieces }) {
    const response = await service.api('PUT', `/api/v1/candidatures/${id}`, {
      token: admin,
      json: {
        nom, prenom, ine, formation, email: 'candidat@example.org',
        pieces: pieces.map((code) => ({ code, mandatory: true })),
      },
    });
    assert.ok([200, 201].includes(response.status), `PUT ${id}: ${response.text}`);
    people[id] = { nom, prenom };
  }

  async function upload(id, code, files) {
    const token = service.token('candidat', id);
    const form = new FormData();
    for (const [name, bytes] of files) form.append('file', new Blob([bytes]), name);
    const path = `/api/v1/candidatures/${id}/pieces/${code}/files`;
    const response = await fetch(service.baseUrl + path,
      { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
    assert.equal(response.status, 202, await response.text());
    await eventually(`${id}/${code} processed`, async () => {
      const { json } = await service.api('GET', `/api/v1/candidatures/${id}`, { token });
      return json.pieces.find((p) => p.code === code).processing !== 'pending';
    }, { timeout: 120_000 });
  }

  async function transmit(id) {
    const token = service.token('candidat', id);
    const response = await service.api('POST', `/api/v1/candidatures/${id}/transmit`, { token });
    assert.equal(response.status, 200, response.text);
  }

  const onDisk = (paths) => paths.map((path) => [basename(path), readFileSync(path)]);

  before(async () => {
    service = await startService({ workers: 2 });
    browser = await launchBrowser();
    admin = service.token('admin');
    gestionnaire = service.token('gestionnaire', null, { sub: 'jdupont' });
    const files = referenceFiles();
    // 64 dossiers not transmitted yet, for the search, the order and the pages.
    // Four at a time: the gate caps the connections of one address.
    for (let start = 0; start < NOMS.length; start += 4) {
      await Promise.all(NOMS.slice(start, start + 4).map((nom, j) => {
        const i = start + j;
        return put(`C-${String(i).padStart(3, '0')}`, {
          nom, prenom: i === HELENE ? 'Hélène' : PRENOMS[i % PRENOMS.length],
          ine: beaIne(4100000000 + i * 7919), formation: FORMATIONS[i % FORMATIONS.length],
          pieces: ['cv'],
        });
      }));
    }
    // Four transmitted ones, under examination. The scan carries 1234567890V:
    // Anne Aubert declared another INE.
    const both = ['cv', 'releve_bac'];
    await put('R-AUBERT', { nom: 'Aubert', prenom: 'Anne', ine: beaIne(5550001234),
      formation: FORMATIONS[0], pieces: both });
    await put('R-BERTIN', { nom: 'Bertin', prenom: 'Bruno', ine: '1234567890V',
      formation: FORMATIONS[0], pieces: both });
    await put('R-CARON', { nom: 'Caron', prenom: 'Clara', ine: beaIne(5550005678),
      formation: FORMATIONS[2], pieces: ['cv'] });
    await put('R-DUFOUR', { nom: 'Dufour', prenom: 'Denis', ine: beaIne(5550009012),
      formation: FORMATIONS[3], pieces: ['cv'] });
    // Two not transmitted, which the pre-check flagged.
    await put('S-PERROT', { nom: 'Perrot', prenom: 'Éloïse', ine: beaIne(5550003456),
      formation: FORMATIONS[1], pieces: ['cv'] });
    await put('S-VIDAL', { nom: 'Vidal', prenom: 'Maxime', ine: beaIne(5550007890),
      formation: FORMATIONS[3], pieces: ['cv'] });
    await Promise.all([
      upload('R-AUBERT', 'cv', onDisk(files.cv)), upload('R-BERTIN', 'cv', onDisk(files.cv)),
      upload('R-CARON', 'cv', onDisk(files.cv)), upload('R-DUFOUR', 'cv', onDisk(files.cv)),
      upload('S-PERROT', 'cv', [['cv-signe.pdf', fixtureBytes('active-content')]]),
      upload('S-VIDAL', 'cv', [['cv.pdf', fixtureBytes('encrypted-user-pw')]]),
    ]);
    await upload('R-AUBERT', 'releve_bac', onDisk(files.releve_bac));
    await upload('R-BERTIN', 'releve_bac', onDisk(files.releve_bac));
    for (const id of ['R-AUBERT', 'R-BERTIN', 'R-CARON', 'R-DUFOUR']) await transmit(id);
  });

  after(async () => {
    await browser?.close();
    await service?.stop();
  });

  async function openPage(search = '', viewport = desktop.viewport) {
    const context = await browser.newContext({ ...desktop, viewport, acceptDownloads: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${service.baseUrl}/gestion/${search}#token=${gestionnaire}`);
    await page.locator('#nombre').filter({ hasText: /dossier/ }).waitFor(WAIT);
    return { context, page, errors };
  }

  const ids = (page) => page.$$eval('#liste tbody tr', (rows) => rows.map((r) => r.dataset.id));
  const noms = (page) =>
    page.$$eval('#liste tbody .open-dossier', (b) => b.map((n) => n.textContent));
  const row = (page, id) => page.locator(`#liste tbody tr[data-id="${id}"]`);
  const query = (page) => new URL(page.url()).searchParams;

  it('searches without accents, sorts by header, pages, and keeps the view in the address',
    async () => {
      const { context, page, errors } = await openPage();
      // « À examiner » by default: the four transmitted dossiers.
      assert.deepEqual((await ids(page)).sort(), ['R-AUBERT', 'R-BERTIN', 'R-CARON', 'R-DUFOUR']);
      assert.equal(await textOf(page.locator('#nombre')), '4 dossiers');
      assert.match(await textOf(row(page, 'R-AUBERT').locator('.col-flags')), /INE différent/);
      assert.equal(await textOf(row(page, 'R-AUBERT').locator('.col-pieces')), '2 à vérifier / 2');

      await page.getByLabel('Statut', { exact: true }).selectOption('');
      await eventually('70 dossiers', async () =>
        (await textOf(page.locator('#nombre'))) === '70 dossiers');
      assert.equal(await textOf(page.locator('#plage')), '1–50 sur 70');
      assert.equal((await ids(page)).length, 50);
      assert.equal(query(page).get('status'), '');
      const firstPage = await ids(page);

      await page.getByRole('button', { name: 'Suivant' }).click();
      await eventually('second page', async () =>
        (await textOf(page.locator('#plage'))) === '51–70 sur 70');
      const secondPage = await ids(page);
      assert.equal(secondPage.length, 20);
      assert.equal(secondPage.filter((id) => firstPage.includes(id)).length, 0);
      assert.equal(query(page).get('page'), '2');
      assert.equal(await page.getByRole('button', { name: 'Suivant' }).isDisabled(), true);

      // Sorting by Nom (page 1 again), then the other way round.
      const nomHeader = page.locator('th.col-nom');
      assert.equal(await page.locator('th.col-date').getAttribute('aria-sort'), 'ascending');
      await nomHeader.getByRole('button').click();
      await eventually('sorted by nom', async () => query(page).get('sort') === 'nom' &&
        (await textOf(page.locator('#plage'))) === '1–50 sur 70');
      assert.equal(await nomHeader.getAttribute('aria-sort'), 'ascending');
      const collate = (a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base' });
      const ascending = await noms(page);
      assert.deepEqual(ascending, [...ascending].sort(collate));
      assert.equal(ascending[0], 'André');
      await nomHeader.getByRole('button').click();
      await eventually('sorted by -nom', async () => query(page).get('sort') === '-nom' &&
        (await noms(page))[0] === 'Vincent');
      assert.equal(await nomHeader.getAttribute('aria-sort'), 'descending');
      const descending = await noms(page);
      assert.deepEqual(descending, [...descending].sort((a, b) => collate(b, a)));

      // Searching: « helene » finds Hélène, typed as a person types it: one
      // request once the typing pauses, not one per letter.
      const searches = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname === '/api/v1/candidatures' && url.searchParams.has('q'))
          searches.push(url.searchParams.get('q'));
      });
      await page.getByLabel('Nom, prénom, INE ou numéro de dossier').pressSequentially('helene',
        { delay: 40 });
      await eventually('Hélène found', async () =>
        JSON.stringify(await ids(page)) === JSON.stringify(['C-037']));
      assert.deepEqual(searches, ['helene']);
      assert.equal(await textOf(row(page, 'C-037').locator('.col-prenom')), 'Hélène');
      assert.equal(query(page).get('q'), 'helene');
      assert.equal(await textOf(page.locator('#nombre')), '1 dossier');

      // A reload keeps the view; the back button brings the one before the search.
      await page.reload();
      await eventually('the same view after a reload', async () =>
        JSON.stringify(await ids(page)) === JSON.stringify(['C-037']));
      assert.equal(await page.getByLabel('Nom, prénom, INE ou numéro de dossier').inputValue(),
        'helene');
      assert.equal(await page.getByLabel('Statut', { exact: true }).inputValue(), '');
      await page.goBack();
      await eventually('the view before the search', async () => (await ids(page)).length === 50 &&
        (await noms(page))[0] === 'Vincent');
      assert.equal(await page.getByLabel('Nom, prénom, INE ou numéro de dossier').inputValue(), '');
      assert.equal(await nomHeader.getAttribute('aria-sort'), 'descending');

      // A formation; several flags are « any of them ».
      await page.getByLabel('Formation').selectOption('Master Droit des affaires — M1');
      await eventually('one formation', async () =>
        (await textOf(page.locator('#nombre'))) === '17 dossiers');
      assert.equal(query(page).get('formation'), 'Master Droit des affaires — M1');
      const formations = await page.$$eval('#liste tbody .col-formation', (c) =>
        [...new Set(c.map((n) => n.textContent))]);
      assert.deepEqual(formations, ['Master Droit des affaires — M1']);
      assert.deepEqual(await page.$$eval('#filtre-formation option', (o) => o.map((n) => n.value)),
        ['', ...[...FORMATIONS].sort((a, b) => (a < b ? -1 : 1))]);
      await page.getByLabel('Formation').selectOption('');
      await page.getByLabel('INE différent').check();
      await page.getByLabel('PDF avec contenu actif').check();
      await eventually('flagged ones', async () =>
        JSON.stringify((await ids(page)).sort()) === JSON.stringify(['R-AUBERT', 'S-PERROT']));
      assert.deepEqual(query(page).getAll('flag'), ['ine_different', 'contenu_actif']);
      await page.getByLabel('INE différent').uncheck();
      await page.getByLabel('PDF avec contenu actif').uncheck();

      // Upper case, accents or not, the INE and the number.
      const search = page.getByLabel('Nom, prénom, INE ou numéro de dossier');
      await search.fill('LEFEVRE');
      await eventually('Lefèvre found', async () =>
        JSON.stringify(await noms(page)) === JSON.stringify(['Lefèvre']));
      await search.fill(beaIne(4100000000 + 5 * 7919).slice(0, 8));
      await eventually('found by INE', async () =>
        JSON.stringify(await ids(page)) === JSON.stringify(['C-005']));
      await search.fill('r-dufour');
      await eventually('found by number', async () =>
        JSON.stringify(await ids(page)) === JSON.stringify(['R-DUFOUR']));
      await context.close();
      assert.deepEqual(errors, []);
    });

  it('goes through the dossiers by keyboard: j/k, Entrée, v, r, the next one opens, ?',
    async () => {
      const { context, page, errors } = await openPage('?sort=nom');
      assert.deepEqual(await ids(page), ['R-AUBERT', 'R-BERTIN', 'R-CARON', 'R-DUFOUR']);
      const cursor = () => page.$eval('#liste tbody tr.cursor', (r) => r.dataset.id);
      await page.keyboard.press('j');
      assert.equal(await cursor(), 'R-AUBERT');
      await page.keyboard.press('j');
      assert.equal(await cursor(), 'R-BERTIN');
      await page.keyboard.press('k');
      assert.equal(await cursor(), 'R-AUBERT');
      await page.keyboard.press('ArrowDown');
      assert.equal(await cursor(), 'R-BERTIN');
      await page.keyboard.press('ArrowUp');
      assert.equal(await cursor(), 'R-AUBERT');

      // x selects the row under the cursor.
      await page.keyboard.press('x');
      assert.equal(await row(page, 'R-AUBERT').locator('.select-box').isChecked(), true);
      assert.equal(await textOf(page.locator('.bulk-count')), '1 dossier sélectionné');
      await page.keyboard.press('x');
      assert.equal(await page.locator('.bulk-bar').isHidden(), true);

      await page.keyboard.press('Enter');
      const heading = page.locator('#dossier-titre');
      await heading.filter({ hasText: 'Aubert Anne' }).waitFor(WAIT);
      assert.equal(await row(page, 'R-AUBERT').getAttribute('aria-current'), 'true');
      // The flagged pièce (INE différent) comes first.
      const codes = await page.$$eval('.review-card', (cards) => cards.map((c) => c.dataset.code));
      assert.deepEqual(codes, ['releve_bac', 'cv']);

      // v validates the CV, which the pre-check found nothing against.
      await page.keyboard.press('v');
      const cv = page.locator('.review-card[data-code="cv"]');
      const releve = page.locator('.review-card[data-code="releve_bac"]');
      await eventually('CV validée', async () =>
        (await textOf(cv.locator('.piece-tags .status-badge'))) === 'Validée');
      assert.equal(await textOf(releve.locator('.piece-tags .status-badge')), 'Transmise');
      await eventually('announced', async () =>
        /1 pièce conforme validée : « .+ »\. 1 pièce reste à examiner/.test(
          await textOf(page.locator('#annonces'))));

      // o opens the PDF of the current pièce (the relevé).
      await page.keyboard.press('o');
      await page.locator('dialog.pdf-viewer[open]').waitFor(WAIT);
      assert.match(await textOf(page.locator('#pdf-viewer-title')), /dossier R-AUBERT/);
      await page.keyboard.press('Escape');
      await page.locator('dialog.pdf-viewer[open]').waitFor({ state: 'detached', timeout: 5000 });

      // r: the prefilled comment, focused; Entrée sends the refusal.
      await page.keyboard.press('r');
      const comment = releve.locator('.refusal-comment-input');
      assert.equal(await comment.evaluate((node) => node === document.activeElement), true);
      assert.equal(await comment.inputValue(), 'INE différent de celui déclaré');
      assert.equal(await releve.locator('.confirm-hint').isVisible(), true);
      await page.keyboard.press('Enter');
      // Nothing left to examine: the next dossier of the list opens.
      await heading.filter({ hasText: 'Bertin Bruno' }).waitFor(WAIT);
      const aubert = await service.api('GET', '/api/v1/candidatures/R-AUBERT', { token: admin });
      const refused = aubert.json.pieces.find((p) => p.code === 'releve_bac');
      assert.equal(refused.status, 'RE');
      assert.equal(refused.comment, 'INE différent de celui déclaré');

      // Bruno Bertin's pièces are both conformes: v validates them, the dossier
      // is complete and the next one opens.
      await page.locator('.validate-conformes').waitFor(WAIT);
      await page.keyboard.press('v');
      await heading.filter({ hasText: 'Caron Clara' }).waitFor(WAIT);
      const bertin = await service.api('GET', '/api/v1/candidatures/R-BERTIN', { token: admin });
      assert.equal(bertin.json.status, 'CO');

      // ? shows the help, Échap closes it.
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Raccourcis clavier' });
      await help.waitFor(WAIT);
      assert.match(await textOf(help), /Valider les pièces conformes/);
      await screenshot(page, 'gestion-aide-clavier', { fullPage: false });
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'hidden', timeout: 5000 });
      assert.equal(await page.locator('#dossier').isVisible(), true, 'Échap closed the help only');
      // Échap again closes the dossier; the keyboard is back on its row.
      await page.keyboard.press('Escape');
      await page.locator('#dossier').waitFor({ state: 'hidden', timeout: 5000 });
      assert.equal(await page.evaluate(() =>
        document.activeElement?.closest('tr')?.dataset.id), 'R-CARON');

      // / goes to the search, where letters are letters.
      await page.keyboard.press('/');
      await page.keyboard.type('jv');
      const search = page.getByLabel('Nom, prénom, INE ou numéro de dossier');
      assert.equal(await search.inputValue(), 'jv');
      await context.close();
      assert.deepEqual(errors, []);
    });

  // Selects dossiers by searching each: the selection stays across searches.
  async function select(page, names) {
    const search = page.getByLabel('Nom, prénom, INE ou numéro de dossier');
    for (const [id, nom] of names) {
      await search.fill(nom);
      await row(page, id).waitFor(WAIT);
      await row(page, id).locator('.select-box').check();
    }
    await search.fill('');
  }

  it('marks several dossiers, each refusal said in French', async () => {
    const { context, page, errors } = await openPage('?status=');
    await select(page, [['R-CARON', 'Caron'], ['R-DUFOUR', 'Dufour'], ['C-000', 'Martin']]);
    assert.equal(await textOf(page.locator('.bulk-count')), '3 dossiers sélectionnés');
    await page.locator('.bulk-bar').getByRole('button', { name: 'Marquer incomplet' }).click();
    const result = page.locator('.bulk-result');
    await result.locator('.bulk-summary').waitFor(WAIT);
    assert.equal(await textOf(result.locator('.bulk-summary')),
      '2 dossiers marqués incomplets. 1 dossier n’a pas pu être modifié :');
    const failure = result.locator('.bulk-failures li');
    assert.equal(await failure.count(), 1);
    assert.equal(await failure.getAttribute('data-id'), 'C-000');
    assert.match(await textOf(failure), /^Martin Camille \(C-000\) : .{10,}/);
    for (const id of ['R-CARON', 'R-DUFOUR']) {
      const { json } = await service.api('GET', `/api/v1/candidatures/${id}`, { token: admin });
      assert.equal(json.status, 'IN', id);
    }
    // The one that failed stays selected.
    assert.equal(await textOf(page.locator('.bulk-count')), '1 dossier sélectionné');

    // Complet: Bruno Bertin's is already; Clara Caron's CV is not validated.
    await page.locator('.bulk-bar').getByRole('button', { name: 'Désélectionner' }).click();
    await select(page, [['R-BERTIN', 'Bertin'], ['R-CARON', 'Caron']]);
    await page.locator('.bulk-bar').getByRole('button', { name: 'Marquer complet' }).click();
    await eventually('complet said', async () => /marqué complet/.test(
      await textOf(result.locator('.bulk-summary'))));
    assert.equal(await textOf(result.locator('.bulk-summary')),
      '1 dossier marqué complet. 1 dossier n’a pas pu être modifié :');
    assert.equal(await result.locator('.bulk-failures li').getAttribute('data-id'), 'R-CARON');
    assert.match(await textOf(result.locator('.bulk-failures li')),
      /Caron Clara \(R-CARON\) : .*CV/i);
    await context.close();
    assert.deepEqual(errors, []);
  });

  it('downloads the selection as a ZIP of dossiers and as CSV', async () => {
    const { context, page, errors } = await openPage('?status=');
    await select(page, [['R-BERTIN', 'Bertin'], ['R-CARON', 'Caron']]);
    const bar = page.locator('.bulk-bar');
    const [zip] = await Promise.all([page.waitForEvent('download', WAIT),
      bar.getByRole('button', { name: 'Télécharger (ZIP)' }).click()]);
    assert.match(zip.suggestedFilename(), /^dossiers-\d{4}-\d{2}-\d{2}\.zip$/);
    const entries = zipEntries(readFileSync(await zip.path()));
    assert.deepEqual(entries.map((e) => e.name).sort(), ['R-BERTIN.pdf', 'R-CARON.pdf']);
    assert.ok(entries.every((entry) => entry.method === 0), 'stored entries');
    const zipBytes = readFileSync(await zip.path());
    const pdf = await fetch(`${service.baseUrl}/api/v1/candidatures/R-CARON/dossier.pdf`,
      { headers: { Authorization: `Bearer ${admin}` } });
    const pdfBytes = Buffer.from(await pdf.arrayBuffer());
    assert.ok(zipBytes.includes(pdfBytes), 'the entry holds the dossier PDF');

    const [csv] = await Promise.all([page.waitForEvent('download', WAIT),
      bar.getByRole('button', { name: 'Exporter (CSV)' }).click()]);
    assert.match(csv.suggestedFilename(), /^candidatures-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync(await csv.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    assert.match(lines[0], /^id;nom;prénom;INE;formation;statut(;|$)/);
    assert.deepEqual(lines.slice(1).map((line) => line.split(';')[0]).sort(),
      ['R-BERTIN', 'R-CARON']);
    assert.match(lines.find((line) => line.startsWith('R-BERTIN')),
      /^R-BERTIN;Bertin;Bruno;1234567890V;/);

    // The whole list as filtered: the search narrows it.
    await page.getByLabel('Nom, prénom, INE ou numéro de dossier').fill('dufour');
    await eventually('Dufour alone', async () =>
      JSON.stringify(await ids(page)) === JSON.stringify(['R-DUFOUR']));
    const [list] = await Promise.all([page.waitForEvent('download', WAIT),
      page.getByRole('button', { name: 'Exporter la liste (CSV)' }).click()]);
    const listLines =
      readFileSync(await list.path()).toString('utf8').split('\r\n').filter(Boolean);
    assert.equal(listLines.length, 2);
    assert.match(listLines[1], /^R-DUFOUR;Dufour;Denis;/);
    await context.close();
    assert.deepEqual(errors, []);
  });

  it('shows the history of a dossier, the gestionnaire’s login on the decisions', async () => {
    const { context, page, errors } =
      await openPage('?status=&sort=nom', { width: 1920, height: 1080 });
    await row(page, 'R-AUBERT').locator('.open-dossier').click();
    const history = page.locator('.history');
    await history.locator('tbody tr').first().waitFor(WAIT);
    const entries = await history.locator('tbody tr').evaluateAll((rows) => rows.map((r) =>
      Array.from(r.cells).map((cell) => cell.textContent.replace(/\s+/g, ' ').trim())));
    const kinds = entries.map((cells) => cells[2]);
    for (const kind of ['Création', 'Dépôt', 'Contrôle automatique', 'Transmission', 'Décision'])
      assert.ok(kinds.includes(kind), `${kind} in ${kinds}`);
    const refusal = entries.find((cells) => cells[2] === 'Décision' && /Refusée/.test(cells[4]));
    assert.ok(refusal, JSON.stringify(entries));
    assert.equal(refusal[1], 'jdupont');
    assert.equal(refusal[4], 'Transmise → Refusée');
    assert.equal(refusal[5], 'INE différent de celui déclaré');
    assert.match(refusal[0], /^\d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}$/);
    assert.ok(entries.some((cells) => cells[2] === 'Dépôt' && cells[1] === 'Candidat'));
    // The dossier scrolls beside the list: its history brought into view there.
    await page.$eval('#dossier', (dossier) => {
      dossier.scrollTop = dossier.querySelector('.history').offsetTop - 420;
    });
    await screenshot(page, 'gestion-dossier-historique', { fullPage: false });
    await context.close();
    assert.deepEqual(errors, []);
  });

  for (const [width, height] of [[1366, 768], [1920, 1080]]) {
    it(`shows the list at ${width}×${height}`, async () => {
      const { context, page, errors } = await openPage('?status=&sort=-updated', { width, height });
      await row(page, 'S-PERROT').waitFor(WAIT);
      for (const id of ['R-AUBERT', 'S-PERROT', 'S-VIDAL'])
        await row(page, id).locator('.select-box').check();
      assert.equal(await textOf(page.locator('.bulk-count')), '3 dossiers sélectionnés');
      // The table fits the screen's width: no sideways scrolling.
      const overflow =
        await page.$eval('.table-scroll', (node) => node.scrollWidth - node.clientWidth);
      assert.ok(overflow <= 0, `the table overflows by ${overflow}px`);
      await screenshot(page, `gestion-liste-${width}`, { fullPage: false });
      await context.close();
      assert.deepEqual(errors, []);
    });
  }
});
