// Draws each chart from the table that carries its figures: a table with data-diagram="<id>" fills
// the element with that id. Header cells with data-serie name the series, each body row with
// data-etikett is a point on the x axis, and its cells' data-verdi are the values. A series is bars,
// or a line where its header says data-type="linje"; data-stablet="ja" on the table stacks the bars;
// data-enhet="antall" on the table makes the values counts, not kroner. The page computes nothing:
// the table is the figures, and the chart only draws them.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }
  var kroner = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  var antall = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });

  function draw(table) {
    var target = document.getElementById(table.getAttribute('data-diagram'));
    if (!target) {
      return;
    }
    var headers = Array.prototype.slice.call(table.querySelectorAll('thead th[data-serie]'));
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-etikett]'));
    var stacked = table.getAttribute('data-stablet') === 'ja';
    var counts = table.getAttribute('data-enhet') === 'antall';
    var columnIndex = headers.map(function (th) {
      return Array.prototype.indexOf.call(th.parentNode.children, th);
    });
    var series = headers.map(function (th, i) {
      var line = th.getAttribute('data-type') === 'linje';
      return {
        name: th.getAttribute('data-serie'),
        type: line ? 'line' : 'bar',
        stack: stacked && !line ? 'sum' : undefined,
        data: rows.map(function (tr) {
          var cell = tr.children[columnIndex[i]];
          var value = cell ? cell.getAttribute('data-verdi') : null;
          return value === null || value === '' ? null : Number(value);
        })
      };
    });
    var chart = echarts.init(target, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      color: ['#0b3d6e', '#2a7ab0', '#7fb8e0', '#a4500f', '#e09a4f', '#1d6b2f', '#6b6b6b'],
      // richText draws the tooltip on the canvas: an HTML tooltip would need inline styles, which
      // the Content-Security-Policy forbids.
      tooltip: {
        trigger: 'axis',
        renderMode: 'richText',
        valueFormatter: function (v) {
          if (v === null || v === undefined) {
            return '–';
          }
          return counts ? antall.format(v) : kroner.format(v) + ' kr';
        }
      },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 90, right: 20, top: 20, bottom: 60 },
      xAxis: { type: 'category', data: rows.map(function (tr) { return tr.getAttribute('data-etikett'); }) },
      yAxis: {
        type: 'value',
        axisLabel: {
          formatter: function (v) { return counts ? antall.format(v) : kroner.format(v / 1000).replace(/,00$/, '') + ' k'; }
        }
      },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  Array.prototype.forEach.call(document.querySelectorAll('table[data-diagram]'), draw);
})();
