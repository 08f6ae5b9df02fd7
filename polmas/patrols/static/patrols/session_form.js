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

  function locate() {
    if (!navigator.geolocation || field("lat").value) { return; }
    status.textContent = form.dataset.locating;
    delete status.dataset.located;
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

  // Now as WIB wall time (the server reads the field in Asia/Jakarta), whatever the phone's zone.
  function nowWib() {
    var offset = parseInt(form.dataset.utcOffset || "420", 10);
    return new Date(Date.now() + offset * 60000).toISOString().slice(0, 16);
  }

  // Every load gets its own key: a page kept by the service worker (opened offline) would
  // otherwise give two sessions recorded from it the same idempotency key. Its time is old too.
  function newKey() {
    if (window.polmasOutbox) { field("idempotency_key").value = window.polmasOutbox.newKey(); }
  }
  newKey();
  if (Date.now() - parseInt(form.dataset.renderedAt || "0", 10) > 120000) {
    field("occurred_at").value = nowWib();
  }
  locate();

  var button = document.getElementById("save-session");
  form.addEventListener("submit", function (ev) {
    // A double tap must not send twice; the idempotency key protects the server side anyway.
    if (button.disabled) { ev.preventDefault(); return; }
    if (!window.polmasOutbox) {
      setTimeout(function () { button.disabled = true; }, 0);
      return;  // the ordinary form post
    }
    ev.preventDefault();
    button.disabled = true;
    window.polmasOutbox.submit(form).then(function (outcome) {
      if (outcome.state === "sent") {
        window.location.assign(outcome.url);
        return;
      }
      if (outcome.state === "failed") {
        // Refused (validation, conflict): nothing was stored on the server. Post the form the
        // ordinary way so the server shows the errors next to the fields.
        window.polmasOutbox.discard(field("idempotency_key").value).then(function () {
          HTMLFormElement.prototype.submit.call(form);
        });
        return;
      }
      // Kept on the phone: clear the form for the next session, with a new key.
      form.reset();
      newKey();
      field("occurred_at").value = nowWib();
      field("lat").value = "";
      field("lng").value = "";
      field("accuracy_m").value = "";
      locate();
      button.disabled = false;
      document.getElementById("outbox-status").scrollIntoView({ block: "center" });
    });
  });
})();
