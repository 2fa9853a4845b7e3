/** Runs in <head> before the page paints: applies a theme the reader chose earlier (else the system's). */
/// <reference lib="dom" />
try {
  const chosen = localStorage.getItem('devops-kb-theme');
  if (chosen === 'dark' || chosen === 'light') document.documentElement.dataset.theme = chosen;
} catch {
  // Storage may be off (private mode, file:// policies): follow the system.
}
