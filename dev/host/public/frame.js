// The local Jira frame: switches the user and the theme the app is seen with.
(function () {
  function setSession(change) {
    fetch('/__host/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) })
      .then(function () { location.reload(); });
  }
  var users = document.getElementById('user-switcher');
  if (users) users.addEventListener('change', function () { setSession({ accountId: users.value }); });
  // The app's view.createHistory(): its route is this page's URL below the app's own path.
  var app = document.getElementById('forge-app');
  var base = app ? app.getAttribute('data-app-base') : null;
  if (app && base) {
    var routeOf = function () {
      var rest = location.pathname.slice(base.length) || '/';
      return rest + location.search + location.hash;
    };
    window.addEventListener('message', function (event) {
      var data = event.data;
      if (event.source !== app.contentWindow || event.origin !== location.origin || !data || data.type !== 'forge-history') return;
      if (data.op === 'GO') return void history.go(Number(data.value) || 0);
      var route = String(data.value);
      if (route.charAt(0) !== '/') return;
      var url = route === '/' ? base : base + route;
      if (data.op === 'PUSH') history.pushState(null, '', url);
      if (data.op === 'REPLACE') history.replaceState(null, '', url);
    });
    window.addEventListener('popstate', function () {
      app.contentWindow.postMessage({ type: 'forge-history-pop', route: routeOf() }, location.origin);
    });
  }
  var theme = document.getElementById('theme-toggle');
  if (theme) theme.addEventListener('click', function () {
    setSession({ colorMode: document.documentElement.getAttribute('data-color-mode') === 'dark' ? 'light' : 'dark' });
  });
})();
