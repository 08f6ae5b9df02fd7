// Desa boundaries on a Leaflet map, served by Polmas itself (works with no internet; no tiles).
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L) { return; }
  var status = document.getElementById("map-status");
  var map = L.map(el, { zoomSnap: 0.25 });
  var desaPage = el.dataset.desaPage;

  function style() { return { color: "#0b3d91", weight: 1, fillColor: "#7aa7e0", fillOpacity: 0.25 }; }

  function onEach(feature, layer) {
    var p = feature.properties;
    var link = document.createElement("a");
    link.href = desaPage.replace("CODE", p.code);
    link.textContent = p.name;
    var box = document.createElement("div");
    box.appendChild(link);
    var meta = document.createElement("div");
    meta.textContent = p.code + (p.tps !== null ? " · " + el.dataset.tpsLabel + ": " + p.tps : "");
    box.appendChild(meta);
    layer.bindPopup(box);
    layer.on("mouseover", function () { layer.setStyle({ fillOpacity: 0.5 }); });
    layer.on("mouseout", function () { layer.setStyle({ fillOpacity: 0.25 }); });
  }

  Promise.all([
    fetch(el.dataset.desaUrl, { credentials: "same-origin" }).then(function (r) { return r.json(); }),
    fetch(el.dataset.kecUrl, { credentials: "same-origin" }).then(function (r) { return r.json(); })
  ]).then(function (data) {
    var desa = L.geoJSON(data[0], { style: style, onEachFeature: onEach }).addTo(map);
    L.geoJSON(data[1], { style: { color: "#1b2430", weight: 2, fill: false }, interactive: false }).addTo(map);
    map.fitBounds(desa.getBounds());
    el.dataset.desaFeatures = String(data[0].features.length);
    el.dataset.kecFeatures = String(data[1].features.length);
    if (status) {
      status.textContent = status.dataset.loaded
        .replace("%(desa)s", data[0].features.length)
        .replace("%(kec)s", data[1].features.length);
    }
  }).catch(function () {
    if (status) { status.textContent = el.dataset.error; }
  });
})();
