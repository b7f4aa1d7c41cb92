// The timeline webview's page: firm and hedged statements per period as an SVG line chart drawn here, and the
// same figures as a real table for screen readers. Drawn by hand, not with a chart library: nothing to ship or
// audit, no inline style or eval a library would need under the strict CSP, and theme colours as CSS variables.
// No 'vscode' import: the panel (timeline.ts) passes in the webview's CSP source and resource URIs.
import type { TimelinePoint } from '../core/corpus/timeline';
import { pageHead } from './webviewPage';

export interface TimelinePage {
  /** What is charted, for the heading and the table's caption ("Topic: Security"). */
  subject: string;
  period: 'month' | 'quarter' | 'year';
  points: readonly TimelinePoint[];
  readouts: number;
  cspSource: string;
  nonce: string;
  css: string;
  script: string;
}

const W_PER_POINT = 28;
const MIN_WIDTH = 480;
const HEIGHT = 220;
const PAD = { left: 40, right: 16, top: 12, bottom: 44 };

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars[Math.floor(Math.random() * chars.length)];
  return out;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function pointLabel(p: TimelinePoint): string {
  return `${p.period}: ${plural(p.firm, 'firm statement')}, ${plural(p.hedged, 'hedged statement')} in ${plural(p.readouts, 'readout')}`;
}

/** A round step for the y axis: 1, 2 or 5 times a power of ten, about four ticks over `max`. */
function tickStep(max: number): number {
  const raw = Math.max(1, max / 4);
  const pow = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? raw;
}

/** The chart: one line per strength, one focusable point per period and strength; SVG attributes only, no style. */
export function chartSvg(points: readonly TimelinePoint[]): string {
  const n = points.length;
  const width = Math.max(MIN_WIDTH, PAD.left + PAD.right + n * W_PER_POINT);
  const plotW = width - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const max = Math.max(1, ...points.map((p) => Math.max(p.firm, p.hedged)));
  const step = tickStep(max);
  const top = Math.ceil(max / step) * step;
  const x = (i: number): number => PAD.left + (n === 1 ? plotW / 2 : (i * plotW) / Math.max(1, n - 1));
  const y = (v: number): number => PAD.top + plotH - (v / top) * plotH;
  const f = (v: number): string => v.toFixed(1);
  const out: string[] = [];
  out.push(`<svg class="chart" viewBox="0 0 ${width} ${HEIGHT}" width="${width}" height="${HEIGHT}" role="group" aria-label="Chart of firm and hedged statements per period; the table below has the same figures">`);
  for (let v = 0; v <= top; v += step) {
    out.push(`<line class="grid" x1="${PAD.left}" x2="${width - PAD.right}" y1="${f(y(v))}" y2="${f(y(v))}"/>`);
    out.push(`<text class="tick" x="${PAD.left - 6}" y="${f(y(v) + 4)}" text-anchor="end">${v}</text>`);
  }
  // At most about 16 period labels, so they never overlap.
  const every = Math.max(1, Math.ceil(n / 16));
  points.forEach((p, i) => {
    if (i % every === 0 || i === n - 1) out.push(`<text class="tick period" x="${f(x(i))}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle">${esc(p.period)}</text>`);
  });
  for (const strength of ['hedged', 'firm'] as const) {
    const path = points.map((p, i) => `${i ? 'L' : 'M'}${f(x(i))} ${f(y(p[strength]))}`).join(' ');
    if (n > 1) out.push(`<path class="line ${strength}" d="${path}"/>`);
    points.forEach((p, i) => {
      const label = `${p.period}: ${plural(p[strength], `${strength} statement`)}. Press Enter to list them.`;
      out.push(
        `<circle class="point ${strength}" cx="${f(x(i))}" cy="${f(y(p[strength]))}" r="5" tabindex="0" role="button" data-period="${esc(p.period)}" data-strength="${strength}" aria-label="${esc(label)}"><title>${esc(label)}</title></circle>`,
      );
    });
  }
  out.push(
    `<g class="legend" aria-hidden="true"><circle class="point firm" cx="${PAD.left + 6}" cy="${HEIGHT - 10}" r="5"/><text x="${PAD.left + 16}" y="${HEIGHT - 6}">Firm</text>` +
      `<circle class="point hedged" cx="${PAD.left + 76}" cy="${HEIGHT - 10}" r="5"/><text x="${PAD.left + 86}" y="${HEIGHT - 6}">Hedged</text></g>`,
  );
  out.push('</svg>');
  return out.join('');
}

/** The data table: a row per period, its header a button that lists the period's statements. */
export function tableHtml(page: Pick<TimelinePage, 'subject' | 'period' | 'points'>): string {
  const rows = page.points
    .map(
      (p) =>
        `<tr data-period="${esc(p.period)}"><th scope="row"><button type="button" class="select" data-period="${esc(p.period)}" aria-label="${esc(`List the statements of ${pointLabel(p)}`)}">${esc(p.period)}</button></th><td>${p.readouts}</td><td>${p.firm}</td><td>${p.hedged}</td></tr>`,
    )
    .join('');
  return `<table class="data"><caption>Firm and hedged statements per ${page.period}: ${esc(page.subject)}</caption><thead><tr><th scope="col">${page.period[0].toUpperCase()}${page.period.slice(1)}</th><th scope="col">Readouts</th><th scope="col">Firm</th><th scope="col">Hedged</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function renderTimelineHtml(page: TimelinePage): string {
  const csp = `default-src 'none'; style-src ${page.cspSource}; script-src 'nonce-${page.nonce}'; img-src ${page.cspSource};`;
  const firm = page.points.reduce((s, p) => s + p.firm, 0);
  const hedged = page.points.reduce((s, p) => s + p.hedged, 0);
  const body = page.points.length
    ? `<div class="layout"><div class="chart-box">${chartSvg(page.points)}</div><div class="table-box">${tableHtml(page)}</div></div>`
    : '<p>No readout in this workspace has a dated statement on it.</p>';
  return `${pageHead(csp, esc(page.css), `Timeline: ${esc(page.subject)}`)}
<body>
<main>
<h1>Timeline: ${esc(page.subject)}</h1>
<p class="hint">${plural(firm, 'firm statement')} and ${plural(hedged, 'hedged statement')} per ${page.period} in ${plural(page.readouts, 'readout')} of the workspace. Select a point or a period to list its statements; select a statement to open its sentence.</p>
${body}
<section class="statements" aria-live="polite" aria-labelledby="statements-heading"><h2 id="statements-heading">Statements</h2><p class="empty">No period selected.</p><ul></ul></section>
</main>
<script nonce="${page.nonce}" src="${esc(page.script)}"></script>
</body>
</html>`;
}
