// What Jira's frame gives a Custom UI page: globalThis.__bridge.callBridge, which @forge/bridge calls.
(function () {
  var params = new URLSearchParams(location.search);
  var frame = { module: params.get('module'), project: params.get('project') };
  var colorMode = params.get('theme') === 'dark' ? 'dark' : 'light';

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

  function callBridge(name, payload) {
    if (name === 'enableTheming') return Promise.resolve(enableTheming());
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
