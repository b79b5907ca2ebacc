/**
 * The application's one style sheet and one script, served as files
 * (/static/app.css, /static/app.js): the Content-Security-Policy allows no inline
 * code. The script only uploads and filters; every page reads without it.
 */

export const APP_CSS = `
:root { --ink: #1d2733; --muted: #5b6773; --line: #d8dee4; --accent: #0b5cad; --err: #b42318; --warn: #b54708; --info: #475467; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
.bar { display: flex; gap: 2rem; align-items: baseline; padding: .7rem 1.5rem; background: var(--ink); color: #fff; }
.bar .brand { font-weight: 600; }
.bar nav a { color: #dbe7f3; margin-right: 1.2rem; text-decoration: none; }
.bar nav a[aria-current="page"] { color: #fff; border-bottom: 2px solid #fff; }
main { padding: 1rem 1.5rem 3rem; max-width: 1280px; }
h1 { font-size: 1.45rem; margin: .6rem 0 .8rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
td code, .sev { white-space: nowrap; }
th { background: var(--bg); font-weight: 600; font-size: .9rem; }
td.num, th.num { text-align: right; white-space: nowrap; }
.muted, .note { color: var(--muted); }
.sev { display: inline-block; padding: 0 .45rem; border-radius: .7rem; font-size: .82rem; color: #fff; }
.sev-error { background: var(--err); } .sev-warning { background: var(--warn); } .sev-info { background: var(--info); }
.counts .sev { margin-right: .2rem; }
.zero { color: #98a2b3; }
form.filters { display: flex; flex-wrap: wrap; gap: .8rem; align-items: end; margin: .5rem 0 1rem; }
form.filters label, form.search label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
select, input[type="search"], input[type="text"] { font: inherit; padding: .3rem .4rem; border: 1px solid #b7c0c9; border-radius: .3rem; min-width: 10rem; }
form.search input[type="search"] { min-width: 28rem; }
button { font: inherit; padding: .35rem .9rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: .3rem; cursor: pointer; }
label.check { flex-direction: row !important; gap: .35rem; align-items: center; }
.dropzone { border: 2px dashed #9fb3c8; border-radius: .6rem; padding: 1.1rem 1.3rem; background: var(--bg); margin: .6rem 0 1.2rem; }
.dropzone.over { border-color: var(--accent); background: #e8f1fb; }
.dropzone input[type="file"] { font: inherit; }
.upload-status { margin: .5rem 0 0; min-height: 1.3em; }
.error-line { color: var(--err); font-weight: 600; overflow-wrap: anywhere; }
.csv { margin: .2rem 0 1rem; font-size: .9rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .4rem 0 1rem; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.actions a { margin-right: 1.2rem; }
mark { background: #fff2a8; padding: 0 .1rem; }
.filter-row { margin: .3rem 0; }
.change-added { color: #067647; } .change-dropped { color: var(--err); } .change-changed { color: var(--warn); }
ul.delta { margin: .2rem 0 0 1rem; padding: 0; color: var(--muted); font-size: .9rem; }
.report-nav { padding: .5rem 1.5rem; background: var(--ink); font: 15px system-ui, sans-serif; }
.report-nav a { color: #fff; margin-right: 1.2rem; }
`;

export const APP_JS = `"use strict";
(function () {
  // Filters: a change of a select submits its form (the button stays for readers without JS).
  document.querySelectorAll("form.filters select, form.filters input[type=checkbox]").forEach(function (el) {
    el.addEventListener("change", function () { el.form.submit(); });
  });
  // Row filter: hides the rows of the table named by data-table that do not contain the text.
  document.querySelectorAll("input[data-table]").forEach(function (input) {
    var target = document.getElementById(input.getAttribute("data-table"));
    if (!target) return;
    var box = input.closest("label");
    if (box) box.hidden = false;
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
      target.querySelectorAll("tbody tr").forEach(function (tr) {
        var text = tr.textContent.toLowerCase();
        tr.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
    });
  });
  // Upload: the file goes as the request body; the answer is a page to open or a refusal to show (as text).
  var zone = document.getElementById("dropzone");
  if (!zone) return;
  var input = document.getElementById("file");
  var status = document.getElementById("upload-status");
  var max = Number(zone.getAttribute("data-max-bytes"));
  zone.hidden = false;
  function say(text, isError) {
    status.textContent = text;
    status.className = "upload-status" + (isError ? " error-line" : "");
  }
  function upload(file) {
    if (!file) return;
    if (file.size > max) { say(zone.getAttribute("data-too-large").replace("%s", file.name), true); return; }
    say(zone.getAttribute("data-reading") + " " + file.name + "…", false);
    fetch("/carica?nome=" + encodeURIComponent(file.name), {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream", "X-Piao-Upload": "1" },
      body: file
    }).then(function (r) { return r.json(); }).then(function (answer) {
      if (answer.url) window.location.assign(answer.url);
      else say(answer.line || answer.message || "?", true);
    }).catch(function (e) { say(String(e), true); });
  }
  input.addEventListener("change", function () { upload(input.files[0]); });
  ["dragenter", "dragover"].forEach(function (t) {
    zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (t) {
    zone.addEventListener(t, function () { zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) upload(e.dataTransfer.files[0]);
  });
})();
`;
