/*
 * The reporting dashboard. Signed out: a form that mails a sign-in link (the link opens /sign-in,
 * which keeps the tokens for this tab). Signed in as a vendor administrator: every reseller of the
 * vendor; as a reseller: its own figures only. Every figure comes from the reporting read model
 * (GET /reports/…/dashboard/<table>); the page only lays them out. Amounts are decimal strings
 * shown as they come, next to their currency; a chart adds amounts only within one currency.
 * Each chart is labelled and its table, right below it, is the accessible alternative.
 */
(function () {
  'use strict';

  var Session = window.ChannelLedgerSession;
  var TABLES = ['revenue', 'seats', 'active-subscriptions', 'renewals-due', 'transfers', 'issuance-utilization'];
  var COLORS = ['#1f5fa8', '#d9822b', '#2e8540', '#8c3f99', '#b8323c', '#5c6670'];
  var ROLE_NAMES = { 'vendor-admin': 'vendor administrator', reseller: 'reseller' };

  /** Rows a table shows before "Show all" (the CSV and the JSON always have every row). */
  var ROW_LIMIT = 50;

  var state = { base: null, scope: null, overview: null, filter: {}, tables: {}, charts: {}, chartCurrency: {}, showAll: {} };

  function $(id) {
    return document.getElementById(id);
  }

  function say(text) {
    $('status').textContent = text;
  }

  // -- decimal amounts (exact sums of decimal strings of one currency) -------------------------

  function parseDecimal(text) {
    var negative = text.charAt(0) === '-';
    var parts = (negative ? text.slice(1) : text).split('.');
    return { negative: negative, int: parts[0] || '0', frac: parts[1] || '' };
  }

  function addDecimals(a, b) {
    var x = parseDecimal(a);
    var y = parseDecimal(b);
    var scale = Math.max(x.frac.length, y.frac.length);
    var toBig = function (d) {
      var digits = BigInt(d.int + d.frac.padEnd(scale, '0'));
      return d.negative ? -digits : digits;
    };
    var sum = toBig(x) + toBig(y);
    var negative = sum < 0n;
    var digits = (negative ? -sum : sum).toString().padStart(scale + 1, '0');
    var text = scale === 0 ? digits : digits.slice(0, digits.length - scale) + '.' + digits.slice(digits.length - scale);
    return (negative ? '-' : '') + text;
  }

  // -- fetching --------------------------------------------------------------------------------

  function query(params) {
    var search = new URLSearchParams();
    Object.keys(params).forEach(function (key) {
      if (params[key] !== undefined && params[key] !== null && params[key] !== '') search.set(key, params[key]);
    });
    var text = search.toString();
    return text ? '?' + text : '';
  }

  function filterParams() {
    var f = state.filter;
    var params = { fromMonth: f.fromMonth, toMonth: f.toMonth, currency: f.currency };
    if (state.scope === 'vendor') params.resellerId = f.resellerId;
    return params;
  }

  function getJson(url) {
    return Session.fetch(url, { headers: { Accept: 'application/json' } }).then(function (response) {
      if (response.ok) return response.json();
      return Session.problemOf(response).then(function (problem) {
        throw new Error(problem.detail);
      });
    });
  }

  // -- signing in and out ----------------------------------------------------------------------

  function showSignIn(message) {
    $('dashboard').hidden = true;
    $('sign-out').hidden = true;
    $('who').textContent = '';
    $('sign-in').hidden = false;
    say(message || 'Sign in to see the figures.');
  }

  $('sign-in-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var email = $('sign-in-email').value.trim();
    var out = $('sign-in-status');
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
      out.textContent = 'Enter your e-mail address.';
      $('sign-in-email').focus();
      return;
    }
    out.textContent = 'Sending…';
    Session.postJson('/auth/sign-in-links', { email: email }).then(
      function (response) {
        if (response.ok) {
          out.textContent =
            'If this address has an account, a sign-in link is on its way. Open it in this browser; it is valid for 24 hours and works once.';
          return;
        }
        return Session.problemOf(response).then(function (problem) {
          out.textContent = problem.detail;
        });
      },
      function () {
        out.textContent = 'The server could not be reached.';
      },
    );
  });

  $('sign-out').addEventListener('click', function () {
    Session.signOut().then(function () {
      showSignIn('Signed out.');
    });
  });

  // -- filters ---------------------------------------------------------------------------------

  function addOption(select, value, label) {
    var option = document.createElement('option');
    option.value = value;
    option.textContent = label;
    select.appendChild(option);
  }

  function partnerLabel(row) {
    if (state.scope === 'reseller') return row.vendorId;
    return row.resellerId === null ? 'Direct sales' : row.resellerName || row.resellerId;
  }

  function monthBefore(month, count) {
    var year = Number(month.slice(0, 4));
    var index = year * 12 + Number(month.slice(5, 7)) - 1 - count;
    return String(Math.floor(index / 12)).padStart(4, '0') + '-' + String((index % 12) + 1).padStart(2, '0');
  }

  function setUpFilters(overview) {
    var reseller = $('filter-reseller');
    var currency = $('filter-currency');
    while (reseller.options.length > 1) reseller.remove(1);
    while (currency.options.length > 1) currency.remove(1);
    if (state.scope === 'vendor') {
      overview.partners.forEach(function (p) {
        addOption(reseller, p.resellerId === null ? 'direct' : p.resellerId, partnerLabel(p));
      });
      $('filter-reseller-field').hidden = false;
    } else {
      $('filter-reseller-field').hidden = true;
    }
    overview.currencies.forEach(function (c) {
      addOption(currency, c, c);
    });
    // The last twelve months that have figures (or up to this month).
    var last = overview.months.last || overview.asOf.slice(0, 7);
    var first = overview.months.first;
    var from = monthBefore(last, 11);
    if (first && first > from) from = first;
    $('filter-from').value = from;
    $('filter-to').value = last;
    readFilters();
  }

  function readFilters() {
    var month = /^\d{4}-(0[1-9]|1[0-2])$/;
    var from = $('filter-from').value.trim();
    var to = $('filter-to').value.trim();
    state.filter = {
      fromMonth: month.test(from) ? from : undefined,
      toMonth: month.test(to) ? to : undefined,
      resellerId: $('filter-reseller').value || undefined,
      currency: $('filter-currency').value || undefined,
    };
    if (state.filter.fromMonth && state.filter.toMonth && state.filter.fromMonth > state.filter.toMonth) {
      var swap = state.filter.fromMonth;
      state.filter.fromMonth = state.filter.toMonth;
      state.filter.toMonth = swap;
    }
  }

  $('filters').addEventListener('submit', function (event) {
    event.preventDefault();
    readFilters();
    loadTables();
  });

  // -- tables ----------------------------------------------------------------------------------

  function visibleColumns(table) {
    return table.columns.filter(function (c) {
      if (c.key === 'resellerId') return false;
      if (c.key === 'vendorId') return state.scope === 'reseller';
      if (c.key === 'resellerName') return state.scope === 'vendor';
      return true;
    });
  }

  function cellText(column, row) {
    var value = row[column.key];
    if (column.key === 'resellerName' && row.resellerId === null) return 'Direct sales';
    if (value === null || value === undefined) return '';
    if (column.type === 'percent') return value + ' %';
    return String(value);
  }

  function renderTable(name, table) {
    var element = $('table-' + name);
    var head = element.tHead;
    var body = element.tBodies[0];
    head.textContent = '';
    body.textContent = '';
    var columns = visibleColumns(table);
    var headRow = head.insertRow();
    columns.forEach(function (column) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = column.label;
      th.title = column.description;
      if (column.type === 'count' || column.type === 'amount' || column.type === 'percent') th.className = 'num';
      headRow.appendChild(th);
    });
    if (table.rows.length === 0) {
      var empty = body.insertRow().insertCell();
      empty.colSpan = columns.length;
      empty.textContent = 'No figures for these filters.';
      showMore(name, table, 0);
      return;
    }
    // Built off the document, attached once; a long table shows its first rows until asked for all.
    var limit = state.showAll[name] ? table.rows.length : ROW_LIMIT;
    var rows = document.createDocumentFragment();
    table.rows.slice(0, limit).forEach(function (row) {
      var tr = document.createElement('tr');
      columns.forEach(function (column, index) {
        var cell = document.createElement(index === 0 ? 'th' : 'td');
        if (index === 0) cell.scope = 'row';
        cell.textContent = cellText(column, row);
        cell.setAttribute('data-key', column.key);
        if (column.type === 'count' || column.type === 'amount' || column.type === 'percent') cell.className = 'num';
        tr.appendChild(cell);
      });
      rows.appendChild(tr);
    });
    body.appendChild(rows);
    showMore(name, table, limit);
  }

  function showMore(name, table, shown) {
    var button = $('more-' + name);
    var note = $('count-' + name);
    var hidden = table.rows.length - Math.min(shown, table.rows.length);
    note.textContent =
      hidden > 0
        ? 'Showing ' + shown + ' of ' + table.rows.length + ' rows; the CSV download has them all.'
        : table.rows.length + (table.rows.length === 1 ? ' row.' : ' rows.');
    button.hidden = hidden === 0;
    button.textContent = 'Show all ' + table.rows.length + ' rows';
  }

  // -- charts ----------------------------------------------------------------------------------

  function unique(values) {
    return values.filter(function (v, i, all) {
      return all.indexOf(v) === i;
    });
  }

  function currenciesOf(table) {
    return unique(
      table.rows.map(function (r) {
        return r.currency;
      }),
    ).sort();
  }

  function chartCurrency(name, table) {
    var select = $('chart-currency-' + name);
    var currencies = currenciesOf(table);
    var wanted = state.chartCurrency[name] || state.filter.currency || currencies[0];
    if (currencies.indexOf(wanted) < 0) wanted = currencies[0];
    select.textContent = '';
    currencies.forEach(function (c) {
      addOption(select, c, c);
    });
    select.disabled = currencies.length < 2;
    if (wanted) select.value = wanted;
    return wanted;
  }

  /** Sums an amount column per label within one currency, exactly, then as numbers for the chart. */
  function amountSeries(rows, labels, labelOf, key) {
    var sums = {};
    rows.forEach(function (row) {
      var label = labelOf(row);
      sums[label] = addDecimals(sums[label] || '0', row[key]);
    });
    return labels.map(function (label) {
      return Number(sums[label] || '0');
    });
  }

  function countSeries(rows, labels, labelOf, key) {
    var sums = {};
    rows.forEach(function (row) {
      var label = labelOf(row);
      sums[label] = (sums[label] || 0) + row[key];
    });
    return labels.map(function (label) {
      return sums[label] || 0;
    });
  }

  function dataset(label, data, index, stack) {
    return {
      label: label,
      data: data,
      backgroundColor: COLORS[index % COLORS.length],
      borderColor: COLORS[index % COLORS.length],
      stack: stack,
    };
  }

  function chartConfig(name, table) {
    var rows = table.rows;
    var month = function (r) {
      return r.month;
    };
    switch (name) {
      case 'revenue': {
        var currency = chartCurrency(name, table);
        var inCurrency = rows.filter(function (r) {
          return r.currency === currency;
        });
        var months = unique(inCurrency.map(month)).sort();
        $('figcaption-revenue').textContent = currency
          ? 'Revenue by month in ' + currency + ', stacked by kind (new, renewal, expansion).'
          : 'No revenue in this period.';
        return {
          labels: months,
          datasets: [
            dataset('New', amountSeries(inCurrency, months, month, 'newRevenue'), 0, 'r'),
            dataset('Renewal', amountSeries(inCurrency, months, month, 'renewalRevenue'), 1, 'r'),
            dataset('Expansion', amountSeries(inCurrency, months, month, 'expansionRevenue'), 2, 'r'),
          ],
          stacked: true,
          yTitle: currency ? 'Amount (' + currency + ')' : '',
        };
      }
      case 'seats': {
        var seatMonths = unique(rows.map(month)).sort();
        return {
          labels: seatMonths,
          datasets: [
            dataset('New seats', countSeries(rows, seatMonths, month, 'seatsNew'), 0, 'sold'),
            dataset('Added seats', countSeries(rows, seatMonths, month, 'seatsAdded'), 2, 'sold'),
            dataset('Renewed seats', countSeries(rows, seatMonths, month, 'seatsRenewed'), 1, 'renewed'),
          ],
          stacked: true,
          yTitle: 'Seats',
        };
      }
      case 'active-subscriptions': {
        var partners = unique(rows.map(partnerLabel));
        return {
          labels: partners,
          datasets: [dataset('Active subscriptions', countSeries(rows, partners, partnerLabel, 'subscriptions'), 0)],
          yTitle: 'Subscriptions',
        };
      }
      case 'renewals-due': {
        var dueCurrency = chartCurrency(name, table);
        var due = rows.filter(function (r) {
          return r.currency === dueCurrency;
        });
        var windowLabel = function (r) {
          return 'Within ' + r.withinDays + ' days';
        };
        var windows = ['Within 30 days', 'Within 60 days', 'Within 90 days'];
        $('figcaption-renewals-due').textContent = dueCurrency
          ? 'Annual totals of renewals due, in ' + dueCurrency + '.'
          : 'No renewals due within 90 days.';
        return {
          labels: windows,
          datasets: [dataset('Annual total due', amountSeries(due, windows, windowLabel, 'annualTotal'), 0)],
          yTitle: dueCurrency ? 'Annual total (' + dueCurrency + ')' : '',
        };
      }
      case 'transfers': {
        var who = unique(rows.map(partnerLabel));
        return {
          labels: who,
          datasets: ['pending', 'accepted', 'lapsed', 'cancelled'].map(function (key, i) {
            return dataset(key.charAt(0).toUpperCase() + key.slice(1), countSeries(rows, who, partnerLabel, key), i, 't');
          }),
          stacked: true,
          horizontal: true,
          yTitle: 'Transfers',
        };
      }
      default: {
        var holders = unique(rows.map(partnerLabel));
        var parts = [
          ['used', 'Used'],
          ['remaining', 'Issuable'],
          ['blockedUnused', 'Unused, blocked'],
          ['expiredUnused', 'Unused, expired'],
        ];
        return {
          labels: holders,
          datasets: parts.map(function (part, i) {
            return dataset(part[1], countSeries(rows, holders, partnerLabel, part[0]), i, 'u');
          }),
          stacked: true,
          horizontal: true,
          yTitle: 'Licenses',
        };
      }
    }
  }

  /** Chart.js loads after this script (so the figures are asked for first); charts wait for it. */
  function whenChartReady(draw) {
    if (window.Chart) return draw();
    window.addEventListener(
      'load',
      function () {
        if (window.Chart) draw();
      },
      { once: true },
    );
  }

  function renderChart(name, table) {
    if (!window.Chart)
      return whenChartReady(function () {
        renderChart(name, table);
      });
    var spec = chartConfig(name, table);
    if (state.charts[name]) state.charts[name].destroy();
    var valueAxis = { stacked: !!spec.stacked, beginAtZero: true, title: { display: !!spec.yTitle, text: spec.yTitle } };
    var labelAxis = { stacked: !!spec.stacked };
    state.charts[name] = new window.Chart($('chart-' + name), {
      type: 'bar',
      data: { labels: spec.labels, datasets: spec.datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: spec.horizontal ? 'y' : 'x',
        plugins: { legend: { position: 'bottom' } },
        scales: spec.horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
      },
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('.chart-currency'), function (select) {
    select.addEventListener('change', function () {
      var name = select.dataset.table;
      state.chartCurrency[name] = select.value;
      if (state.tables[name]) renderChart(name, state.tables[name]);
    });
  });

  // -- loading ---------------------------------------------------------------------------------

  function mark(name) {
    if (window.performance && performance.mark) performance.mark(name);
  }

  function loadTables() {
    say('Loading the figures…');
    mark('figures-requested');
    var suffix = query(filterParams());
    return Promise.all(
      TABLES.map(function (name) {
        return getJson(state.base + '/' + name + suffix);
      }),
    ).then(function (tables) {
      mark('figures-received');
      // Charts first (they measure their boxes), then the tables: one layout for all of them.
      tables.forEach(function (table, i) {
        state.tables[TABLES[i]] = table;
        renderChart(TABLES[i], table);
      });
      mark('charts-rendered');
      tables.forEach(function (table, i) {
        renderTable(TABLES[i], table);
      });
      mark('figures-rendered');
      var asOf = tables[0].asOf;
      var period =
        state.filter.fromMonth || state.filter.toMonth
          ? (state.filter.fromMonth || '…') + ' to ' + (state.filter.toMonth || '…')
          : 'all months';
      $('as-of').textContent = 'Monthly figures: ' + period + '. Current figures as of ' + asOf.replace('T', ' ').slice(0, 16) + ' UTC.';
      say('Figures loaded.');
      // Loaded once the browser has laid out and painted them (the next frame).
      window.requestAnimationFrame(function () {
        setTimeout(function () {
          mark('figures-painted');
          document.body.dataset.loaded = 'true';
        }, 0);
      });
    }, failed);
  }

  function failed(error) {
    if (error instanceof Session.SignedOut) return showSignIn(error.message);
    say('The figures could not be loaded: ' + error.message);
  }

  function downloadCsv(name) {
    var url = state.base + '/' + name + query(Object.assign(filterParams(), { format: 'csv' }));
    say('Preparing ' + name + '.csv…');
    Session.fetch(url, { headers: { Accept: 'text/csv' } })
      .then(function (response) {
        if (!response.ok)
          return Session.problemOf(response).then(function (p) {
            throw new Error(p.detail);
          });
        var disposition = response.headers.get('Content-Disposition') || '';
        var match = /filename="([^"]+)"/.exec(disposition);
        return response.blob().then(function (blob) {
          var link = document.createElement('a');
          link.href = URL.createObjectURL(blob);
          link.download = match ? match[1] : name + '.csv';
          document.body.appendChild(link);
          link.click();
          setTimeout(function () {
            URL.revokeObjectURL(link.href);
            link.remove();
          }, 1000);
          say('Downloaded ' + link.download + '.');
        });
      })
      .catch(failed);
  }

  Array.prototype.forEach.call(document.querySelectorAll('button.more'), function (button) {
    button.addEventListener('click', function () {
      var name = button.dataset.table;
      state.showAll[name] = true;
      renderTable(name, state.tables[name]);
      // Keyboard users go on where the hidden rows begin.
      var first = $('table-' + name).tBodies[0].rows[ROW_LIMIT];
      if (first) {
        first.cells[0].tabIndex = -1;
        first.cells[0].focus();
      }
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll('button.csv'), function (button) {
    button.addEventListener('click', function () {
      downloadCsv(button.dataset.table);
    });
  });

  /** Who is signed in: kept with the session by /sign-in; asked of the server otherwise. */
  function whoAmI() {
    var principal = Session.load().principal;
    if (principal && principal.role && principal.email) {
      return Promise.resolve({ role: principal.role, tenantId: principal.tenantId, subject: principal.email });
    }
    return getJson('/auth/me');
  }

  function start() {
    mark('dashboard-script');
    if (!Session.load()) return showSignIn();
    whoAmI()
      .then(function (me) {
        if (me.role !== 'vendor-admin' && me.role !== 'reseller') {
          showSignIn(
            'Signed in as ' +
              me.role +
              ': this dashboard is for vendor administrators and resellers. Sign in with another address, or read /reports/… with your own tools.',
          );
          $('sign-out').hidden = false;
          return null;
        }
        state.scope = me.role === 'vendor-admin' ? 'vendor' : 'reseller';
        state.base =
          (state.scope === 'vendor' ? '/reports/vendors/' : '/reports/resellers/') + encodeURIComponent(me.tenantId) + '/dashboard';
        return getJson(state.base).then(function (overview) {
          state.overview = overview;
          var own = state.scope === 'reseller' && overview.partners[0] ? overview.partners[0].resellerName : null;
          $('who').textContent = 'Signed in as ' + me.subject + ' (' + ROLE_NAMES[me.role] + ' of ' + (own || me.tenantId) + ')';
          $('sign-out').hidden = false;
          $('sign-in').hidden = true;
          $('dashboard').hidden = false;
          setUpFilters(overview);
          return loadTables();
        });
      })
      .catch(failed);
  }

  start();
})();
