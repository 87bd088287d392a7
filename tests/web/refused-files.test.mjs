// Files the door would refuse, on a phone: the page refuses an oversize file
// and a Word or ZIP file before sending a byte (no request at all); a file
// the server refuses leaves the list with the server's sentence, and the
// next file chosen is sent alone; a proxy's bare 413 gets its own sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import {
  eventually, launchBrowser, phone, referenceFiles, screenshot, startService, textOf,
} from './harness.mjs';

const ID = 'L1-2025-0131';
const WAIT = { timeout: 60_000 };

// A well-formed PDF of about `bytes` bytes (a comment pads it).
function paddedPdf(bytes) {
  const head = '%PDF-1.4\n%';
  const tail = '\n%%EOF\n';
  return Buffer.from(head + 'x'.repeat(bytes - head.length - tail.length) + tail);
}

// The start of a .docx: a ZIP whose first entry is word/document.xml.
const DOCX = Buffer.concat([
  Buffer.from('504b0304140006000800000021', 'hex'), Buffer.from('word/document.xml<w:document/>'),
]);
const ZIP = Buffer.concat([
  Buffer.from('504b0304140000000800000021', 'hex'), Buffer.from('scans/page1.jpg'),
]);
// A JPEG cut before its end marker: the page cannot tell, the server can.
const CUT_JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(2000, 7)]);

// Every upload the page sends, as the names of the files in its form.
// Recorded where the page hands the form to XMLHttpRequest: the browser's
// network events do not carry a multipart body built from File objects.
async function watchUploads(page) {
  await page.addInitScript(() => {
    window.uploadsSent = [];
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function sendAndRecord(body) {
      if (body instanceof FormData) window.uploadsSent.push(body.getAll('file').map((f) => f.name));
      return send.call(this, body);
    };
  });
  return () => page.evaluate(() => window.uploadsSent);
}

