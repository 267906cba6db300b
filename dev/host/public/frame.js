// The local Jira frame: switches the user and the theme the app is seen with.
(function () {
  function setSession(change) {
    fetch('/__host/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) })
      .then(function () { location.reload(); });
  }
  var users = document.getElementById('user-switcher');
  if (users) users.addEventListener('change', function () { setSession({ accountId: users.value }); });
  var theme = document.getElementById('theme-toggle');
  if (theme) theme.addEventListener('click', function () {
    setSession({ colorMode: document.documentElement.getAttribute('data-color-mode') === 'dark' ? 'light' : 'dark' });
  });
})();
