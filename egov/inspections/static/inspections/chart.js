/* Findings by state as horizontal bars (the labels fit a phone); the same figures are in the summary list on the page. */
(function () {
  "use strict";
  if (!window.echarts) { return; }
  document.querySelectorAll("[data-inspections-chart]").forEach(function (element) {
    var source = document.getElementById(element.getAttribute("data-inspections-chart"));
    if (!source) { return; }
    var data = JSON.parse(source.textContent);
    var chart = window.echarts.init(element);
    chart.setOption({
      color: ["#1d4f91"], animation: false,
      tooltip: { trigger: "axis" },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1, axisLabel: { color: "#1b1b1b" } },
      yAxis: { type: "category", inverse: true, data: data.labels, axisLabel: { color: "#1b1b1b" } },
      series: [{ name: data.name, type: "bar", data: data.values, barMaxWidth: 32,
                 itemStyle: { color: function (p) { return ["#b3261e", "#8a5a00", "#1e6b34", "#b3261e"][p.dataIndex]; } } }]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();
