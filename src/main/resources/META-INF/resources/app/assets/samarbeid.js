/*
 * Charts of the Samarbeid pages, drawn from the table beside each one (the table is the accessible
 * equivalent; nothing here is fetched or computed that the table does not show).
 *
 * A chart element names its table: data-tabell="<table id>". With data-rad="<row>" it draws that
 * one row (a member), its columns as categories, on the same scale as the table's other rows;
 * without, every row is a category and each column marked data-diagram a series ("stolpe": bars,
 * "linje": a line). Cells carry their value in data-verdi; an empty one is a hidden figure and is
 * left out. Tooltips are richText: ECharts' HTML tooltips would need inline styles, which the
 * pages' Content-Security-Policy forbids.
 */
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }
  var kroner = new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK', minimumFractionDigits: 2 });
  var kronerKort = new Intl.NumberFormat('nb-NO', { notation: 'compact', maximumFractionDigits: 1 });
  var antall = new Intl.NumberFormat('nb-NO');

  function columns(table) {
    return Array.prototype.map.call(table.querySelectorAll('thead th[data-diagram]'), function (th) {
      return { felt: th.getAttribute('data-felt'), navn: th.textContent.trim(), type: th.getAttribute('data-diagram') };
    });
  }

  function value(row, felt) {
    var cell = row.querySelector('td[data-felt="' + felt + '"]');
    var raw = cell ? cell.getAttribute('data-verdi') : '';
    return raw === null || raw === '' ? null : Number(raw);
  }

  function rows(table) {
    return Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-rad]'));
  }

  function label(row) {
    var th = row.querySelector('th');
    return th ? th.firstChild.textContent.trim() : '';
  }

  function oneRow(table, cols, code, format) {
    var all = [];
    rows(table).forEach(function (r) {
      cols.forEach(function (c) {
        var v = value(r, c.felt);
        if (v !== null) {
          all.push(v);
        }
      });
    });
    var row = table.querySelector('tbody tr[data-rad="' + code + '"]');
    if (!row) {
      return null;
    }
    return {
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', renderMode: 'richText', valueFormatter: format },
      xAxis: { type: 'category', data: cols.map(function (c) { return c.navn; }), axisLabel: { interval: 0, width: 70, overflow: 'break' } },
      yAxis: {
        type: 'value',
        min: Math.min(0, Math.min.apply(null, all.concat([0]))),
        max: Math.max.apply(null, all.concat([0])),
        axisLabel: { formatter: function (v) { return kronerKort.format(v); } }
      },
      series: [{
        type: 'bar',
        name: label(row),
        data: cols.map(function (c) { return value(row, c.felt); })
      }]
    };
  }

  function allRows(table, cols, format) {
    var rs = rows(table);
    return {
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: format },
      xAxis: { type: 'category', data: rs.map(label) },
      yAxis: { type: 'value', minInterval: 1 },
      series: cols.map(function (c) {
        return {
          type: c.type === 'linje' ? 'line' : 'bar',
          step: c.type === 'linje' ? 'middle' : undefined,
          name: c.navn,
          data: rs.map(function (r) { return value(r, c.felt); })
        };
      })
    };
  }

  function draw(element) {
    var table = document.getElementById(element.getAttribute('data-tabell'));
    if (!table) {
      return;
    }
    var money = table.getAttribute('data-penger') === 'ja';
    var format = function (v) {
      if (v === null || v === undefined) {
        return 'skjult';
      }
      return money ? kroner.format(v) : antall.format(v);
    };
    var cols = columns(table);
    var code = element.getAttribute('data-rad');
    var option = code ? oneRow(table, cols, code, format) : allRows(table, cols, format);
    if (!option) {
      return;
    }
    option.aria = { enabled: false };
    option.animation = false;
    var chart = echarts.init(element);
    chart.setOption(option);
    window.addEventListener('resize', function () {
      chart.resize();
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-tabell]'), draw);
})();
