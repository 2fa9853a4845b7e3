/** The shared script of every page: common behaviour, then what the page's kind needs (category filters, compare). */
/// <reference lib="dom" />
import { setupCategory } from './category.js';
import { setupShortcuts, setupSortableTables, setupThemeToggle } from './common.js';
import { setupCompare } from './compare.js';

document.addEventListener('DOMContentLoaded', () => {
  setupThemeToggle();
  setupShortcuts();
  setupSortableTables();
  const kind = document.body.dataset.kind;
  if (kind === 'category') setupCategory();
  if (kind === 'compare') {
    setupCompare().catch((err: Error) => {
      document.getElementById('compare-status')!.textContent = `Comparison unavailable: ${err.message}`;
    });
  }
});
