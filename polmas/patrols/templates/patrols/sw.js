// Polmas field pages (scope /patroli/): network first; without a network, the copy kept here.
// Kept: the static files below and the patrol list, patrol and session-form pages as they load.
// Never kept: POSTs (the outbox in outbox.js handles those), other pages, failed or redirected
// answers. Pages belong to one account: when another account's page reports in, they are dropped.
"use strict";
var VERSION = "VERSION";
var CACHE = "polmas-patroli-" + VERSION;
var PAGES = "polmas-patroli-pages";
var ASSETS = [{% for a in assets %}"{{ a|escapejs }}"{% if not forloop.last %}, {% endif %}{% endfor %}];
var PAGE_PATH = /^\/patroli\/(\d+\/(sesi\/baru\/)?)?$/;
var SLOW_MS = 8000;
var OFFLINE_HTML = "<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width'>" +
  "<title>Polmas</title><p style='font:1rem sans-serif;padding:1rem'>{{ offline_text|escapejs }} " +
  "<a href='{{ list_url|escapejs }}'>{{ list_label|escapejs }}</a></p>";

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(ASSETS); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) {
      return k.indexOf("polmas-patroli-") === 0 && k !== CACHE && k !== PAGES;
    }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

// Each field page reports its account; another account's cached pages are dropped.
self.addEventListener("message", function (event) {
  var user = String((event.data && event.data.user) || "");
  var reply = event.ports && event.ports[0];
  if (!user) { return; }
  event.waitUntil(caches.open(PAGES).then(function (c) {
    return c.match("/patroli/__owner__").then(function (hit) {
      return hit ? hit.text() : "";
    }).then(function (owner) {
      if (owner === user) { return; }
      return caches.delete(PAGES).then(function () { return caches.open(PAGES); })
        .then(function (fresh) { return fresh.put("/patroli/__owner__", new Response(user)); });
    }).then(function () { if (reply) { reply.postMessage("ok"); } });
  }));
});

function keep(cacheName, key, response) {
  if (response.ok && !response.redirected && response.type === "basic") {
    var copy = response.clone();
    caches.open(cacheName).then(function (c) { return c.put(key, copy); });
  }
  return response;
}

self.addEventListener("fetch", function (event) {
  var req = event.request;
  if (req.method !== "GET") { return; }
  var url = new URL(req.url);
  if (url.origin !== self.location.origin) { return; }
  var asset = ASSETS.indexOf(url.pathname) !== -1;
  var page = PAGE_PATH.test(url.pathname) && (req.headers.get("Accept") || "").indexOf("text/html") !== -1;
  if (!asset && !page) { return; }
  var key = url.pathname + url.search;
  var cacheName = asset ? CACHE : PAGES;
  var network = fetch(req).then(function (r) { return keep(cacheName, key, r); });
  event.waitUntil(network.catch(function () {}));
  event.respondWith(caches.match(key, { cacheName: cacheName, ignoreVary: true }).then(function (hit) {
    if (!hit) {
      return network.catch(function () {
        return page ? new Response(OFFLINE_HTML, { headers: { "Content-Type": "text/html; charset=utf-8" } })
          : Response.error();
      });
    }
    // A copy exists: use the network unless it fails or is too slow (a weak signal).
    var slow = new Promise(function (resolve) { setTimeout(function () { resolve(hit); }, SLOW_MS); });
    return Promise.race([network.catch(function () { return hit; }), slow]);
  }));
});
