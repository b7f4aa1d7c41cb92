// Readout Lens timeline view: selecting a point of the chart or a period of the table (click, Enter or Space)
// asks the extension for the statements behind it and lists them; selecting a statement asks the extension to
// open its sentence. The selection is kept with getState/setState, so it survives the view being hidden.
(function () {
  const vscode = acquireVsCodeApi();
  const section = document.querySelector('section.statements');
  const heading = section.querySelector('h2');
  const empty = section.querySelector('.empty');
  const list = section.querySelector('ul');

  function select(period, strength) {
    vscode.setState({ period, strength });
    for (const el of document.querySelectorAll('[data-period]')) {
      const on = el.getAttribute('data-period') === period && (!strength || !el.hasAttribute('data-strength') || el.getAttribute('data-strength') === strength);
      el.classList.toggle('selected', on);
    }
    vscode.postMessage({ type: 'select', period, strength: strength || undefined });
  }

  function activate(target) {
    const el = target instanceof Element ? target.closest('[data-period], button.statement') : null;
    if (!el) return false;
    if (el.matches('button.statement')) {
      vscode.postMessage({ type: 'reveal', generation: Number(el.getAttribute('data-generation')), index: Number(el.getAttribute('data-index')) });
    } else select(el.getAttribute('data-period'), el.getAttribute('data-strength'));
    return true;
  }

  document.addEventListener('click', (event) => activate(event.target));
  document.addEventListener('keydown', (event) => {
    const current = document.activeElement;
    if ((event.key === 'Enter' || event.key === ' ') && current instanceof SVGElement) {
      if (activate(current)) event.preventDefault();
      return;
    }
    // Left and right move between the points of one line, as a chart reader expects.
    if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && current instanceof SVGElement && current.matches('circle.point')) {
      const same = Array.from(document.querySelectorAll(`circle.point[tabindex][data-strength="${current.getAttribute('data-strength')}"]`));
      const next = same[same.indexOf(current) + (event.key === 'ArrowRight' ? 1 : -1)];
      if (next) {
        next.focus();
        event.preventDefault();
      }
    }
  });

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || m.type !== 'statements') return;
    heading.textContent = m.heading;
    list.textContent = '';
    empty.textContent = m.items.length ? '' : 'No statement in this period.';
    for (const item of m.items) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'statement';
      button.setAttribute('data-index', String(item.index));
      button.setAttribute('data-generation', String(m.generation));
      const badge = document.createElement('span');
      badge.className = `badge ${item.strength}`;
      badge.textContent = item.badge;
      const where = document.createElement('span');
      where.className = 'where';
      where.textContent = item.where;
      const text = document.createElement('span');
      text.className = 'sentence';
      text.textContent = item.sentence;
      button.append(badge, ' ', where, ' ', text);
      button.setAttribute('aria-label', `Open ${item.where}: ${item.sentence.slice(0, 120)}`);
      li.append(button);
      list.append(li);
    }
  });

  const state = vscode.getState();
  if (state && state.period && document.querySelector(`[data-period="${CSS.escape(state.period)}"]`)) select(state.period, state.strength);
})();
