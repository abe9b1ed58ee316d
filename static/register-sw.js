// Registers the service worker (offline use) and tells the user when a new build is ready,
// offering to reload. Until the user reloads, the open app keeps running on its own build.
// The banner speaks the page's language: the app puts its words on <html> (data-update-text,
// data-update-button) whenever the language changes; English until the app has started.
(function () {
  if (!('serviceWorker' in navigator)) return;
  var reloading = false;
  var userAskedReload = false;

  function offerReload(worker) {
    if (document.querySelector('.update-banner')) return;
    var banner = document.createElement('div');
    banner.className = 'update-banner';
    banner.setAttribute('role', 'status');
    banner.setAttribute('data-testid', 'update-ready');
    var root = document.documentElement;
    var text = document.createElement('span');
    text.textContent = root.getAttribute('data-update-text') || 'A new version of ivocalc is ready. ';
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = root.getAttribute('data-update-button') || 'Reload to update';
    button.addEventListener('click', function () {
      button.disabled = true;
      userAskedReload = true;
      worker.postMessage('skip-waiting');
    });
    banner.appendChild(text);
    banner.appendChild(button);
    document.body.appendChild(banner);
  }

  function watch(registration) {
    if (registration.waiting && navigator.serviceWorker.controller) offerReload(registration.waiting);
    registration.addEventListener('updatefound', function () {
      var worker = registration.installing;
      if (!worker) return;
      worker.addEventListener('statechange', function () {
        // A first install needs no reload; a new build waiting behind a running one does.
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offerReload(worker);
      });
    });
  }

  // The page is drawn in another language than English once its texts are loaded (<html lang>
  // changes then): the worker keeps that language's files for offline use, also when the page
  // loaded them before the worker controlled it (a first visit).
  function keepLanguage() {
    var lang = document.documentElement.lang;
    if (!lang || lang === 'en') return;
    navigator.serviceWorker.ready.then(function (ready) {
      if (ready.active) ready.active.postMessage({ cacheLanguage: lang });
    });
  }
  new MutationObserver(keepLanguage).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  keepLanguage();

  navigator.serviceWorker.addEventListener('controllerchange', function () {
    // Only the user's choice reloads; the first install (clients.claim) changes nothing on screen.
    if (reloading || !userAskedReload) return;
    reloading = true;
    window.location.reload();
  });

  window.addEventListener('load', function () {
    navigator.serviceWorker.register('sw.js').then(function (registration) {
      watch(registration);
      // Look for a new build whenever the app comes back to the foreground.
      document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'visible') registration.update().catch(function () {});
      });
    }).catch(function (error) {
      console.warn('ivocalc: offline use is not available:', error);
    });
  });
})();
