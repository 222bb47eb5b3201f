/* Answer-time chart of the feedback statistics: bars of on-time and late answers per agency,
   a line of the average answer time in working days. The same figures are in the table. */
(function () {
  "use strict";
  if (!window.echarts) { return; }
  document.querySelectorAll("[data-fb-chart]").forEach(function (element) {
    var source = document.getElementById(element.getAttribute("data-fb-chart"));
    if (!source) { return; }
    var data = JSON.parse(source.textContent);
    var chart = window.echarts.init(element);
    chart.setOption({
      color: ["#00703c", "#b3261e", "#1d4f91"], animation: false,
      tooltip: { trigger: "axis" }, legend: { top: 0, textStyle: { color: "#1b1b1b" } },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: data.labels, axisLabel: { color: "#1b1b1b", interval: 0 } },
      yAxis: [{ type: "value", axisLabel: { color: "#1b1b1b" } },
              { type: "value", axisLabel: { color: "#1b1b1b" } }],
      series: [
        { name: data.series[0].name, type: "bar", stack: "n", data: data.series[0].data, barMaxWidth: 48 },
        { name: data.series[1].name, type: "bar", stack: "n", data: data.series[1].data, barMaxWidth: 48 },
        { name: data.series[2].name, type: "line", yAxisIndex: 1, data: data.series[2].data }
      ]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();
