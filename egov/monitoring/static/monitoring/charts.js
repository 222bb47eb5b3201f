/* Oversight charts: one indicator as bars (per agency or per month) with the target as a
   line. The same figures are in the tables on the page. */
(function () {
  "use strict";
  if (!window.echarts) { return; }
  document.querySelectorAll("[data-monitoring-chart]").forEach(function (element) {
    var source = document.getElementById(element.getAttribute("data-monitoring-chart"));
    if (!source) { return; }
    var data = JSON.parse(source.textContent);
    var series = [{ name: data.name, type: "bar", data: data.values, barMaxWidth: 48 }];
    if (data.target !== null) {
      series.push({ name: data.target_name, type: "line", symbol: "none",
                    data: data.labels.map(function () { return data.target; }) });
    }
    var chart = window.echarts.init(element);
    chart.setOption({
      color: ["#1d4f91", "#b3261e"], animation: false,
      tooltip: { trigger: "axis" }, legend: { top: 0, textStyle: { color: "#1b1b1b" } },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: data.labels, axisLabel: { color: "#1b1b1b", rotate: 30 } },
      yAxis: { type: "value", axisLabel: { color: "#1b1b1b" } },
      series: series
    });
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();
