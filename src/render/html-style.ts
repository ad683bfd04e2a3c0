// The report's only stylesheet, inlined: system fonts (no font from the network), and print
// rules for A4 — each section starts a page, charts scale to the page width and never split.

/** CSS of the HTML claim. */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo", sans-serif;
  color: #111827; background: #fff; max-width: 190mm; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; margin: 1.4rem 0 .5rem; border-bottom: 2px solid #111827; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
p { margin: .4rem 0; }
.meta { color: #374151; margin: 0 0 1rem; }
.meta span { display: inline-block; margin-right: 1.2rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; font-variant-numeric: tabular-nums; }
th, td { padding: .3rem .5rem; border-bottom: 1px solid #e5e7eb; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
thead th { border-bottom: 1.5px solid #6b7280; font-weight: 600; }
table.kv th { width: 32%; font-weight: 600; text-align: left; }
table.kv td { text-align: left; word-break: break-all; }
td.lost { font-weight: 700; color: #b91c1c; }
.chosen { font-weight: 700; }
.warn { border-left: 4px solid #d97706; background: #fffbeb; padding: .4rem .7rem; margin: .3rem 0; }
.warn code { font-weight: 700; }
.note { color: #4b5563; font-size: .85rem; }
figure { margin: .4rem 0 .8rem; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { font-weight: 600; margin-bottom: .2rem; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  section.page + section.page { break-before: page; page-break-before: always; }
  h2 { margin-top: 0; }
  tr, .warn { break-inside: avoid; page-break-inside: avoid; }
  figure { margin: 0 0 3mm; }
}
`;
