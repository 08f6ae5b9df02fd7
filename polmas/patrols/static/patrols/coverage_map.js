// Coverage map: desa coloured by sessions in the period; grey when not visited for too long.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L) { return; }
  var map = L.map(el, { preferCanvas: true, zoomSnap: 0.25 });
  function colour(p) {
    if (p.stale || !p.sessions) { return "#b0b7c3"; }
    if (p.sessions >= 5) { return "#1e7b34"; }
    return "#7cc48a";
  }
  function onEach(feature, layer) {
    var p = feature.properties;
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = el.dataset.desaPage.replace("CODE", p.code);
    link.textContent = p.name + " (" + p.kecamatan + ")";
    box.appendChild(link);
    var meta = document.createElement("div");
    meta.textContent = p.sessions + " " + el.dataset.labelSessions + ", " + p.residents + " " +
      el.dataset.labelResidents + "; " + el.dataset.labelLast + ": " +
      (p.last_visit ? p.last_visit.slice(0, 10) : el.dataset.labelNever);
    box.appendChild(meta);
    layer.bindPopup(box);
  }
  fetch(el.dataset.url, { credentials: "same-origin" }).then(function (r) { return r.json(); })
    .then(function (data) {
      var layer = L.geoJSON(data, {
        style: function (f) { return { color: "#0b3d91", weight: 1, fillColor: colour(f.properties), fillOpacity: 0.6 }; },
        onEachFeature: onEach
      }).addTo(map);
      map.fitBounds(layer.getBounds());
      el.dataset.features = String(data.features.length);
      el.dataset.visited = String(data.features.filter(function (f) { return f.properties.sessions > 0; }).length);
    }).catch(function () { el.textContent = el.dataset.error; });
})();
