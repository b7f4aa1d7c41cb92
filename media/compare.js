// Readout Lens comparison view: every statement is a real <button>; selecting one (click, Enter or Space)
// asks the extension to open that readout at the sentence. Arrow keys move between statements of a topic.
// No other behaviour: the page is rendered by the extension under a strict Content-Security-Policy.
(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button.reveal') : null;
    if (!target) return;
    vscode.postMessage({
      type: 'reveal',
      side: target.getAttribute('data-side'),
      start: Number(target.getAttribute('data-start')),
      end: Number(target.getAttribute('data-end')),
    });
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = document.activeElement;
    if (!(current instanceof HTMLElement) || !current.matches('button.reveal')) return;
    const all = Array.from(document.querySelectorAll('button.reveal'));
    const next = all[all.indexOf(current) + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next instanceof HTMLElement) {
      next.focus();
      event.preventDefault();
    }
  });
})();