test('refused files leave the list; the page refuses oversize and Word/ZIP files itself',
  async () => {
    const service = await startService({ workers: 1, args: ['--max-file-mb', '1', '--max-request-mb', '1'] });
    const browser = await launchBrowser();
    try {
      await service.createCandidature(ID, [['cv', true], ['lettre_motivation', true]]);
      const context = await browser.newContext(phone);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const uploads = await watchUploads(page);
      await page.goto(`${service.baseUrl}/candidat/${ID}#token=${service.token('candidat', ID)}`);
      const card = page.locator('.piece-card[data-code="cv"]');
      await card.waitFor(WAIT);
      const input = card.locator('input[type="file"]');
      const chosen = () => card.locator('.chosen-name').allInnerTexts();
      const refused = card.locator('.refused-files');

      // The cap and the formats, in words, on the card.
      const limits = await textOf(card.locator('.limits'));
      assert.match(limits, /1 Mo par fichier/);
      assert.match(limits, /PDF ou image \(JPEG, PNG/);

      // 1. Over the per-file cap, a Word file named like a photo, a ZIP: none is sent.
      await input.setInputFiles([
        { name: 'releve-600dpi.pdf', mimeType: 'application/pdf', buffer: paddedPdf(1_200_000) },
        { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: DOCX },
        { name: 'scans.zip', mimeType: 'application/zip', buffer: ZIP },
      ]);
      await refused.waitFor(WAIT);
      const sentences = (await refused.locator('li').allInnerTexts())
        .map((text) => text.replace(/\s+/g, ' ').trim());
      assert.equal(sentences.length, 3, sentences.join('\n'));
      assert.match(sentences[0], /« releve-600dpi\.pdf » pèse 1,2 Mo, plus que les 1 Mo acceptés par fichier/);
      assert.match(sentences[1], /« photo\.jpg » est un document Word \(\.docx\) : déposez un PDF ou une image/);
      assert.match(sentences[2], /« scans\.zip » est une archive ZIP.*Décompressez/);
      assert.deepEqual(await chosen(), []);
      assert.equal(await card.getByRole('button', { name: 'Envoyer' }).isHidden(), true);
      await screenshot(page, 'candidat-phone-fichiers-refuses');

      // 2. A JPEG cut short passes the page's check; the server refuses it by
      // name: it leaves the list, its sentence stays, and the next file chosen
      // is sent alone.
      await input.setInputFiles({ name: 'bulletin.jpg', mimeType: 'image/jpeg', buffer: CUT_JPEG });
      await eventually('bulletin.jpg listed',
        async () => (await chosen()).join() === 'bulletin.jpg');
      assert.equal(await refused.isHidden(), true, 'a new choice replaces the old refusals');
      await card.getByRole('button', { name: 'Envoyer' }).click();
      await eventually('the server refused the cut JPEG',
        async () => /« bulletin\.jpg »/.test(await textOf(card)) && (await chosen()).length === 0);
      assert.match(await textOf(refused), /« bulletin\.jpg »/);
      assert.deepEqual(await uploads(), [['bulletin.jpg']]);

      // 3. The whole request over the server's cap (413, no file named): the
      // files sent leave the list with the server's sentence.
      await input.setInputFiles([
        { name: 'page1.pdf', mimeType: 'application/pdf', buffer: paddedPdf(600_000) },
        { name: 'page2.pdf', mimeType: 'application/pdf', buffer: paddedPdf(600_000) },
      ]);
      // The checks read each file's first bytes: the list fills a moment later.
      await eventually('both pages listed',
        async () => (await chosen()).join() === 'page1.pdf,page2.pdf');
      await card.getByRole('button', { name: 'Envoyer' }).click();
      await eventually('the request was refused', async () => (await chosen()).length === 0);
      assert.match(await textOf(refused), /L'envoi dépasse 1,0 Mo|L'envoi dépasse 1 Mo/);
      assert.equal((await uploads()).length, 2);

      // 4. The next file is sent alone and accepted.
      const cvPath = referenceFiles().cv[0];
      await input.setInputFiles(cvPath);
      await eventually('the CV listed', async () => (await chosen()).length === 1);
      await card.getByRole('button', { name: 'Envoyer' }).click();
      await card.locator('.result.ok').waitFor(WAIT);
      assert.deepEqual((await uploads())[2], [basename(cvPath)]);
      assert.equal((await uploads()).length, 3);
      assert.equal(await refused.isHidden(), true);
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      await browser.close();
      await service.stop();
    }
  });

test('a 413 from a proxy in front of the service gets its own sentence', async () => {
  const service = await startService({ workers: 1 });
  const browser = await launchBrowser();
  try {
    await service.createCandidature(ID, [['lettre_motivation', true]]);
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await page.goto(`${service.baseUrl}/candidat/${ID}#token=${service.token('candidat', ID)}`);
    const card = page.locator('.piece-card[data-code="lettre_motivation"]');
    await card.waitFor(WAIT);
    // nginx's answer to a body over its client_max_body_size.
    await page.route('**/pieces/*/files', (route) => route.fulfill({
      status: 413, contentType: 'text/html',
      body: '<html><head><title>413 Request Entity Too Large</title></head><body>nginx</body></html>',
    }));
    const lettre = referenceFiles().lettre_motivation[0];
    await card.locator('input[type="file"]').setInputFiles(lettre);
    await card.getByRole('button', { name: 'Envoyer' }).click();
    const refused = card.locator('.refused-files');
    await refused.waitFor(WAIT);
    const sentence = await textOf(refused);
    assert.match(sentence, /dépasse la taille qu'accepte le serveur de votre université/);
    assert.doesNotMatch(sentence, /Réessayez dans quelques minutes/);
    assert.equal(await card.locator('.chosen-name').count(), 0, 'the file left the list');
    assert.equal(await card.locator('.card-error').isHidden(), true);
    await context.close();
  } finally {
    await browser.close();
    await service.stop();
  }
});
