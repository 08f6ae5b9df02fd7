// Optional map pin on the public report form: fills the hidden lat/lng fields. No tiles needed.
(function () {
  "use strict";
  var el = document.getElementById("pin-map");
  if (!el || !window.L) { if (el) { el.style.display = "none"; } return; }
  var lat = document.querySelector("input[name=lat]");
  var lng = document.querySelector("input[name=lng]");
  var map = L.map(el).setView([-6.40, 108.28], 10);
  var marker = null;
  map.on("click", function (e) {
    if (marker) { marker.setLatLng(e.latlng); } else { marker = L.marker(e.latlng).addTo(map); }
    lat.value = e.latlng.lat.toFixed(6);
    lng.value = e.latlng.lng.toFixed(6);
  });
})();
