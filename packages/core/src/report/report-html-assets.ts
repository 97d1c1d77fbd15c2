// The report's own CSS and script. They hold no user data (the script only reads the page), so
// the page can allow exactly this script by its hash in a Content-Security-Policy: even a missed
// escape could not run injected code.

export const REPORT_CSS = `
:root{--bg:#f6f8fa;--card:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--accent:#0969da;
--ready:#1a7f37;--ready-bg:#dafbe1;--degraded:#9a6700;--degraded-bg:#fff8c5;--blocked:#cf222e;--blocked-bg:#ffebe9;
--error:#cf222e;--warning:#9a6700;--info:#0969da;--edge:#8c959f;
--mapped:#1a7f37;--default:#8c959f;--runtime:#bf8700;--approximated:#bc4c00;--unsupported:#cf222e}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--card:#151b23;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--accent:#4493f8;
--ready:#3fb950;--ready-bg:#12261e;--degraded:#d29922;--degraded-bg:#272115;--blocked:#f85149;--blocked-bg:#2d1214;
--error:#f85149;--warning:#d29922;--info:#4493f8;--edge:#656c76}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
header,main,footer{max-width:1280px;margin:0 auto;padding:0 24px}
header{padding-top:28px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:0 0 12px}
.sub{color:var(--muted);margin:0}
.sub b{color:var(--fg);font-weight:600}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:18px 0}
.verdict{font-size:16px;margin:14px 0 0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin-bottom:14px}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.card .n{display:block;font-size:28px;font-weight:650;line-height:1.2}
.card .l{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card.ready .n{color:var(--ready)}.card.degraded .n{color:var(--degraded)}.card.blocked .n{color:var(--blocked)}
.card small{display:block;color:var(--muted)}
.stack{display:flex;height:12px;border-radius:6px;overflow:hidden;background:var(--line)}
.stack span{display:block;height:100%}
.stack .ready,.legend .ready::before{background:var(--ready)}.stack .degraded,.legend .degraded::before{background:var(--degraded)}.stack .blocked,.legend .blocked::before{background:var(--blocked)}
.stack .mapped,.legend .mapped::before{background:var(--mapped)}.stack .default,.legend .default::before{background:var(--default)}
.stack .runtime,.legend .runtime::before{background:var(--runtime)}.stack .approximated,.legend .approximated::before{background:var(--approximated)}
.stack .unsupported,.legend .unsupported::before{background:var(--unsupported)}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin:8px 0 0;padding:0;list-style:none;color:var(--muted);font-size:13px}
.legend li::before{content:"";display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;vertical-align:-1px}
.note{color:var(--muted);font-size:13px;margin:0 0 10px}
.graph{overflow:auto;max-height:75vh;border:1px solid var(--line);border-radius:8px;background:var(--bg)}
.wave-graph text{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;fill:var(--fg)}
.wave-graph .wave-head{font:600 12px system-ui,sans-serif;fill:var(--muted)}
.wave-graph .edge{fill:none;stroke:var(--edge);stroke-width:1.2;opacity:.75}
.wave-graph .arrow{fill:var(--edge)}
.wave-graph .node rect{fill:var(--card);stroke:var(--line);stroke-width:1}
.wave-graph .node.s-ready rect{fill:var(--ready-bg);stroke:var(--ready)}
.wave-graph .node.s-degraded rect{fill:var(--degraded-bg);stroke:var(--degraded)}
.wave-graph .node.s-blocked rect{fill:var(--blocked-bg);stroke:var(--blocked);stroke-width:1.5}
.wave-graph .node:hover rect{stroke-width:2.5}
.wave-graph .node rect.bar{stroke:none}.wave-graph .node rect.b-ready{fill:var(--ready)}.wave-graph .node rect.b-degraded{fill:var(--degraded)}.wave-graph .node rect.b-blocked{fill:var(--blocked)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;color:var(--muted);font-weight:600;text-transform:uppercase;letter-spacing:.03em}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap}
.badge.ready{color:var(--ready);background:var(--ready-bg)}.badge.degraded{color:var(--degraded);background:var(--degraded-bg)}.badge.blocked{color:var(--blocked);background:var(--blocked-bg)}
.sev{font-weight:600;font-size:12px;text-transform:uppercase}.sev.error{color:var(--error)}.sev.warning{color:var(--warning)}.sev.info{color:var(--info)}
.chip{display:inline-block;margin:1px 4px 1px 0;padding:0 6px;border-radius:4px;border:1px solid var(--line);font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:nowrap}
.chip.error{border-color:var(--error)}.chip.warning{border-color:var(--warning)}
details>summary{cursor:pointer}
.rules>details{border-bottom:1px solid var(--line)}
.rules>details>summary{display:grid;grid-template-columns:72px 84px minmax(220px,1fr) 160px 70px 90px;gap:10px;padding:8px 4px;align-items:baseline;list-style:none}
.rules>details>summary::-webkit-details-marker{display:none}
.rules>details>summary code::before{content:"▸ ";color:var(--muted)}
.rules>details[open]>summary code::before{content:"▾ "}
.rules>details[open]>summary{background:var(--bg)}
.rules .head{display:grid;grid-template-columns:72px 84px minmax(220px,1fr) 160px 70px 90px;gap:10px;padding:4px 4px;font-size:12px;color:var(--muted);font-weight:600;text-transform:uppercase}
.rules .num{text-align:right}
.rules .body{padding:4px 8px 14px 20px}
.rules .body p{margin:6px 0}
.rules .body li{margin:3px 0}
.muted{color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin:0 0 10px}
.filters label{border:1px solid var(--line);border-radius:16px;padding:3px 12px;cursor:pointer;user-select:none}
.filters input[type=search]{margin-left:auto;min-width:280px;padding:5px 10px;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg);font:inherit}
.f{position:absolute;opacity:0;pointer-events:none}
#f-all:checked~.filters label[for=f-all],#f-blocked:checked~.filters label[for=f-blocked],
#f-degraded:checked~.filters label[for=f-degraded],#f-ready:checked~.filters label[for=f-ready]{background:var(--fg);color:var(--card);border-color:var(--fg)}
.f:focus-visible~.filters{outline:2px solid var(--accent);outline-offset:4px;border-radius:6px}
#f-blocked:checked~table tbody tr:not(.s-blocked),#f-degraded:checked~table tbody tr:not(.s-degraded),#f-ready:checked~table tbody tr:not(.s-ready){display:none}
tr[hidden]{display:none}
td.findings details summary{list-style:none}
td.findings .more{color:var(--muted);font-size:12px;margin-right:6px;white-space:nowrap}
td.findings details[open] .more::after{content:" ▾"}td.findings details:not([open]) .more::after{content:" ▸"}
td.nowrap{white-space:nowrap}
td.findings details summary::-webkit-details-marker{display:none}
td.findings ul{margin:6px 0 2px;padding-left:18px}
.pointer{color:var(--muted)}
tbody tr:target{outline:2px solid var(--accent)}
footer{color:var(--muted);font-size:12px;padding-bottom:32px}
@media print{.filters,.graph{max-height:none;overflow:visible}section{break-inside:avoid-page}}
`;

export const REPORT_SCRIPT = `(function(){
var q=document.getElementById('q');
var rows=Array.prototype.slice.call(document.querySelectorAll('#workload-table tbody tr'));
function search(){var v=q.value.trim().toLowerCase();rows.forEach(function(r){r.hidden=v!==''&&(r.getAttribute('data-search')||'').indexOf(v)<0;});}
if(q){q.addEventListener('input',search);}
Array.prototype.forEach.call(document.querySelectorAll('button[data-q]'),function(b){b.addEventListener('click',function(){
if(!q)return;q.value=b.getAttribute('data-q');document.getElementById('f-all').checked=true;search();document.getElementById('workloads').scrollIntoView();});});
function openTarget(){var t=location.hash&&document.getElementById(decodeURIComponent(location.hash.slice(1)));if(t&&t.tagName==='DETAILS'){t.open=true;}}
window.addEventListener('hashchange',openTarget);openTarget();
})();`;
