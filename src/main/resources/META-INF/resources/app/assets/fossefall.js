// Draws a waterfall from the table that carries its figures (data-fossefall names the target):
// each row is a bar from data-fra to data-til; rows with data-sum="ja" start at zero (the
// forecast's and the claim's grant). The page computes nothing; the chart only draws the table.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }
  var kroner = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  Array.prototype.forEach.call(document.querySelectorAll('table[data-fossefall]'), function (table) {
    var target = document.getElementById(table.getAttribute('data-fossefall'));
    if (!target) {
      return;
    }
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-etikett]'));
    var base = [];
    var up = [];
    var down = [];
    rows.forEach(function (tr) {
      var from = Number(tr.getAttribute('data-fra'));
      var to = Number(tr.getAttribute('data-til'));
      var low = Math.min(from, to);
      base.push(low);
      if (to >= from) {
        up.push(to - from);
        down.push(0);
      } else {
        up.push(0);
        down.push(from - to);
      }
    });
    var chart = echarts.init(target, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      tooltip: {
        trigger: 'axis',
        renderMode: 'richText',
        valueFormatter: function (v) { return kroner.format(v) + ' kr'; }
      },
      grid: { left: 90, right: 20, top: 20, bottom: 80 },
      xAxis: {
        type: 'category',
        data: rows.map(function (tr) { return tr.getAttribute('data-etikett'); }),
        axisLabel: { interval: 0, rotate: 30 }
      },
      yAxis: { type: 'value', axisLabel: { formatter: function (v) { return kroner.format(v / 1000).replace(/,00$/, '') + ' k'; } } },
      series: [
        { name: 'grunnlag', type: 'bar', stack: 'fossefall', silent: true, itemStyle: { color: 'transparent' }, data: base, tooltip: { show: false } },
        { name: 'Opp', type: 'bar', stack: 'fossefall', itemStyle: { color: '#1d6b2f' }, data: up },
        { name: 'Ned', type: 'bar', stack: 'fossefall', itemStyle: { color: '#a4500f' }, data: down }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
}());
