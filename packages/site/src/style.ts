/**
 * The site's one stylesheet: a newsroom reading page — a serif for headlines and quotes, the
 * system sans for everything else, one readable column, the charts' stance colours (Okabe–Ito).
 */
import { OKABE_ITO } from '@claimgraph/charts';

export const CSS = `:root {
  --ink: #1a1a1a;
  --muted: #5c5c5c;
  --rule: #dcdcdc;
  --paper: #ffffff;
  --tint: #f6f5f1;
  --accent: #8a1c1c;
  --link: #0b4f8a;
  --supports: ${OKABE_ITO.blue};
  --disputes: #b34700;
  --serif: Georgia, 'Times New Roman', 'Noto Serif', serif;
  --sans: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  --mono: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 17px/1.55 var(--sans); }
a { color: var(--link); text-underline-offset: 2px; }
a:hover { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, summary:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
.wrap { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
body > a:first-child { position: absolute; left: -999px; top: 0; background: var(--ink); color: #fff; padding: .5rem 1rem; z-index: 10; }
body > a:first-child:focus { left: 0; }

/* The frame, styled by element: every page repeats it, so its markup carries no wrappers or classes.
   The header's rule spans the window; its content keeps to the column of .wrap (46rem). */
body > header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem 1rem; padding: .9rem max(1rem, 50% - 22rem) 0; border-bottom: 1px solid var(--ink); }
header > a:first-child { margin: 0; font: 700 1.35rem/1.2 var(--serif); letter-spacing: -.01em; color: var(--ink); text-decoration: none; }
header > a:first-child small { font: 500 .8rem var(--sans); color: var(--muted); margin-left: .35rem; }
header form { display: flex; flex: 1 1 16rem; max-width: 22rem; }
header input { flex: 1; min-width: 0; font: inherit; font-size: .95rem; padding: .4rem .6rem; border: 1px solid #8c8c8c; border-right: 0; border-radius: 3px 0 0 3px; }
header button { font: 600 .9rem var(--sans); padding: .4rem .8rem; border: 1px solid var(--ink); background: var(--ink); color: #fff; border-radius: 0 3px 3px 0; cursor: pointer; }
header nav { flex: 1 1 100%; display: flex; flex-wrap: wrap; gap: .1rem 1.1rem; padding-bottom: .5rem; font: 600 .82rem var(--sans); text-transform: uppercase; letter-spacing: .06em; }
header nav a { color: var(--ink); text-decoration: none; padding: .35rem 0; display: inline-block; }
header nav a[aria-current="page"] { border-bottom: 3px solid var(--accent); }
header ~ main, body > footer { max-width: 46rem; margin: 0 auto; padding: 1.6rem 1rem 2.5rem; }

main.wrap { padding-top: 1.6rem; padding-bottom: 2.5rem; }
h1, h2, h3 { font-family: var(--serif); line-height: 1.2; letter-spacing: -.01em; }
h1 { font-size: clamp(1.7rem, 5vw, 2.4rem); margin: .2rem 0 .8rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .8rem; padding-top: .6rem; border-top: 1px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; font-family: var(--sans); text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.kicker { margin: 0; font: 700 .78rem var(--sans); text-transform: uppercase; letter-spacing: .08em; color: var(--accent); }
.standfirst, :is([data-page="relation"], [data-page="perspective"]) h1 + p { font-size: 1.12rem; color: #333; margin: 0 0 1rem; }
.lede h1 { font-size: clamp(1.9rem, 6vw, 2.8rem); }
.muted { color: var(--muted); }
code { font-family: var(--mono); font-size: .88em; overflow-wrap: anywhere; }
pre { background: var(--tint); border-left: 3px solid var(--rule); padding: .8rem 1rem; overflow-x: auto; font-size: .85rem; line-height: 1.45; }
pre code { overflow-wrap: normal; white-space: pre; }

.counts { list-style: none; padding: 0; margin: 1.2rem 0 .4rem; display: grid; grid-template-columns: repeat(auto-fit, minmax(6.5rem, 1fr)); gap: .6rem; }
.counts li { border-top: 3px solid var(--ink); padding-top: .35rem; font-size: .85rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.counts strong { display: block; font: 700 1.7rem/1.1 var(--serif); color: var(--ink); letter-spacing: 0; }
.date-range { color: var(--muted); font-size: .95rem; }

.relation-list, .entity-list { list-style: none; padding: 0; margin: 0; }
/* A relation row is an <li>: the proposition, its status word and its stance bar, wrapping on a phone. */
.relation-list li { display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem .6rem; padding: .65rem 0; border-bottom: 1px solid var(--rule); font-size: .85rem; color: var(--muted); }
.relation-list li > a { flex: 1 1 18rem; margin-right: .4rem; font: 600 1.05rem/1.35 var(--serif); color: var(--ink); text-decoration-color: #bbb; }
.relation-list b, [data-page="relation"] h1 span { font-family: var(--sans); font-weight: 400; font-size: .88em; color: var(--muted); }
.rule-note { font-size: .85rem; color: var(--muted); margin: 0 0 .4rem; }
.entity-list li { padding: .35rem 0; border-bottom: 1px solid var(--rule); }
/* A status: a badge beside a relation's name, and a row's <i> (supported unless it has a status class). */
.status, .relation-list i { display: inline-block; font: 700 .7rem/1 var(--sans); text-transform: uppercase; letter-spacing: .06em; padding: .25rem .4rem; border-radius: 2px; border: 1px solid currentColor; }
.status-contested { color: #fff; background: var(--accent); border-color: var(--accent); }
.status-supported, .relation-list i:not([class]) { color: var(--supports); }
.status-disputed { color: var(--disputes); }
.status-unresolved { color: var(--muted); }
/* A verdict in a rule's row: the word, coloured by its cell's class (supported unless classed). */
.verdicts td:nth-child(2) { font: 700 .7rem var(--sans); text-transform: uppercase; letter-spacing: .06em; color: var(--supports); }
.verdicts .contested { color: var(--accent); }
.verdicts .disputed { color: var(--disputes); }
.verdicts .unresolved { color: var(--muted); }
.status-rule { font: .72rem/1 var(--mono); color: var(--muted); margin-left: .15rem; }
.positions { list-style: none; padding: 0; }
.positions > li { margin: 0 0 1rem; font-size: .95rem; }
.positions h3 { font-size: 1rem; margin: 0 0 .3rem; }
.position-steps { margin: 0; padding-left: 1.2rem; font-size: .95rem; }
.position-change { font-weight: 700; color: var(--accent); }
/* The stance bar: one element whose text is the counts; the bar before it shows --f, the supporting share. */
.bar, .relation-list li > span { white-space: nowrap; --f: 100%; }
:is(.bar, .relation-list li > span)::before { content: ""; display: inline-block; width: 4.5rem; height: .5rem; margin-right: .4rem; background: var(--rule); background-image: linear-gradient(90deg, var(--supports) var(--f), var(--disputes) 0); print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.bar.none::before { background-image: none; }
:is(.standfirst, [data-page="relation"] h1 + p) .bar { font-size: .9rem; color: var(--muted); margin-left: .2rem; }

[data-page="relation"] h1 a { color: var(--ink); text-decoration-thickness: 1px; text-decoration-color: #999; }
[data-page="relation"] h1 span { font-size: .7em; white-space: nowrap; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 1rem 0; font-size: .95rem; }
.facts div { display: contents; }
.facts dt { color: var(--muted); font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.callout { background: var(--tint); padding: .7rem 1rem; border-left: 3px solid var(--accent); }

[data-page="relation"] main > ol { list-style: none; padding: 0; margin: 0; }
/* A statement on its relation's page: the list says its stance (the colour at its side); the speaker,
   its first link, is bold. */
[data-page="relation"] main > ol > li { padding: .9rem 0 .9rem .9rem; border-bottom: 1px solid var(--rule); border-left: 3px solid var(--supports); margin-bottom: .3rem; font-size: .95rem; }
[data-page="relation"] main > ol > li > a:first-child { font-weight: 700; }
[data-page="relation"] main > ol.disputes > li, main > article.disputes { border-left-color: var(--disputes); }
/* A statement page's line under each heading: date, marks, permalink. */
article > :is(h1, h2) + p { margin: 0 0 .35rem; font-size: .95rem; }
/* A quote in full: the site's only blockquotes. */
blockquote { margin: .3rem 0; font: 1.08rem/1.5 var(--serif); }
.paraphrase, .context, .note { margin: .3rem 0; font-size: .95rem; }
.label { font-weight: 600; color: var(--muted); }
/* A relation page's statement: its last paragraph names the source. */
[data-page="relation"] main > ol > li > p:last-child { margin: .35rem 0 0; font-size: .82rem; color: var(--muted); }
.more { font-size: .9rem; color: var(--muted); font-style: italic; }
.appearances { padding-left: 1.4rem; margin: .5rem 0 1rem; }
/* Where a statement was reported: title, publisher, date and the address's host on one line. */
.appearance, main > article > p:not([class], :is(h1, h2) + p) { padding: .45rem 0; border-bottom: 1px solid var(--rule); font-size: .9rem; color: var(--muted); overflow-wrap: anywhere; }
main > article > p:not([class], :is(h1, h2) + p) { border: 0; margin: .6rem 0; }
.appearance > a:first-child, main > article > p:not([class], :is(h1, h2) + p) > a:first-child { font-family: var(--serif); font-size: 1.1em; }
.appearance-exact, .appearance .note { margin: .3rem 0 0; font-size: .95rem; color: var(--ink); }
.coverage-line { font-size: .95rem; }

.chart { margin: 0; }
/* A chart page's chart; the script puts its embed box right below it. */
.chart:not([data-embed]) { margin: 1.5rem 0; }
.chart + .embed { margin: -1.1rem 0 1.5rem; }
.chart-canvas { overflow-x: auto; min-height: 3rem; }
.chart-canvas svg { max-width: none; }
/* vega-embed's actions button sits above the chart, in the box, not beside it (which would make the
   page scroll sideways on a phone): the chart keeps the box's whole width. */
.chart-canvas .vega-embed, .chart-canvas .vega-embed.has-actions { display: block; padding: 0; }
.chart-canvas .vega-embed.has-actions { padding-top: 34px; }
.chart-canvas .vega-embed .vega-actions { right: 0; }
.chart-note, .chart:empty::before { color: var(--muted); font-size: .9rem; background: var(--tint); padding: .6rem .8rem; margin: 0; }
/* A chart's figure is empty until the chart script fills it: without the script, this says why. */
.chart:empty::before { content: "The chart needs JavaScript; the lists say the same."; display: block; }
.embed { font-size: .9rem; margin-top: .4rem; }
.embed summary { cursor: pointer; color: var(--link); }
.embed pre { white-space: pre-wrap; }
.embed pre code { white-space: pre-wrap; overflow-wrap: anywhere; }
.embed-copy { font: 600 .85rem var(--sans); padding: .3rem .7rem; border: 1px solid var(--link); background: #fff; color: var(--link); border-radius: 3px; cursor: pointer; }
.embed-status { color: var(--muted); }

.cite { margin-top: 2.5rem; background: var(--tint); padding: .2rem 1rem 1rem; font-size: .88rem; }
.cite h2, .cite h3 { border: 0; font-size: 1rem; font-family: var(--sans); text-transform: uppercase; letter-spacing: .06em; margin: .8rem 0 .4rem; padding: 0; }
.cite dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: 0 0 .5rem; }
.cite div { display: contents; }
.cite dt { color: var(--muted); }
.cite dd { margin: 0; overflow-wrap: anywhere; }
.cite p:last-child { margin: 0; font-family: var(--serif); }
/* Statements share pages: each is an article (the only articles of the site) a permalink scrolls to,
   its stance the colour at its side (supports unless of class "disputes"), the one linked marked beyond it. */
main > article { scroll-margin-top: 1rem; margin: 1.5rem 0 2.5rem; padding-left: .9rem; border-left: 3px solid var(--supports); }
main > article h1 a, main > article h2 a { color: var(--ink); text-decoration-thickness: 1px; text-decoration-color: #999; }
/* The stripe at its side sets a statement apart: its heading needs no rule above it. */
main > article > h2 { margin-top: 0; padding-top: 0; border-top: 0; }
main > article:target { box-shadow: -.6rem 0 0 var(--tint), -.8rem 0 0 var(--accent); }
/* The stance as a coloured mark before the date, "disputes" from the article's class, else "supports": the
   heading says it in words, so screen readers skip the mark (the text after "/"). */
main > article > :is(h1, h2) + p::before { font: 700 .72rem var(--sans); text-transform: uppercase; letter-spacing: .06em; }
main > article > :is(h1, h2) + p::before { content: "▲ Supports · " / ""; color: var(--supports); }
main > article.disputes > :is(h1, h2) + p::before { content: "▼ Disputes · " / ""; color: var(--disputes); }

.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; }
th, td { text-align: left; padding: .45rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { font-weight: 700; border-bottom: 2px solid var(--ink); }
.num { text-align: right; white-space: nowrap; }
.hash { font-size: .75rem; word-break: break-all; }
/* A stance as a line's <b> (supporting unless class "disputes"): coloured, with its arrow from here. */
.said b, .positions b { font: 700 .72rem var(--sans); text-transform: uppercase; letter-spacing: .06em; white-space: nowrap; color: var(--supports); }
b.disputes { color: var(--disputes); }
.said b::before, .positions b::before { content: "▲ " / ""; }
b.disputes::before { content: "▼ " / ""; }
/* Statements as lines (timeline, entity, perspective, source): one a line, its date first, linked to its words. */
.said { list-style: none; padding: 0; margin: 0; font-size: .95rem; }
.said li { padding: .45rem 0 .45rem .7rem; border-bottom: 1px solid var(--rule); border-left: 3px solid var(--supports); }
.said li:has(.disputes) { border-left-color: var(--disputes); }
/* A line's date, its permalink (the only link with #st-): figures aligned, never broken. */
.said a[href*="#st-"], .positions a[href*="#st-"] { white-space: nowrap; font-variant-numeric: tabular-nums; }

.pager ul { list-style: none; display: flex; flex-wrap: wrap; gap: .3rem; padding: 0; margin: 1.5rem 0; }
.pager a, .pager span { display: inline-block; min-width: 2.2rem; padding: .35rem .6rem; text-align: center; border: 1px solid var(--rule); text-decoration: none; }
.pager span[aria-current] { background: var(--ink); color: #fff; border-color: var(--ink); }
.pager .gap { padding: .35rem .2rem; border: 0; }

.chips { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
.chips a { display: inline-block; padding: .25rem .6rem; border: 1px solid var(--rule); border-radius: 999px; text-decoration: none; font-size: .92rem; }
.chips a:hover { border-color: var(--accent); }
.results { list-style: none; padding: 0; }
.results li { padding: .6rem 0; border-bottom: 1px solid var(--rule); }
.results .kind { font: 700 .7rem var(--sans); text-transform: uppercase; letter-spacing: .06em; color: var(--muted); display: block; }
.results a { font-family: var(--serif); font-size: 1.05rem; }
.results .snippet { display: block; color: #333; font-size: .92rem; }
.more-results { font: 600 .9rem var(--sans); padding: .5rem 1rem; margin: .8rem 0; border: 1px solid var(--ink); background: #fff; color: var(--ink); border-radius: 3px; cursor: pointer; }

body > footer { border-top: 1px solid var(--ink); padding-top: 1rem; padding-bottom: 2rem; font-size: .85rem; color: var(--muted); }
.embed-page { background: #fff; }
.embed-page main { padding: .5rem; }
.embed-page figcaption { font-size: .8rem; color: var(--muted); margin-top: .3rem; }

@media (max-width: 30rem) {
  body { font-size: 16px; }
  header form { max-width: none; flex-basis: 100%; }
  .facts { grid-template-columns: 1fr; gap: 0; }
  .facts dd { margin-bottom: .4rem; }
  th, td { padding: .4rem .25rem; }
  .verdicts td:nth-child(2) { letter-spacing: .02em; }
}
@media print {
  header form, header nav, .embed, body > a:first-child { display: none; }
}
`;
