/** The stylesheet embedded in every HTML report: screen, then print (A4, no split rows). */
export const reportStyle = `
:root{color-scheme:light;--ink:#1d1d1f;--muted:#5f6368;--line:#d9dce1;--accent:#1f4fa3}
*{box-sizing:border-box}
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);max-width:60rem;margin:2rem auto;padding:0 1.25rem}
h1{font-size:1.9rem;margin:0 0 .25rem}
h2{font-size:1.35rem;margin:2rem 0 .5rem;padding-bottom:.2rem;border-bottom:2px solid var(--line)}
h3{font-size:1.1rem;margin:1.4rem 0 .4rem}
h4{font-size:1rem;margin:1.1rem 0 .3rem}
.meta{color:var(--muted);margin:0 0 1.5rem}
.badge{display:inline-block;font-size:.75rem;padding:.05rem .45rem;border-radius:999px;border:1px solid var(--line);color:var(--muted);margin-left:.35rem;vertical-align:middle}
.badge.restricted{border-color:#b42318;color:#b42318}
.empty{color:var(--muted);font-style:italic}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f5f7}
tr.pinned td{background:#fffbea}
td.time{white-space:nowrap;font-variant-numeric:tabular-nums}
.why-tree-figure{overflow-x:auto;margin:.5rem 0 1rem}
.why-tree{max-width:100%;height:auto}
ul.outline{padding-left:1.2rem}
pre,code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.88em}
pre{background:#f4f5f7;padding:.6rem;overflow-x:auto}
blockquote{margin:.5rem 0;padding-left:.8rem;border-left:3px solid var(--line);color:var(--muted)}
a{color:var(--accent)}
@media print{
  @page{size:A4;margin:16mm 14mm}
  body{max-width:none;margin:0;padding:0;font-size:10.5pt}
  h2{break-after:avoid}
  h3,h4{break-after:avoid}
  tr,.why-tree-figure,li{break-inside:avoid}
  thead{display:table-header-group}
  a{color:inherit;text-decoration:none}
  .why-tree-figure{overflow:visible}
}
`;
