// Files dropped on a pièce's card, and an upload that meets a dead network:
// the page sends it again by itself, with the same Idempotency-Key, and the
// pièce gets one version only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  desktop, eventually, launchBrowser, referenceFiles, startService, textOf,
} from './harness.mjs';

const ID = 'L1-2025-0103';
const WAIT = { timeout: 60_000 };

test('dropped files are listed; an upload cut by the network is retried once online', async () => {
  const service = await startService({ workers: 1 });
  const browser = await launchBrowser();
  try {
    await service.createCandidature(ID, [['cv', true]]);
    const token = service.token('candidat', ID);
    const context = await browser.newContext(desktop);
    const page = await context.newPage();
    await page.goto(`${service.baseUrl}/candidat/${ID}#token=${token}`);
    const card = page.locator('.piece-card[data-code="cv"]');
    await card.waitFor(WAIT);

    // Drag-and-drop: the browser's DataTransfer with the reference CV in it.
    const cvPath = referenceFiles().cv[0];
    const dataTransfer = await page.evaluateHandle(({ bytes, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }));
      return transfer;
    }, { bytes: Array.from(readFileSync(cvPath)), name: basename(cvPath) });
    await card.dispatchEvent('dragover', { dataTransfer });
    await card.dispatchEvent('drop', { dataTransfer });
    assert.deepEqual(await card.locator('.chosen-name').allInnerTexts(), [basename(cvPath)]);

    // Offline when « Envoyer » is pressed; back online while the page waits to retry.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions',
      { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await card.getByRole('button', { name: 'Envoyer' }).click();
    await eventually('the page says it tries again',
      async () => /nouvel essai/.test(await textOf(card.locator('.progress-text'))));
    await cdp.send('Network.emulateNetworkConditions',
      { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await card.locator('.result.ok').waitFor(WAIT);
    assert.equal(await card.locator('.card-error').isHidden(), true);

    const { json } = await service.api('GET', `/api/v1/candidatures/${ID}`, { token });
    assert.equal(json.pieces[0].version, 1, 'one version stored');
    await context.close();
  } finally {
    await browser.close();
    await service.stop();
  }
});
