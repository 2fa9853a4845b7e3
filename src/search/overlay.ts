/**
 * The combined view a query reads over a base index and a delta segment. Kept apart from delta.ts (which
 * builds segments and needs the index builder, fuse.js included) so the hot path loads only this.
 */
import type { SearchIndex, TermSegment } from './index.js';

/** The index a query reads: base documents (masked ones without an id) followed by the delta's, both term segments. */
export function overlay(base: SearchIndex, delta: SearchIndex, masked: Iterable<number>): SearchIndex {
  const ids = base.ids.slice();
  for (const d of masked) if (d < ids.length) ids[d] = '';
  const catNames = base.catNames.slice();
  const remap = delta.catNames.map((c) => {
    const i = catNames.indexOf(c);
    return i >= 0 ? i : catNames.push(c) - 1;
  });
  const catList = delta.ids.length === 0 ? '' : delta.catList.split(',').map((d) => (d === '' ? '' : d.split('.').map((i) => remap[Number(i)]).join('.'))).join(',');
  const primary = new Uint16Array(ids.length + delta.ids.length);
  primary.set(base.primary);
  delta.primary.forEach((p, k) => (primary[ids.length + k] = remap[p] ?? 0));
  const prior = new Float32Array(ids.length + delta.ids.length);
  prior.set(base.prior);
  prior.set(delta.prior, ids.length);
  const segment: TermSegment = { termsText: delta.termsText, termStarts: delta.termStarts, offsets: delta.offsets, postings: delta.postings };
  return {
    ids: [...ids, ...delta.ids],
    status: base.status + delta.status,
    catNames,
    catList: base.ids.length === 0 ? catList : delta.ids.length === 0 ? base.catList : `${base.catList},${catList}`,
    primary,
    prior,
    // Asked of the base when used: a base read from disk loads its whole term table only when something needs it.
    get termsText() {
      return base.termsText;
    },
    get termStarts() {
      return base.termStarts;
    },
    offsets: base.offsets,
    postings: base.postings,
    fill: base.fill,
    find: base.find,
    delta: segment,
  };
}
