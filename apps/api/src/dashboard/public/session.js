/*
 * The signed-in session of this browser tab: the access and refresh tokens from POST /auth/sessions,
 * kept in sessionStorage (gone when the tab closes, never sent anywhere but this server). Requests
 * carry the access token; one that is about to expire, or is refused with 401, is refreshed once
 * with POST /auth/sessions/refresh (which rotates the refresh token, so refreshes never overlap).
 */
(function () {
  'use strict';

  var KEY = 'channel-ledger.session';
  var EARLY_MS = 30000;
  var refreshing = null;

  function SignedOut(message) {
    this.name = 'SignedOut';
    this.message = message || 'Not signed in.';
  }
  SignedOut.prototype = Object.create(Error.prototype);

  function load() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(KEY) || 'null');
      return saved && typeof saved.accessToken === 'string' && typeof saved.refreshToken === 'string' ? saved : null;
    } catch (_e) {
      return null;
    }
  }

  /** Keeps the answer of POST /auth/sessions or /auth/sessions/refresh. */
  function save(tokens) {
    var session = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.now() + Number(tokens.expiresIn || 0) * 1000,
      principal: tokens.principal || null,
    };
    window.sessionStorage.setItem(KEY, JSON.stringify(session));
    return session;
  }

  function clear() {
    window.sessionStorage.removeItem(KEY);
  }

  function postJson(url, body, headers) {
    return window.fetch(url, {
      method: 'POST',
      headers: Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, headers || {}),
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  }

  /** A problem+json answer as { status, code, detail }. */
  function problemOf(response) {
    return response.json().then(
      function (body) {
        return { status: response.status, code: body && body.code, detail: (body && body.detail) || response.statusText };
      },
      function () {
        return { status: response.status, code: null, detail: response.statusText };
      },
    );
  }

  function refresh() {
    if (refreshing) return refreshing;
    var current = load();
    if (!current) return Promise.reject(new SignedOut());
    refreshing = postJson('/auth/sessions/refresh', { refreshToken: current.refreshToken })
      .then(function (response) {
        if (!response.ok) {
          clear();
          throw new SignedOut('Your session has ended; sign in again.');
        }
        return response.json().then(save);
      })
      .finally(function () {
        refreshing = null;
      });
    return refreshing;
  }

  function withToken(url, options, session) {
    var headers = Object.assign({}, (options && options.headers) || {}, { Authorization: 'Bearer ' + session.accessToken });
    return window.fetch(url, Object.assign({ credentials: 'omit', cache: 'no-store' }, options || {}, { headers: headers }));
  }

  /** fetch() with the session's access token; refreshes it once when needed. Rejects with SignedOut. */
  function authorizedFetch(url, options) {
    var session = load();
    if (!session) return Promise.reject(new SignedOut());
    var ready = session.expiresAt - Date.now() < EARLY_MS ? refresh() : Promise.resolve(session);
    return ready.then(function (fresh) {
      return withToken(url, options, fresh).then(function (response) {
        if (response.status !== 401) return response;
        return refresh().then(function (renewed) {
          return withToken(url, options, renewed).then(function (again) {
            if (again.status === 401) {
              clear();
              throw new SignedOut('Your session has ended; sign in again.');
            }
            return again;
          });
        });
      });
    });
  }

  function signOut() {
    var session = load();
    clear();
    if (!session) return Promise.resolve();
    return withToken('/auth/session', { method: 'DELETE' }, session).then(
      function () {},
      function () {},
    );
  }

  window.ChannelLedgerSession = {
    load: load,
    save: save,
    clear: clear,
    postJson: postJson,
    problemOf: problemOf,
    fetch: authorizedFetch,
    refresh: refresh,
    signOut: signOut,
    SignedOut: SignedOut,
  };
})();
