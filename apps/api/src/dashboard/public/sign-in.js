/*
 * /sign-in#<linkId>.<token>: the page a mailed sign-in link opens. The credential is in the
 * fragment, so it never reaches a server log; it is taken off the address bar at once, posted to
 * POST /auth/sessions, and the tokens are kept for this tab (session.js). An address with several
 * roles chooses one first (the link stays unused until then).
 */
(function () {
  'use strict';

  var Session = window.ChannelLedgerSession;
  var status = document.getElementById('status');
  var form = document.getElementById('membership-form');
  var credential = '';
  try {
    credential = decodeURIComponent(window.location.hash.replace(/^#/, '')).trim();
  } catch (_e) {
    credential = '';
  }
  if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);

  function say(text) {
    status.textContent = text;
  }

  function redeem(choice) {
    say('Signing you in…');
    var body = Object.assign({ token: credential }, choice || {});
    return Session.postJson('/auth/sessions', body).then(
      function (response) {
        if (response.ok) {
          return response.json().then(function (tokens) {
            Session.save(tokens);
            say('Signed in. Opening the dashboard…');
            window.location.replace('/dashboard');
          });
        }
        return Session.problemOf(response).then(function (problem) {
          if (problem.code === 'choose-membership' || problem.code === 'membership-not-held') {
            form.hidden = false;
            say(problem.detail);
            document.getElementById('membership-role').focus();
            return;
          }
          say(problem.detail + ' Ask for a new link on the dashboard page.');
        });
      },
      function () {
        say('The server could not be reached. Try the link again.');
      },
    );
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var role = document.getElementById('membership-role').value;
    var tenantId = document.getElementById('membership-tenant').value.trim();
    var choice = { role: role };
    if (tenantId) choice.tenantId = tenantId;
    redeem(choice);
  });

  if (!/^[0-9a-f-]{36}\.[A-Za-z0-9_-]+$/.test(credential)) {
    say('This page opens the sign-in links we mail. This link is incomplete: ask for a new one on the dashboard page.');
  } else {
    redeem();
  }
})();
