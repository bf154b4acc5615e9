/**
 * The paper's page: a serif column with the headline biggest, the sapo in bold, photos the column's width with
 * the caption under them, and a print sheet for A4 proofs. Scoped to `.paper` so the print view can adopt it
 * inside the app; the exported HTML file carries it inline. Line height stays at 1.5 or more for tone marks.
 */
export const paperPageCss = `
.paper { --ink: #1a1a1a; --muted: #5c5c5c; --accent: #9b1c1c; color: var(--ink); background: #fff; font-family: 'Noto Serif', 'Source Serif 4', Georgia, 'Times New Roman', serif; font-size: 18px; line-height: 1.6; }
.paper .story { max-width: 680px; margin: 0 auto; padding: 40px 24px 64px; }
.paper .kicker { margin: 0 0 8px; color: var(--accent); font-size: 0.85em; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; }
.paper .headline { margin: 0 0 12px; font-size: 2.2em; line-height: 1.25; font-weight: 700; }
.paper .time-line { margin: 0 0 20px; color: var(--muted); font-family: 'Be Vietnam Pro', system-ui, sans-serif; font-size: 0.8em; }
.paper .sapo { margin: 0 0 24px; font-size: 1.05em; line-height: 1.55; }
.paper .body p, .paper .body li { margin: 0 0 1em; }
.paper .body h2 { font-size: 1.35em; line-height: 1.35; margin: 1.4em 0 0.6em; }
.paper .body h3 { font-size: 1.15em; line-height: 1.4; margin: 1.2em 0 0.5em; }
.paper blockquote { margin: 1.2em 0; padding-left: 1em; border-left: 3px solid var(--accent); font-style: italic; }
.paper figure { margin: 24px 0; }
.paper figure img { display: block; width: 100%; height: auto; }
.paper figcaption { margin-top: 8px; color: var(--muted); font-size: 0.85em; line-height: 1.5; font-style: italic; text-align: center; }
.paper figcaption .credit { display: block; font-style: normal; text-align: right; }
.paper a { color: inherit; }
.paper .byline { margin: 24px 0 4px; text-align: right; font-weight: 700; }
.paper .source { margin: 0; text-align: right; font-style: italic; color: var(--muted); }
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  .paper { font-size: 11.5pt; }
  .paper .story { max-width: none; padding: 0; }
  .paper .headline { font-size: 24pt; break-after: avoid; }
  .paper figure { break-inside: avoid; }
  .paper .body h2, .paper .body h3 { break-after: avoid; }
  .paper a { text-decoration: none; }
}
`;
