// Fan charts of the risk page, each drawn from the table that carries its figures: a table with
// data-vifte="<id>" fills the element with that id. Each body row with data-etikett is a year; its
// cells' data-felt names the figure (alene-p10, alene-p50, alene-p90, samlet-p10, ...) and
// data-verdi holds it. For running alone and pooled, the band from P10 to P90 is drawn as an area
// over a transparent line at P10 (ECharts stacks the band's height on it), and P50 as a line. The
// page computes nothing the table does not show: the band's height is only how it is drawn.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }
  var kroner = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  var sides = [
    { key: 'alene', name: 'Alene', color: '#a4500f' },
    { key: 'samlet', name: 'I samarbeidet', color: '#0b3d6e' }
  ];

  function value(tr, field) {
    var cell = tr.querySelector('td[data-felt="' + field + '"]');
    var raw = cell ? cell.getAttribute('data-verdi') : null;
    return raw === null || raw === '' ? null : Number(raw);
  }

  function draw(table) {
    var target = document.getElementById(table.getAttribute('data-vifte'));
    if (!target) {
      return;
    }
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-etikett]'));
    var series = [];
    sides.forEach(function (side) {
      var low = rows.map(function (tr) { return value(tr, side.key + '-p10'); });
      var high = rows.map(function (tr) { return value(tr, side.key + '-p90'); });
      series.push({
        name: side.name + ' P10',
        type: 'line',
        stack: side.key,
        symbol: 'none',
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
        data: low
      });
      series.push({
        name: side.name + ' P10–P90',
        type: 'line',
        stack: side.key,
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: side.color, opacity: 0.25 },
        color: side.color,
        tooltip: { show: false },
        data: high.map(function (h, i) { return h === null || low[i] === null ? null : h - low[i]; })
      });
      series.push({
        name: side.name + ' P50',
        type: 'line',
        color: side.color,
        data: rows.map(function (tr) { return value(tr, side.key + '-p50'); })
      });
    });
    var chart = echarts.init(target, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      // richText: an HTML tooltip would need inline styles, which the Content-Security-Policy forbids.
      tooltip: {
        trigger: 'axis',
        renderMode: 'richText',
        valueFormatter: function (v) { return v === null || v === undefined ? '–' : kroner.format(v) + ' kr'; }
      },
      legend: { bottom: 0, data: sides.map(function (s) { return s.name + ' P50'; }).concat(sides.map(function (s) { return s.name + ' P10–P90'; })) },
      grid: { left: 90, right: 20, top: 20, bottom: 60 },
      xAxis: { type: 'category', boundaryGap: false, data: rows.map(function (tr) { return tr.getAttribute('data-etikett'); }) },
      yAxis: {
        type: 'value',
        scale: true,
        axisLabel: { formatter: function (v) { return kroner.format(v / 1000).replace(/,00$/, '') + ' k'; } }
      },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  Array.prototype.forEach.call(document.querySelectorAll('table[data-vifte]'), draw);
})();
