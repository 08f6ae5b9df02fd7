// Command map: desa polygons fetched once (compact boundaries API, revalidated by ETag), recoloured per layer
// from one compact values endpoint; clicking a desa loads its panel (htmx-style fragment).
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L) { return; }
  var map = L.map(el, { zoomSnap: 0.25 });
  var status = document.getElementById("map-status");
  var panel = document.getElementById("desa-panel");
  var emptyBox = document.getElementById("layer-empty");
  var data = null, desaLayer = null, current = 0, selected = null;

  function json(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    });
  }
  function colorFor(layer, value) {
    if (value === null || value === undefined) { return "#bbbbbb"; }
    for (var i = 0; i < layer.breaks.length; i++) {
      if (value < layer.breaks[i]) { return layer.colors[i]; }
    }
    return layer.colors[layer.colors.length - 1];
  }
  function styleFor(feature) {
    var values = data.desa[feature.properties.code];
    var layer = data.layers[current];
    var v = values ? values[current] : null;
    var isSel = selected === feature.properties.code;
    return { color: isSel ? "#000" : "#333", weight: isSel ? 3 : 0.6, fillOpacity: 0.75, fillColor: colorFor(layer, v) };
  }
  function legend() {
    var layer = data.layers[current], box = document.getElementById("legend");
    box.innerHTML = "";
    var title = document.createElement("strong");
    title.textContent = layer.label;
    box.appendChild(title);
    var prev = null;
    layer.colors.forEach(function (c, i) {
      var item = document.createElement("span");
      var sw = document.createElement("i"); sw.style.background = c; item.appendChild(sw);
      var hi = layer.breaks[i];
      item.appendChild(document.createTextNode(
        hi === undefined ? "≥ " + prev : (prev === null ? "< " + hi : prev + "–" + (hi - (Number.isInteger(hi) ? 1 : 0)))));
      prev = hi;
      box.appendChild(item);
    });
    var none = document.createElement("span");
    var sw = document.createElement("i"); sw.style.background = "#bbbbbb"; none.appendChild(sw);
    none.appendChild(document.createTextNode(el.dataset.noValue));
    box.appendChild(none);
    emptyBox.hidden = !layer.empty;
    emptyBox.textContent = layer.empty || "";
  }
  function recolour() {
    if (desaLayer) { desaLayer.setStyle(styleFor); }
    legend();
    el.dataset.layer = data.layers[current].key;
  }
  function switcher() {
    var box = document.getElementById("layer-switch");
    data.layers.forEach(function (layer, i) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "radio"; input.name = "layer"; input.value = layer.key; input.checked = i === current;
      input.addEventListener("change", function () { current = i; recolour(); });
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + layer.label));
      box.appendChild(label);
    });
  }
  function summary() {
    var s = data.summary, box = document.getElementById("summary");
    box.textContent = "";
    [["kondusif", s.kondusif], ["desa", s.desa], ["kasus terbuka", s.open_cases], ["lewat tenggat", s.overdue],
     ["sesi", s.sessions], ["laporan hoaks", s.hoaxes], ["desa >14 hari tak dikunjungi", s.not_visited_14]]
      .forEach(function (kv) {
        var span = document.createElement("span");
        span.className = "figure";
        span.textContent = kv[0] + ": " + (kv[1] === null ? "—" : kv[1]);
        box.appendChild(span);
      });
    if (data.as_of_wib && el.dataset.asOf) {
      var asOf = document.createElement("span");
      asOf.className = "figure muted";
      asOf.id = "as-of";
      asOf.textContent = el.dataset.asOf.replace("%(time)s", data.as_of_wib);
      box.appendChild(asOf);
    }
    var body = document.querySelector("#units tbody");
    if (!body) { return; }
    data.units.forEach(function (u) {
      var tr = document.createElement("tr");
      var link = document.createElement("a");
      var params = new URLSearchParams(window.location.search); params.set("unit", u.code);
      link.href = "?" + params.toString(); link.textContent = u.name;
      var td = document.createElement("td"); td.appendChild(link); tr.appendChild(td);
      [u.desa, u.kondusif, u.open, u.overdue, u.sessions, u.stale].forEach(function (v) {
        var c = document.createElement("td"); c.textContent = v === null ? "—" : v; tr.appendChild(c);
      });
      body.appendChild(tr);
    });
  }
  function openDesa(code) {
    selected = code;
    recolour();
    var url = el.dataset.desaPage.replace("CODE", encodeURIComponent(code));
    fetch(url, { credentials: "same-origin", headers: { "HX-Request": "true" } })
      .then(function (r) { return r.text(); })
      .then(function (html) { panel.innerHTML = html; panel.scrollIntoView({ block: "nearest" }); });
  }

  Promise.all([json(el.dataset.boundaries), json(el.dataset.layers), json(el.dataset.kec)]).then(function (res) {
    data = res[1];
    var inScope = { type: "FeatureCollection", features: res[0].features.filter(function (f) { return data.desa[f.properties.code]; }) };
    desaLayer = L.geoJSON(inScope, {
      style: styleFor,
      onEachFeature: function (feature, layer) {
        layer.bindTooltip(feature.properties.name);
        layer.on("add", function () { layer.getElement().setAttribute("data-code", feature.properties.code); });
        layer.on("click", function () { openDesa(feature.properties.code); });
      }
    }).addTo(map);
    L.geoJSON(res[2], { style: { color: "#1b2430", weight: 1.5, fill: false }, interactive: false }).addTo(map);
    if (inScope.features.length) { map.fitBounds(desaLayer.getBounds()); }
    switcher();
    summary();
    recolour();
    el.dataset.desaFeatures = String(inScope.features.length);
    status.textContent = status.dataset.loaded.replace("%(desa)s", inScope.features.length);
  }).catch(function () { status.textContent = el.dataset.error; });
})();
