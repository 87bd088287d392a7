// The work list's view in the address (server/web/static/worklist-url.js),
// without a browser: defaults left out, « Toutes » kept as "status=", bad
// values falling back, and the API's parameters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  filterParams, listParams, nextSort, searchOfView, viewFromSearch,
} from '../../server/web/static/worklist-url.js';

test('the default view is « À examiner », oldest change first, page 1, and has no query', () => {
  const view = viewFromSearch('');
  assert.deepEqual(view,
    { q: '', formation: '', status: 'RE', flags: [], sort: 'updated', page: 1 });
  assert.equal(searchOfView(view), '');
  assert.equal(listParams(view).toString(), 'status=RE&sort=updated&limit=50&offset=0');
});

test('a view goes into the address and comes back the same', () => {
  const view = {
    q: 'hélène', formation: 'Master Droit des affaires — M1', status: '',
    flags: ['ine_different', 'contenu_actif'], sort: '-nom', page: 3,
  };
  const search = searchOfView(view);
  assert.match(search, /(^\?|&)status=(&|$)/, '« Toutes » is kept');
  assert.deepEqual(viewFromSearch(search), view);
  const params = listParams(view);
  assert.equal(params.get('offset'), '100');
  assert.equal(params.has('status'), false, 'no status asked: all of them');
  assert.deepEqual(params.getAll('flag'), ['ine_different', 'contenu_actif']);
  assert.equal(filterParams(view).has('limit'), false, 'the CSV takes every row');
});

test('unknown values fall back to the default', () => {
  const view = viewFromSearch('?status=XX&flag=nope&flag=ine_illisible&sort=taille&page=-2');
  assert.equal(view.status, 'RE');
  assert.deepEqual(view.flags, ['ine_illisible']);
  assert.equal(view.sort, 'updated');
  assert.equal(view.page, 1);
  assert.equal(viewFromSearch('?page=abc').page, 1);
});

test('a header sorts by its column, then the other way round', () => {
  assert.equal(nextSort('updated', 'nom'), 'nom');
  assert.equal(nextSort('nom', 'nom'), '-nom');
  assert.equal(nextSort('-nom', 'nom'), 'nom');
  assert.equal(nextSort('updated', 'updated'), '-updated');
});
