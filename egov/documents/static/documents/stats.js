/* Charts of the e-office dashboard. Each element with data-chart names a json_script
   element holding {labels, series:[{name, data}]}; the same figures are in the table next
   to the chart, which is what screen readers and printouts use. */
(function () {
  "use strict";
  if (!window.echarts) { return; }
  var colours = ["#1d4f91", "#8a1c1c", "#00703c", "#8a5300"];
  var charts = [];
  document.querySelectorAll("[data-chart]").forEach(function (element) {
    var source = document.getElementById(element.getAttribute("data-chart"));
    if (!source) { return; }
    var data = JSON.parse(source.textContent);
    var horizontal = element.getAttribute("data-orientation") === "horizontal";
    var categoryAxis = { type: "category", data: data.labels, axisLabel: { color: "#1b1b1b" } };
    var valueAxis = { type: "value", minInterval: 1, axisLabel: { color: "#1b1b1b" } };
    var chart = window.echarts.init(element);
    chart.setOption({
      color: colours,
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { top: 0, textStyle: { color: "#1b1b1b" } },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? Object.assign({ inverse: true }, categoryAxis) : valueAxis,
      series: data.series.map(function (s) {
        return { name: s.name, type: "bar", barMaxWidth: 48, data: s.data, label: { show: true, position: horizontal ? "right" : "top", color: "#1b1b1b" } };
      })
    });
    charts.push(chart);
  });
  window.addEventListener("resize", function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
