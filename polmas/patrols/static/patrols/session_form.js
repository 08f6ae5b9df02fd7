// Dialogue session form: location from the phone, +/- counters. Works without it (plain form).
(function () {
  "use strict";
  var form = document.getElementById("session-form");
  if (!form) { return; }
  var status = document.getElementById("geo-status");
  function field(name) { return form.querySelector('[name="' + name + '"]'); }

  form.addEventListener("click", function (ev) {
    var btn = ev.target.closest(".step");
    if (!btn) { return; }
    var input = btn.parentNode.querySelector("input[type=number]");
    var next = (parseInt(input.value, 10) || 0) + parseInt(btn.dataset.step, 10);
    input.value = String(Math.max(0, next));
  });

  if (navigator.geolocation && !field("lat").value) {
    status.textContent = form.dataset.locating;
    navigator.geolocation.getCurrentPosition(function (pos) {
      field("lat").value = pos.coords.latitude.toFixed(6);
      field("lng").value = pos.coords.longitude.toFixed(6);
      field("accuracy_m").value = Math.round(pos.coords.accuracy);
      status.textContent = form.dataset.located.replace("%(m)s", Math.round(pos.coords.accuracy));
      status.dataset.located = "1";
    }, function () {
      status.textContent = form.dataset.failed;
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  }

  // A double tap must not send twice; the idempotency key protects the server side anyway.
  form.addEventListener("submit", function () {
    var button = document.getElementById("save-session");
    setTimeout(function () { button.disabled = true; }, 0);
  });
})();
