// Offline outbox for dialogue sessions. A session form submission is written to IndexedDB
// first (with its client-generated idempotency key and the GPS reading in the body), then sent;
// it leaves the outbox only when the server answers "stored" (201) or "already stored" (200).
// No signal, a timeout or a 5xx keeps it for the next try (the `online` event, every 30 s, each
// patrol page load). The server's idempotency key makes every re-send safe: never a duplicate.
// Without IndexedDB or fetch the form is posted the ordinary way.
(function () {
  "use strict";
  var box = document.getElementById("outbox-status");
  if (!box || !window.indexedDB || !window.fetch || !window.Promise) { return; }
  var DB_NAME = "polmas-outbox", STORE = "sessions", TIMEOUT_MS = 30000, RETRY_MS = 30000;
  var user = box.dataset.user;
  var inflight = {};
  var flushing = null;
  var dbPromise = null;

  function t(name, n) { return (box.dataset[name] || "").replace("%(n)s", n); }

  function openDb() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        var req = indexedDB.open(DB_NAME, 1);
        req.onupgradeneeded = function () { req.result.createObjectStore(STORE, { keyPath: "key" }); };
        req.onsuccess = function () { resolve(req.result); };
        req.onerror = function () { reject(req.error); };
      });
    }
    return dbPromise;
  }

  function run(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { resolve(result && "result" in result ? result.result : undefined); };
        tx.onerror = tx.onabort = function () { reject(tx.error); };
      });
    });
  }

  function items() {
    return run("readonly", function (s) { return s.getAll(); }).then(function (all) {
      return (all || []).sort(function (a, b) { return a.queuedAt - b.queuedAt; });
    });
  }
  function put(item) { return run("readwrite", function (s) { s.put(item); }); }
  function remove(key) { return run("readwrite", function (s) { s.delete(key); }); }

  function csrfToken() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (m) { return decodeURIComponent(m[1]); }
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  // One POST. Resolves to {state: "sent" | "pending" | "auth" | "failed", ...}; never rejects.
  function send(item, mode) {
    var ctrl = window.AbortController ? new AbortController() : null;
    var timer = ctrl ? setTimeout(function () { ctrl.abort(); }, TIMEOUT_MS) : null;
    inflight[item.key] = true;
    return fetch(item.url, {
      method: "POST",
      body: item.body,
      credentials: "same-origin",
      redirect: "manual",
      signal: ctrl ? ctrl.signal : undefined,
      headers: {
        "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
        "X-CSRFToken": csrfToken(),
        "X-Polmas-Outbox": mode,
        "Accept": "application/json"
      }
    }).then(function (r) {
      var json = (r.headers.get("Content-Type") || "").indexOf("application/json") === 0;
      if (!json) {
        // A redirect to the login page, a CSRF refusal or a proxy error page.
        var auth = r.type === "opaqueredirect" || r.status === 401 || r.status === 403;
        return { state: auth ? "auth" : "pending" };
      }
      return r.json().then(function (data) {
        if (data.ok) { return { state: "sent", url: data.url, replayed: data.replayed }; }
        if (r.status >= 500) { return { state: "pending" }; }
        return { state: "failed", errors: data.errors || [] };
      });
    }, function () {
      return { state: "pending" };
    }).then(function (outcome) {
      if (timer) { clearTimeout(timer); }
      delete inflight[item.key];
      return outcome;
    });
  }

  // Apply an outcome to the stored item: gone when sent, kept (with the reason) otherwise.
  function settle(item, outcome) {
    if (outcome.state === "sent") { return remove(item.key).then(function () { return outcome; }); }
    item.state = outcome.state;
    item.errors = outcome.errors || [];
    item.attempts = (item.attempts || 0) + 1;
    return put(item).then(function () { return outcome; });
  }

  function flushOnce() {
    return items().then(function (all) {
      var mine = all.filter(function (i) {
        return i.user === user && i.state !== "failed" && !inflight[i.key];
      });
      var sent = 0;
      return mine.reduce(function (chain, item) {
        return chain.then(function () {
          return send(item, "queued").then(function (o) {
            if (o.state === "sent") { sent += 1; }
            return settle(item, o);
          });
        });
      }, Promise.resolve()).then(function () { return sent; });
    });
  }

  // Send what is waiting, one item after the other. Calls during a flush share it.
  function flush() {
    if (!flushing) {
      flushing = flushOnce().then(function (sent) {
        flushing = null;
        return render(sent);
      }, function () { flushing = null; return render(0); });
    }
    return flushing;
  }

  // A submission from the session form: stored first, then sent once.
  function submit(form) {
    var params = new URLSearchParams(new FormData(form));
    params.delete("csrfmiddlewaretoken");
    var item = {
      key: params.get("idempotency_key") || newKey(),
      url: form.action,
      body: params.toString(),
      user: user,
      title: form.dataset.title || "",
      occurredAt: params.get("occurred_at") || "",
      located: !!params.get("lat"),
      queuedAt: Date.now(),
      state: "pending",
      attempts: 0
    };
    return put(item).then(function () {
      return send(item, "live");
    }).then(function (outcome) {
      return settle(item, outcome);
    }).then(function (outcome) {
      return render(0).then(function () { return outcome; });
    });
  }

  function discard(key) { return remove(key).then(function () { return render(0); }); }

  function render(sentNow) {
    return items().then(function (all) {
      var mine = all.filter(function (i) { return i.user === user; });
      var waiting = mine.filter(function (i) { return i.state !== "failed"; });
      var lines = [];
      if (waiting.length) {
        lines.push(t(navigator.onLine === false ? "offline" : "queued"));
        lines.push(t("count", waiting.length));
        if (waiting.some(function (i) { return i.state === "auth"; })) { lines.push(t("auth")); }
        lines.push(t("photos"));
      } else if (sentNow) {
        lines.push(t("sent", sentNow));
      }
      var list = document.createElement("ul");
      mine.forEach(function (i) {
        var li = document.createElement("li");
        li.dataset.key = i.key;
        li.dataset.state = i.state;
        li.textContent = (i.title ? i.title + " · " : "") + i.occurredAt.replace("T", " ") +
          (i.located ? "" : " · " + t("nogps")) +
          (i.state === "failed" ? " — " + t("failed") + " " + i.errors.join(" ") : "");
        if (i.state === "failed") {
          var b = document.createElement("button");
          b.type = "button";
          b.className = "secondary";
          b.textContent = t("discard");
          b.addEventListener("click", function () { discard(i.key); });
          li.appendChild(b);
        }
        list.appendChild(li);
      });
      box.textContent = "";
      lines.forEach(function (line) {
        var p = document.createElement("p");
        p.textContent = line;
        box.appendChild(p);
      });
      if (mine.length) { box.appendChild(list); }
      box.hidden = !lines.length && !mine.length;
      box.dataset.pending = String(waiting.length);
      box.dataset.failed = String(mine.length - waiting.length);
      return { pending: waiting.length, sent: sentNow };
    });
  }

  // The service worker keeps the field pages for offline use; the patrol page also fetches its
  // session form once, so that the form opens even if the signal is gone by the next stop.
  function startWorker() {
    if (!("serviceWorker" in navigator) || !box.dataset.sw) { return; }
    navigator.serviceWorker.register(box.dataset.sw, { scope: "/patroli/" }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (reg) {
      // The worker first drops another account's pages, then this page may fill the cache.
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function () { resolve(); };
        reg.active.postMessage({ user: user }, [channel.port2]);
      });
    }).then(function () {
      var add = document.getElementById("add-session");
      if (!add) { return; }
      var prefetch = function () {
        fetch(add.href, { credentials: "same-origin", headers: { "Accept": "text/html" } }).catch(function () {});
      };
      if (navigator.serviceWorker.controller) { prefetch(); } else {
        navigator.serviceWorker.addEventListener("controllerchange", prefetch, { once: true });
      }
    }).catch(function () {});
  }

  window.polmasOutbox = { submit: submit, flush: flush, items: items, newKey: newKey, discard: discard };
  window.addEventListener("online", flush);
  window.addEventListener("offline", function () { render(0); });
  setInterval(function () { if (navigator.onLine !== false) { flush(); } }, RETRY_MS);
  flush();
  startWorker();
})();
