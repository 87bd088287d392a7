// The view of the work list (search, formation, status, flags, sort, page)
// kept in the address's query, so that a reload, a bookmark or the back
// button bring the same list again. Defaults are left out of the address:
// /gestion/ is « À examiner », oldest change first, page 1. The token never
// goes there (it stays in the fragment, read once by takeToken).

export const PAGE_SIZE = 50;
export const DEFAULT_STATUS = 'RE';
export const DEFAULT_SORT = 'updated';

const STATUSES = ['AT', 'RE', 'IN', 'CO', ''];
export const FLAGS = ['ine_illisible', 'ine_different', 'refusee_controle', 'unprocessable',
  'contenu_actif'];
export const SORT_KEYS = ['updated', 'nom', 'formation', 'status'];

function knownSort(sort) {
  return SORT_KEYS.includes(sort.replace(/^-/, '')) ? sort : DEFAULT_SORT;
}

// "?q=martin&status=&flag=ine_different&page=2" → the view; anything
// unknown falls back to the default.
export function viewFromSearch(search) {
  const params = new URLSearchParams(search);
  const status = params.has('status') ? params.get('status') : DEFAULT_STATUS;
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: params.get('q') ?? '',
    formation: params.get('formation') ?? '',
    status: STATUSES.includes(status) ? status : DEFAULT_STATUS,
    flags: FLAGS.filter((flag) => params.getAll('flag').includes(flag)),
    sort: knownSort(params.get('sort') ?? DEFAULT_SORT),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

// The view → "?q=…" (or "" for the default view). « Toutes » is kept as
// "status=", since no status means « À examiner ».
export function searchOfView(view) {
  const params = new URLSearchParams();
  if (view.q.trim()) params.set('q', view.q.trim());
  if (view.formation) params.set('formation', view.formation);
  if (view.status !== DEFAULT_STATUS) params.set('status', view.status);
  for (const flag of view.flags) params.append('flag', flag);
  if (view.sort !== DEFAULT_SORT) params.set('sort', view.sort);
  if (view.page > 1) params.set('page', String(view.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

// The filters and order as the API reads them (list and CSV alike).
export function filterParams(view) {
  const params = new URLSearchParams();
  if (view.q.trim()) params.set('q', view.q.trim());
  if (view.formation) params.set('formation', view.formation);
  if (view.status) params.set('status', view.status);
  for (const flag of view.flags) params.append('flag', flag);
  params.set('sort', view.sort);
  return params;
}

// One page of the list.
export function listParams(view) {
  const params = filterParams(view);
  params.set('limit', String(PAGE_SIZE));
  params.set('offset', String((view.page - 1) * PAGE_SIZE));
  return params;
}

// Clicking a column's header: sorted by it, then the other way round.
export function nextSort(current, key) {
  return current === key ? `-${key}` : key;
}
