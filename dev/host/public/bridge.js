// What Jira's frame gives a Custom UI page: globalThis.__bridge.callBridge, which @forge/bridge calls.
(function () {
  var params = new URLSearchParams(location.search);
  var frame = { module: params.get('module'), project: params.get('project') };
  var colorMode = params.get('theme') === 'dark' ? 'dark' : 'light';
  var initialRoute = params.get('route') || '/';

  function enableTheming() {
    var html = document.documentElement;
    html.setAttribute('data-color-mode', colorMode);
    html.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography shape:shape');
    ['light', 'dark', 'spacing', 'typography', 'shape'].forEach(function (name) {
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/__host/theme/' + name + '.css';
      document.head.appendChild(link);
    });
    return true;
  }

  function toLocation(to, state) {
    var path = typeof to === 'string' ? to : (to.pathname || '/') + (to.search || '') + (to.hash || '');
    var url = new URL(path, 'http://route');
    return { pathname: url.pathname, search: url.search, hash: url.hash, state: state === undefined ? null : state, key: Math.random().toString(36).slice(2, 10) };
  }

  // As in Jira: the app's route is the page URL below the module's own path; the frame keeps the two in step.
  var history = null;
  function createHistory() {
    if (history) return history;
    var listeners = [];
    function settle(action, next) {
      history.action = action;
      history.location = next;
      listeners.slice().forEach(function (listener) { listener(next, action); });
    }
    function tell(op, value) {
      parent.postMessage({ type: 'forge-history', op: op, value: value }, location.origin);
    }
    function navigate(action, to, state) {
      var next = toLocation(to, state);
      tell(action, next.pathname + next.search + next.hash);
      settle(action, next);
    }
    history = {
      action: 'POP',
      location: toLocation(initialRoute),
      length: 1,
      push: function (to, state) { navigate('PUSH', to, state); },
      replace: function (to, state) { navigate('REPLACE', to, state); },
      go: function (delta) { tell('GO', delta); },
      goBack: function () { tell('GO', -1); },
      goForward: function () { tell('GO', 1); },
      back: function () { tell('GO', -1); },
      forward: function () { tell('GO', 1); },
      createHref: function (to) { var next = toLocation(to); return next.pathname + next.search + next.hash; },
      block: function () { return function () {}; },
      listen: function (listener) {
        listeners.push(listener);
        return function () { listeners = listeners.filter(function (l) { return l !== listener; }); };
      }
    };
    window.addEventListener('message', function (event) {
      if (event.source !== parent || event.origin !== location.origin || !event.data || event.data.type !== 'forge-history-pop') return;
      settle('POP', toLocation(String(event.data.route)));
    });
    return history;
  }

  function callBridge(name, payload) {
    if (name === 'enableTheming') return Promise.resolve(enableTheming());
    if (name === 'createHistory') return Promise.resolve(createHistory());
    return fetch('/__host/bridge', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: name, payload: payload, frame: frame })
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!body.ok) throw new Error(body.error || 'The local bridge failed');
        return body.result;
      });
    });
  }

  globalThis.__bridge = { callBridge: callBridge };
})();
