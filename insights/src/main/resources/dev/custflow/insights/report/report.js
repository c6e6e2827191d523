// Draws the report's charts from the specs in #custflow-charts with ECharts (inlined above: no network).
// After drawing, each chart's element holds data-points: the values ECharts took, read back from the chart itself.
(function () {
  'use strict';
  var specs = JSON.parse(document.getElementById('custflow-charts').textContent);
  function percent(v) {
    return v === null || v === undefined ? '' : (Math.round(v * 1000) / 10) + '%';
  }
  function formatter(unit) {
    if (unit === 'ratio') { return percent; }
    return function (v) {
      return v === null || v === undefined ? '' : Number(v).toLocaleString('en-US', {maximumFractionDigits: 2});
    };
  }
  function optionOf(c) {
    var format = formatter(c.unit);
    var base = {animation: false, tooltip: {}, grid: {left: 8, right: 24, top: 36, bottom: 8, containLabel: true}};
    if (c.kind === 'PIE' || c.kind === 'FUNNEL') {
      var s = c.series[0];
      var data = [];
      c.categories.forEach(function (name, i) {
        if (s.values[i] !== null) { data.push({name: name, value: s.values[i]}); }
      });
      base.tooltip = {trigger: 'item', valueFormatter: format};
      base.legend = {type: 'scroll', top: 0};
      base.series = [c.kind === 'PIE'
        ? {type: 'pie', name: s.name, radius: ['30%', '65%'], top: 30, data: data,
           label: {formatter: '{b}: {c}'}}
        : {type: 'funnel', name: s.name, sort: 'none', top: 36, bottom: 8, minSize: '8%', data: data,
           label: {formatter: '{b}: {c}'}}];
      return base;
    }
    var horizontal = c.kind === 'HORIZONTAL_BAR';
    var category = {type: 'category', data: c.categories, axisLabel: {hideOverlap: true}};
    var value = {type: 'value', axisLabel: {formatter: format}};
    if (c.unit === 'ratio') { value.max = function (r) { return Math.max(1, r.max); }; }
    base.xAxis = horizontal ? value : category;
    base.yAxis = horizontal ? category : value;
    base.tooltip = {trigger: 'axis', valueFormatter: format};
    if (c.series.length > 1) { base.legend = {type: 'scroll', top: 0}; }
    base.series = c.series.map(function (s) {
      return {type: c.kind === 'LINE' ? 'line' : 'bar', name: s.name, data: s.values,
              stack: c.kind === 'STACKED_BAR' ? 'all' : undefined, connectNulls: false};
    });
    return base;
  }
  function pointsIn(chart) {
    var n = 0;
    chart.getOption().series.forEach(function (s) {
      (s.data || []).forEach(function (d) {
        var v = d !== null && typeof d === 'object' ? d.value : d;
        if (v !== null && v !== undefined && v !== '-') { n++; }
      });
    });
    return n;
  }
  var drawn = 0;
  specs.forEach(function (c) {
    var el = document.getElementById('chart-' + c.id);
    var chart = echarts.init(el, null, {renderer: 'canvas'});
    chart.setOption(optionOf(c));
    el.setAttribute('data-points', String(pointsIn(chart)));
    drawn++;
    window.addEventListener('resize', function () { chart.resize(); });
  });
  document.documentElement.setAttribute('data-charts-drawn', String(drawn));
})();
