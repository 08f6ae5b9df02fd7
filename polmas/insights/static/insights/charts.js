// Charts page: one JSON request, five Chart.js charts; an explained empty state per chart.
(function () {
  "use strict";
  var box = document.getElementById("charts");
  if (!box || !window.Chart) { return; }
  var labels = JSON.parse(box.dataset.labels);
  var palette = ["#0b3d91", "#d73027", "#1a9850", "#fc8d59", "#6baed6", "#984ea3", "#ff7f00", "#a65628", "#f781bf", "#999999", "#4daf4a", "#377eb8", "#e41a1c"];
  function empty(id) {
    var section = document.getElementById(id).parentNode;
    document.getElementById(id).hidden = true;
    var p = section.querySelector(".empty"); p.hidden = false; p.textContent = labels.empty;
  }
  function sum(a) { return a.reduce(function (s, x) { return s + (x || 0); }, 0); }
  fetch(box.dataset.url, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (d) {
    var opts = { animation: false, responsive: true, plugins: { legend: { position: "bottom" } } };
    if (d.categories.length) {
      new Chart(document.getElementById("chart-cases"), { type: "bar", options: Object.assign({ scales: { x: { stacked: true }, y: { stacked: true } } }, opts),
        data: { labels: d.days, datasets: d.categories.map(function (c, i) { return { label: c.label, data: c.data, backgroundColor: palette[i % palette.length] }; }) } });
    } else { empty("chart-cases"); }
    if (sum(d.sla.closed)) {
      document.getElementById("sla-total").textContent = "(" + d.sla.total_percent + "%)";
      new Chart(document.getElementById("chart-sla"), { type: "line", options: Object.assign({ scales: { y: { min: 0, max: 100 } } }, opts),
        data: { labels: d.days, datasets: [{ label: labels.sla, data: d.sla.percent, borderColor: palette[2], spanGaps: true }] } });
    } else { empty("chart-sla"); }
    if (sum(d.patrols) || sum(d.sessions)) {
      new Chart(document.getElementById("chart-patrols"), { type: "bar", options: opts,
        data: { labels: d.days, datasets: [{ label: labels.patrols, data: d.patrols, backgroundColor: palette[0] }, { label: labels.sessions, data: d.sessions, backgroundColor: palette[4] }] } });
    } else { empty("chart-patrols"); }
    if (d.topics.length) {
      new Chart(document.getElementById("chart-topics"), { type: "bar", options: Object.assign({ indexAxis: "y" }, opts),
        data: { labels: d.topics.map(function (t) { return t.label; }), datasets: [{ label: labels.topics, data: d.topics.map(function (t) { return t.deliveries; }), backgroundColor: palette[5] }] } });
    } else { empty("chart-topics"); }
    if (sum(d.residents)) {
      new Chart(document.getElementById("chart-residents"), { type: "line", options: opts,
        data: { labels: d.days, datasets: [{ label: labels.residents, data: d.residents, borderColor: palette[3] }] } });
    } else { empty("chart-residents"); }
    box.dataset.loaded = "1";
  }).catch(function () { box.insertAdjacentText("afterbegin", box.dataset.error); });
})();
